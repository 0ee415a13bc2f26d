import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../../shared/schemas/auth';
import { api } from '../../api/client';
import { afterPaint } from '../../after-paint';
import { Loading } from '../../first-screen/controls';
import { SessionContext, type SessionState } from '../../session-state';
import { AUTH_EVENT } from './auth-events';
import { AuthCard } from './AuthCard';
import { SignInPage } from './SignInPage';
import { useIdleLock } from './useIdleLock';
import { WithAntd } from '../../with-antd';

// the rarer screens are antd's and load when shown (the sign-in screen is plain: SignInPage.tsx)
const ChangePasswordForm = lazy(() => import('./ChangePasswordForm').then((m) => ({ default: m.ChangePasswordForm })));
const FirstAdminPage = lazy(() => import('./FirstAdminPage').then((m) => ({ default: m.FirstAdminPage })));
const LockScreen = lazy(() => import('./LockScreen').then((m) => ({ default: m.LockScreen })));

/**
 * Between the configured installation and the app: sign-in, a forced new password after a reset, and the
 * idle lock. The app stays mounted (hidden) while the screen is locked, so half-filled forms survive.
 */
export function AuthGate({
  children,
  initial,
  onShown,
}: {
  children: ReactNode;
  /** the session as the page started with it (boot.ts): shown at once, not asked again */
  initial?: SessionInfo | null;
  /** once its first screen is painted */
  onShown?: () => void;
}) {
  const [info, setInfo] = useState<SessionInfo | null>(initial ?? null);
  const [askFirst] = useState(!initial);

  // a failed read keeps what is shown; the next call or event tries again
  const refresh = useCallback(() => api.auth.session({}).then(setInfo, () => undefined), []);

  useEffect(() => {
    if (askFirst) api.auth.session({}).then(setInfo, () => undefined);
    const onProblem = () => void refresh();
    window.addEventListener(AUTH_EVENT, onProblem);
    return () => window.removeEventListener(AUTH_EVENT, onProblem);
  }, [refresh, askFirst]);

  const shown = info !== null;
  useEffect(() => {
    if (shown && onShown) afterPaint(onShown);
  }, [shown, onShown]);

  const signOut = useCallback(async () => {
    setInfo(await api.auth.signOut({}));
  }, []);
  const lock = useCallback(async () => {
    setInfo(await api.auth.lock({}));
  }, []);

  const signedIn = Boolean(info?.user && !info.user.mustChangePassword);
  useIdleLock(info?.idleLockMinutes ?? 10, signedIn && !info?.locked, () => void lock());

  const user = info?.user;
  const session = useMemo<SessionState | null>(() => (user ? { user, signOut, lock } : null), [user, signOut, lock]);

  if (!info) return <Loading tip="正在打开…" />;
  if (info.needsFirstAdmin) {
    return (
      <WithAntd>
        <FirstAdminPage title="创建管理员账户" onDone={() => void refresh()} />
      </WithAntd>
    );
  }
  if (!info.user || !session) return <SignInPage onSignedIn={setInfo} />;
  if (info.user.mustChangePassword) {
    return (
      <AuthCard title="请设置新密码" subtitle={`${info.user.displayName}，您的密码由管理员设置或重置，请先改为只有您自己知道的密码。`}>
        <WithAntd>
          <ChangePasswordForm login={info.user.login} onDone={setInfo} />
        </WithAntd>
      </AuthCard>
    );
  }
  return (
    <WithAntd>
      <SessionContext.Provider value={session}>
        {/* display: contents leaves no box of its own, so page layouts (and printed @page sizes) see the page as before */}
        <div style={{ display: info.locked ? 'none' : 'contents' }} aria-hidden={info.locked} {...(info.locked ? { inert: true } : {})}>
          {children}
        </div>
        {info.locked && (
          <Suspense fallback={<Loading tip="正在打开…" />}>
            <LockScreen user={info.user} onUnlocked={setInfo} onSignOut={() => void signOut()} />
          </Suspense>
        )}
      </SessionContext.Provider>
    </WithAntd>
  );
}
