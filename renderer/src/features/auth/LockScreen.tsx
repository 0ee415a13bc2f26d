import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/api/access';
import type { SessionInfo, SessionUser } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { UNLOCKED_EVENT } from './auth-events';
import { AuthCard } from './AuthCard';

/**
 * Shown over the app when the screen locks: only the password of the user who locked it reopens the
 * same page with everything typed so far; 切换用户 signs out instead.
 */
export function LockScreen({ user, onUnlocked, onSignOut }: { user: SessionUser; onUnlocked: (s: SessionInfo) => void; onSignOut: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    if (!password) return setError('请输入密码');
    setBusy(true);
    try {
      onUnlocked(await api.auth.signIn({ login: user.login, password }));
      window.dispatchEvent(new Event(UNLOCKED_EVENT));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '解锁失败，请重试');
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  // Pages stay mounted under the lock and some listen for keys on the window (the counter's scanner
  // shortcuts): Enter in the password field is taken first, before any of them.
  const onEnter = useEffectEvent(() => void unlock());
  useEffect(() => {
    const take = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing || (e.target as HTMLElement | null)?.id !== 'unlock-password') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      onEnter();
    };
    window.addEventListener('keydown', take, { capture: true });
    return () => window.removeEventListener('keydown', take, { capture: true });
  }, []);

  return (
    <div className="lock-overlay" data-testid="lock-screen">
      <AuthCard
        title="屏幕已锁定"
        subtitle={
          <>
            <LockOutlined /> {user.displayName}（{ROLE_LABELS[user.role]}）长时间未操作，屏幕已自动锁定。未保存的内容仍在，输入密码即可继续。
          </>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" component="div">
          <Form.Item label="密码" required>
            <Input.Password
              id="unlock-password"
              autoFocus
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Form.Item>
          <Space>
            <Button type="primary" loading={busy} onClick={() => void unlock()}>
              解锁
            </Button>
            <Button onClick={onSignOut}>切换用户</Button>
          </Space>
        </Form>
      </AuthCard>
    </div>
  );
}
