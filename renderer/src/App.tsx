import { Alert, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Settings } from '../../shared/schemas/settings';
import { api, ApiError } from './api/client';
import { AppShell } from './components/AppShell';
import { CatalogPage } from './features/catalog/CatalogPage';
import { CountyPage } from './features/county/CountyPage';
import { DashboardPage as DryingDashboardPage } from './features/drying/DashboardPage';
import { DryingPage } from './features/drying/DryingPage';
import { SiteDetailPage as DryingSitePage } from './features/drying/SiteDetailPage';
import { FarmerDetailPage } from './features/farmers/FarmerDetailPage';
import { CounterPage } from './features/farmers/CounterPage';
import { LedgerImportPage } from './features/ledger-import/LedgerImportPage';
import { ProgressPage } from './features/progress/ProgressPage';
import { ProgressPrintPage } from './features/progress/ProgressPrintPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SetupPage } from './features/setup/SetupPage';
import { TodoPage } from './features/applications/TodoPage';
import { PurchaseDetailPage } from './features/purchases/PurchaseDetailPage';
import { PurchaseFormPage } from './features/purchases/PurchaseFormPage';
import { PurchaseLedgerPage } from './features/purchases/PurchaseLedgerPage';
import { ScrapDetailPage } from './features/scraps/ScrapDetailPage';
import { ScrapFormPage } from './features/scraps/ScrapFormPage';
import { ScrapLedgerPage } from './features/scraps/ScrapLedgerPage';
import { VoucherPrintPage } from './features/vouchers/VoucherPrintPage';
import { VouchersPage } from './features/vouchers/VouchersPage';
import { VerifyPage } from './features/vouchers/VerifyPage';
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
        <Routes>
          <Route path="/print/vouchers" element={<VoucherPrintPage />} />
          <Route path="/print/progress" element={<ProgressPrintPage />} />
        </Routes>
      </SettingsContext.Provider>
    );
  }

  return (
    <SettingsContext.Provider value={context}>
      <AppShell>
        <Routes>
          <Route path="/" element={<Navigate to="/counter" replace />} />
          <Route path="/counter" element={<CounterPage />} />
          <Route path="/farmers/:id" element={<FarmerDetailPage />} />
          <Route path="/todo" element={<TodoPage />} />
          <Route path="/farmers/:farmerId/scraps/new" element={<ScrapFormPage />} />
          <Route path="/scraps" element={<ScrapLedgerPage />} />
          <Route path="/scraps/:id" element={<ScrapDetailPage />} />
          <Route path="/scraps/:id/edit" element={<ScrapFormPage />} />
          <Route path="/farmers/:farmerId/purchases/new" element={<PurchaseFormPage />} />
          <Route path="/purchases" element={<PurchaseLedgerPage />} />
          <Route path="/purchases/:id" element={<PurchaseDetailPage />} />
          <Route path="/purchases/:id/edit" element={<PurchaseFormPage />} />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="/vouchers" element={<VouchersPage />} />
          <Route path="/vouchers/verify" element={<VerifyPage />} />
          <Route path="/county" element={<CountyPage />} />
          <Route path="/drying" element={<DryingPage />} />
          <Route path="/drying/dashboard" element={<DryingDashboardPage />} />
          <Route path="/drying/sites/:id" element={<DryingSitePage />} />
          <Route path="/progress" element={<ProgressPage />} />
          <Route path="/ledger-import" element={<LedgerImportPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<Alert type="warning" showIcon message="该页面不存在或尚未开放" />} />
        </Routes>
      </AppShell>
    </SettingsContext.Provider>
  );
}
