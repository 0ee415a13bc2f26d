import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { api } from '../../api/client';
import { PasswordFields } from './PasswordFields';
import { useNewPassword } from './useNewPassword';

/** Current password, then the new one twice; used at first sign-in after a reset and in 设置. */
export function ChangePasswordForm({ login, onDone }: { login: string; onDone: (s: SessionInfo) => void }) {
  const [current, setCurrent] = useState('');
  const { fields, error, busy, submit: withPassword } = useNewPassword('修改失败，请重试');

  const submit = () =>
    withPassword(login, async (password) => {
      const s = await api.auth.changePassword({ currentPassword: current, password });
      setCurrent('');
      onDone(s);
    });

  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 380 }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item label="当前密码" required>
        <Input.Password id="field-current-password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Form.Item>
      <PasswordFields {...fields} />
      <Button type="primary" loading={busy} onClick={() => void submit()}>
        修改密码
      </Button>
    </Form>
  );
}
