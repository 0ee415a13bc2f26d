import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { api } from '../../api/client';
import { AuthCard } from './AuthCard';
import { PasswordFields } from './PasswordFields';
import { useNewPassword } from './useNewPassword';

/** The administrator's one-time recovery code (printed at setup) sets a new password once. */
export function RecoverForm({ onDone, onCancel }: { onDone: (s: SessionInfo) => void; onCancel: () => void }) {
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const { fields, error, busy, submit: withPassword } = useNewPassword('重设失败，请重试');

  const submit = () =>
    withPassword(login, async (password) => onDone(await api.auth.recover({ login: login.trim(), recoveryCode: code, password })));

  return (
    <AuthCard title="用恢复码重设密码" subtitle="恢复码在初始设置时打印，只能使用一次；用过后请在“设置”中妥善保管新密码。">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" component="div" onKeyDown={(e) => e.key === 'Enter' && e.ctrlKey && void submit()}>
        <Form.Item label="管理员用户名" required>
          <Input id="recover-login" autoFocus value={login} onChange={(e) => setLogin(e.target.value)} />
        </Form.Item>
        <Form.Item label="恢复码" required>
          <Input id="recover-code" value={code} placeholder="XXXXX-XXXXX-XXXXX-XXXXX" onChange={(e) => setCode(e.target.value)} />
        </Form.Item>
        <PasswordFields {...fields} />
        <Space>
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            重设密码并登录
          </Button>
          <Button onClick={onCancel}>返回登录</Button>
        </Space>
      </Form>
    </AuthCard>
  );
}
