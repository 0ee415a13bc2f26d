import { lazy, Suspense, useState } from 'react';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { ErrorAlert, FormItem, Loading, PasswordInput, PrimaryButton, TextInput } from '../../first-screen/controls';
import { useSettings } from '../../settings-context';
import { WithAntd } from '../../with-antd';
import { AuthCard } from './AuthCard';

/** The recovery form (antd): rare, loaded when asked for. */
const RecoverForm = lazy(() => import('./RecoverForm').then((m) => ({ default: m.RecoverForm })));

/** The app opens here: login name, password, Enter. One message for a wrong name or password. Plain elements, no antd. */
export function SignInPage({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { settings } = useSettings();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recovering, setRecovering] = useState(false);

  if (recovering) {
    return (
      <WithAntd>
        <Suspense fallback={<Loading tip="正在打开…" />}>
          <RecoverForm onDone={onSignedIn} onCancel={() => setRecovering(false)} />
        </Suspense>
      </WithAntd>
    );
  }

  const submit = async () => {
    if (busy) return;
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
      {error && <ErrorAlert message={error} testId="sign-in-error" />}
      <FormItem label="用户名" htmlFor="sign-in-login" required>
        <TextInput
          id="sign-in-login"
          autoFocus
          autoComplete="username"
          value={login}
          onChange={setLogin}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) document.getElementById('sign-in-password')?.focus();
          }}
        />
      </FormItem>
      <FormItem label="密码" htmlFor="sign-in-password" required>
        <PasswordInput
          id="sign-in-password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) void submit();
          }}
        />
      </FormItem>
      <PrimaryButton busy={busy} onClick={() => void submit()}>
        登录
      </PrimaryButton>
      <p className="fs-text fs-secondary fs-small" style={{ marginTop: 16, marginBottom: 0 }}>
        忘记密码请找站长（县局管理员）重置；管理员本人可
        <button type="button" className="fs-link" onClick={() => setRecovering(true)}>
          用恢复码重设密码
        </button>
      </p>
    </AuthCard>
  );
}
