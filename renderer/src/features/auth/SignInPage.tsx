import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { useSettings } from '../../settings-context';
import { AuthCard } from './AuthCard';
import { RecoverForm } from './RecoverForm';

/** The app opens here: login name, password, Enter. One message for a wrong name or password. */
export function SignInPage({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { settings } = useSettings();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);

  if (recovering) return <RecoverForm onDone={onSignedIn} onCancel={() => setRecovering(false)} />;

  const submit = async () => {
    if (!login.trim() || !password) {
      setError('请输入用户名和密码');
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await api.auth.signIn({ login: login.trim(), password }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请重试');
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="登录" subtitle={`${settings.unitName} · 农机更新补贴台账`}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
      <Form layout="vertical" component="div">
        <Form.Item label="用户名" required>
          <Input
            id="sign-in-login"
            autoFocus
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            onPressEnter={() => document.getElementById('sign-in-password')?.focus()}
          />
        </Form.Item>
        <Form.Item label="密码" required>
          <Input.Password
            id="sign-in-password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
        <Button type="primary" size="large" block loading={busy} onClick={() => void submit()}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        忘记密码请找站长（县局管理员）重置；管理员本人可
        <Button type="link" size="small" onClick={() => setRecovering(true)} style={{ padding: '0 2px' }}>
          用恢复码重设密码
        </Button>
      </Typography.Paragraph>
    </AuthCard>
  );
}
