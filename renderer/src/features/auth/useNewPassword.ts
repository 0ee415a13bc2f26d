import { useState } from 'react';
import { ApiError } from '../../api/client';
import { newPasswordProblem, type NewPassword } from './PasswordFields';

const EMPTY: NewPassword = { password: '', confirm: '' };

/**
 * The new-password handling every password form shares (设置, recovery, first administrator, 新增用户,
 * 重置密码): the two fields' state, the policy and confirmation check before anything is sent, the busy flag,
 * and the service's refusal as a Chinese message. `fields` goes straight to <PasswordFields>.
 */
export function useNewPassword(failMessage: string) {
  const [value, setValue] = useState<NewPassword>(EMPTY);
  const [fieldError, setFieldError] = useState<ReturnType<typeof newPasswordProblem>>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Checks the new password for `login`, then runs `action` with it; on success the fields and the error clear. */
  const submit = async (login: string, action: (password: string) => Promise<void>) => {
    const problem = newPasswordProblem(value, login);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await action(value.password);
      setValue(EMPTY);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : failMessage);
    } finally {
      setBusy(false);
    }
  };

  return { fields: { value, onChange: setValue, error: fieldError }, error, busy, submit };
}
