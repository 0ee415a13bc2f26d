import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { newPasswordProblem, PasswordFields, type NewPassword } from './PasswordFields';

/** Current password, then the new one twice; used at first sign-in after a reset and in 设置. */
export function ChangePasswordForm({ login, onDone }: { login: string; onDone: (s: SessionInfo) => void }) {
  const [current, setCurrent] = useState('');
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [fieldError, setFieldError] = useState<ReturnType<typeof newPasswordProblem>>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = newPasswordProblem(pw, login);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const s = await api.auth.changePassword({ currentPassword: current, password: pw.password });
      setCurrent('');
      setPw({ password: '', confirm: '' });
      setError(null);
      onDone(s);
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '修改失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 380 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item label="当前密码" required>
        <Input.Password id="field-current-password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Form.Item>
      <PasswordFields value={pw} onChange={setPw} error={fieldError} />
      <Button type="primary" loading={busy} onClick={() => void submit()}>
        修改密码
      </Button>
    </Form>
  );
}
