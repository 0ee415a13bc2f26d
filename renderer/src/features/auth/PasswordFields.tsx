import { Form, Input } from 'antd';
import { passwordProblem } from '../../../../shared/domain/password-policy';

export interface NewPassword {
  password: string;
  confirm: string;
}

/** Why a new password (and its repetition) cannot be used yet, or null. */
export function newPasswordProblem(v: NewPassword, login: string): { field: 'password' | 'confirm'; message: string } | null {
  const problem = passwordProblem(v.password, login);
  if (problem) return { field: 'password', message: problem };
  if (v.password !== v.confirm) return { field: 'confirm', message: '两次输入的密码不一致' };
  return null;
}

/** New password + confirmation, with the policy said up front. */
export function PasswordFields({
  value,
  onChange,
  error,
  label = '新密码',
  idPrefix = 'field',
}: {
  value: NewPassword;
  onChange: (v: NewPassword) => void;
  error: { field: 'password' | 'confirm'; message: string } | null;
  label?: string;
  /** Element ids are `${idPrefix}-password` / `${idPrefix}-confirm` (unique when two forms share a page). */
  idPrefix?: string;
}) {
  return (
    <>
      <Form.Item
        label={label}
        required
        extra="至少8位，含数字、字母、符号中至少两类，不能包含用户名"
        validateStatus={error?.field === 'password' ? 'error' : undefined}
        help={error?.field === 'password' ? error.message : undefined}
      >
        <Input.Password
          id={`${idPrefix}-password`}
          autoComplete="new-password"
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
        />
      </Form.Item>
      <Form.Item
        label="再次输入"
        required
        validateStatus={error?.field === 'confirm' ? 'error' : undefined}
        help={error?.field === 'confirm' ? error.message : undefined}
      >
        <Input.Password
          id={`${idPrefix}-confirm`}
          autoComplete="new-password"
          value={value.confirm}
          onChange={(e) => onChange({ ...value, confirm: e.target.value })}
        />
      </Form.Item>
    </>
  );
}
