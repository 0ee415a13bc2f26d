import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { newPasswordProblem, PasswordFields, type NewPassword } from '../auth/PasswordFields';

/** 重置密码: a temporary password; the user must choose a new one at next sign-in; their sessions end. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: () => void }) {
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [fieldError, setFieldError] = useState<ReturnType<typeof newPasswordProblem>>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!user) return;
    const problem = newPasswordProblem(pw, user.login);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await api.users.resetPassword({ id: user.id, password: pw.password });
      setPw({ password: '', confirm: '' });
      setError(null);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '重置失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`重置密码：${user?.displayName ?? ''}`} open={user !== null} onCancel={onClose} onOk={() => void submit()} okText="重置" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Alert type="info" showIcon message="重置后该用户已登录的窗口会退出，下次登录时须改为自己的新密码。" style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="div">
        <PasswordFields value={pw} onChange={setPw} error={fieldError} label="临时密码" idPrefix="reset" />
      </Form>
    </Modal>
  );
}
