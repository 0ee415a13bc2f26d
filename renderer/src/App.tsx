import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { Settings } from '../../shared/schemas/settings';
import { api, ApiError } from './api/client';
import { AppShell } from './components/AppShell';
import { AuthGate } from './features/auth/AuthGate';
import { SetupPage } from './features/setup/SetupPage';
import { PrintRoutes, ShellRoutes } from './routes';
import { SettingsContext } from './settings-context';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();

  const reload = useCallback(
    () =>
      api.settings.get({}).then(
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

  const context = useMemo(() => (settings?.configured ? { settings, reload } : null), [settings, reload]);

  if (error) {
    return <Result status="error" title="无法打开数据" subTitle={error} extra={<Button onClick={() => void reload()}>重试</Button>} />;
  }
  if (!settings) return <Spin size="large" fullscreen tip="正在打开数据…" />;
  if (!settings.configured || !context) return <SetupPage dbPath={settings.dbPath} onDone={setSettings} />;

  if (location.pathname.startsWith('/print/')) {
    // printouts: no menu, the page is the paper
    return (
      <SettingsContext.Provider value={context}>
        <AuthGate>
          <PrintRoutes />
        </AuthGate>
      </SettingsContext.Provider>
    );
  }

  return (
    <SettingsContext.Provider value={context}>
      <AuthGate>
      <AppShell>
        <ShellRoutes />
      </AppShell>
      </AuthGate>
    </SettingsContext.Provider>
  );
}
