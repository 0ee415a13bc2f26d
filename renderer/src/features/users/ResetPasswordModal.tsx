import { Alert, Form, Modal } from 'antd';
import type { User } from '../../../../shared/schemas/auth';
import { api } from '../../api/client';
import { PasswordFields } from '../auth/PasswordFields';
import { useNewPassword } from '../auth/useNewPassword';

/** 重置密码: a temporary password; the user must choose a new one at next sign-in; their sessions end. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: () => void }) {
  const { fields, error, busy, submit: withPassword } = useNewPassword('重置失败，请重试');

  const submit = async () => {
    if (!user) return;
    await withPassword(user.login, async (password) => {
      await api.users.resetPassword({ id: user.id, password });
      onDone();
    });
  };

  return (
    <Modal title={`重置密码：${user?.displayName ?? ''}`} open={user !== null} onCancel={onClose} onOk={() => void submit()} okText="重置" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Alert type="info" showIcon message="重置后该用户已登录的窗口会退出，下次登录时须改为自己的新密码。" style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="div">
        <PasswordFields {...fields} label="临时密码" idPrefix="reset" />
      </Form>
    </Modal>
  );
}
