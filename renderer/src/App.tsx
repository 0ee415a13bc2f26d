import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { Settings } from '../../shared/schemas/settings';
import { api, ApiError } from './api/client';
import { afterPaint } from './after-paint';
import { AuthGate } from './features/auth/AuthGate';
import { SettingsContext } from './settings-context';

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
const SetupPage = lazy(() => import('./features/setup/SetupPage').then((m) => ({ default: m.SetupPage })));

/** What the first screen does without, fetched once it is painted: the CJK font's stylesheet, the signed-in app. */
const loadFonts = () => void import('./fonts');
const afterFirstScreen = () => {
  loadFonts();
  void loadWorkspace().catch(() => undefined); // a failure shows when it is needed
};

// asked while React starts: the answer is usually back by the first render
let firstSettings: Promise<Settings> | undefined = api.settings.get({});

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      takeFirstSettings().then(
        (s) => {
          setSettings(s);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : '无法读取本机设置'),
      ),
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const settingUp = settings?.configured === false;
  useEffect(() => {
    if (settingUp) afterPaint(loadFonts);
  }, [settingUp]);

  const context = useMemo(() => (settings?.configured ? { settings, reload } : null), [settings, reload]);

  if (error) {
    return <Result status="error" title="无法打开数据" subTitle={error} extra={<Button onClick={() => void reload()}>重试</Button>} />;
  }
  if (!settings) return <Spin size="large" fullscreen tip="正在打开数据…" />;
  if (!settings.configured || !context) {
    return (
      <Suspense fallback={<Spin size="large" fullscreen tip="正在打开…" />}>
        <SetupPage dbPath={settings.dbPath} onDone={setSettings} />
      </Suspense>
    );
  }

  return (
    <SettingsContext.Provider value={context}>
      <AuthGate onShown={afterFirstScreen}>
        <Suspense fallback={<Spin size="large" fullscreen tip="正在打开…" />}>
          <Workspace />
        </Suspense>
      </AuthGate>
    </SettingsContext.Provider>
  );
}

/** The settings asked at startup the first time, a fresh request after that (retry, reload). */
function takeFirstSettings(): Promise<Settings> {
  const first = firstSettings;
  firstSettings = undefined;
  return first ?? api.settings.get({});
}
