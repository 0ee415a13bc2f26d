import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { SessionInfo } from '../../shared/schemas/auth';
import type { Settings } from '../../shared/schemas/settings';
import { api, ApiError } from './api/client';
import { afterPaint } from './after-paint';
import { bootNow, takeBoot } from './boot';
import { AuthGate } from './features/auth/AuthGate';
import { Loading, StartError } from './first-screen/controls';
import type * as SetupPageModule from './features/setup/SetupPage';
import { SettingsContext } from './settings-context';
import { loadAntd } from './with-antd';

/**
 * The signed-in app (shell, counter, routes, API contract) is a chunk of its own: the first screen (setup or
 * sign-in) shows without it, and it is fetched as soon as that screen is painted (AuthGate's onShown).
 */
let workspace: Promise<{ Workspace: ComponentType }> | undefined;
const loadWorkspace = () =>
  (workspace ??= import('./Workspace').catch((e: unknown) => {
    workspace = undefined; // a chunk that failed to arrive is fetched again next time
    throw e;
  }));
const Workspace = lazy(() => loadWorkspace().then((m) => ({ default: m.Workspace })));
/** A new installation's setup form (with its zod schemas and react-hook-form): once in an installation's life. */
type SetupModule = typeof SetupPageModule;
let setupModule: Promise<SetupModule> | undefined;
let setupLoaded: SetupModule | undefined;
const loadSetup = () => (setupModule ??= import('./features/setup/SetupPage').then((m) => (setupLoaded = m)));
const LazySetupPage = lazy(() => loadSetup().then((m) => ({ default: m.SetupPage })));

/**
 * Resolves when the first screen can render in one go: at once for sign-in, once the setup form's chunk is
 * here for a new installation (the page said so), so no loading spinner is rendered and thrown away first.
 */
export function firstScreenReady(): Promise<unknown> {
  return bootNow && !bootNow.settings.configured ? loadSetup().catch(() => undefined) : Promise.resolve();
}

/** What the first screen does without, fetched once it is painted: the CJK font's stylesheet, antd, the signed-in app. */
const loadFonts = () => void import('./fonts');
const afterSetupShown = () => {
  loadFonts();
  void loadAntd().catch(() => undefined); // the recovery code card after setup; a failure shows when it is needed
};
const afterFirstScreen = () => {
  afterSetupShown();
  void loadWorkspace().catch(() => undefined);
};

const startupError = (e: unknown) => (e instanceof ApiError ? e.message : '无法读取本机设置');

export function App() {
  // in browser mode the page carries the first data (boot.ts): the first render is the first screen itself
  const [settings, setSettings] = useState<Settings | null>(bootNow?.settings ?? null);
  const [session, setSession] = useState<SessionInfo | null>(bootNow?.session ?? null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      api.settings.get({}).then(
        (s) => {
          setSettings(s);
          setError(null);
        },
        (e: unknown) => setError(startupError(e)),
      ),
    [],
  );
  // the startup answer (asked at once when the page did not carry it), or a fresh one on 重试
  const start = useCallback(
    () =>
      takeBoot().then(
        (b) => {
          setSession(b.session);
          setSettings(b.settings);
          setError(null);
        },
        (e: unknown) => setError(startupError(e)),
      ),
    [],
  );

  useEffect(() => {
    if (!bootNow) void start();
  }, [start]);

  const settingUp = settings?.configured === false;
  useEffect(() => {
    if (settingUp) afterPaint(afterSetupShown);
  }, [settingUp]);

  const context = useMemo(() => (settings?.configured ? { settings, reload } : null), [settings, reload]);

  if (error) {
    return <StartError title="无法打开数据" detail={error} onRetry={() => void start()} />;
  }
  if (!settings) return <Loading tip="正在打开数据…" />;
  if (!settings.configured || !context) {
    const SetupPage = setupLoaded?.SetupPage ?? LazySetupPage;
    return (
      <Suspense fallback={<Loading tip="正在打开…" />}>
        <SetupPage dbPath={settings.dbPath} onDone={setSettings} />
      </Suspense>
    );
  }

  return (
    <SettingsContext.Provider value={context}>
      <AuthGate initial={session} onShown={afterFirstScreen}>
        <Suspense fallback={<Loading tip="正在打开…" />}>
          <Workspace />
        </Suspense>
      </AuthGate>
    </SettingsContext.Provider>
  );
}
