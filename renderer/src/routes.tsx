import { Alert, Skeleton } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { CounterPage } from './features/farmers/CounterPage';

/**
 * The route table. Only the first screens (setup / sign-in, the shell and the counter) are in the entry chunk;
 * every other page is its own chunk, fetched and parsed on its first visit, so an old township PC shows the
 * first screen without parsing ECharts, the print layouts or the county pages.
 * The `startup` bench (db/bench/startup.bench.ts) measures this; tests/server/bundle-budget.test.ts guards it.
 */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const FarmerDetailPage = page(() => import('./features/farmers/FarmerDetailPage'), (m) => m.FarmerDetailPage);
const TodoPage = page(() => import('./features/applications/TodoPage'), (m) => m.TodoPage);
const ScrapFormPage = page(() => import('./features/scraps/ScrapFormPage'), (m) => m.ScrapFormPage);
const ScrapLedgerPage = page(() => import('./features/scraps/ScrapLedgerPage'), (m) => m.ScrapLedgerPage);
const ScrapDetailPage = page(() => import('./features/scraps/ScrapDetailPage'), (m) => m.ScrapDetailPage);
const PurchaseFormPage = page(() => import('./features/purchases/PurchaseFormPage'), (m) => m.PurchaseFormPage);
const PurchaseLedgerPage = page(() => import('./features/purchases/PurchaseLedgerPage'), (m) => m.PurchaseLedgerPage);
const PurchaseDetailPage = page(() => import('./features/purchases/PurchaseDetailPage'), (m) => m.PurchaseDetailPage);
const CatalogPage = page(() => import('./features/catalog/CatalogPage'), (m) => m.CatalogPage);
const VouchersPage = page(() => import('./features/vouchers/VouchersPage'), (m) => m.VouchersPage);
const VerifyPage = page(() => import('./features/vouchers/VerifyPage'), (m) => m.VerifyPage);
const CountyPage = page(() => import('./features/county/CountyPage'), (m) => m.CountyPage);
const DryingPage = page(() => import('./features/drying/DryingPage'), (m) => m.DryingPage);
const DryingDashboardPage = page(() => import('./features/drying/DashboardPage'), (m) => m.DashboardPage);
const DryingSitePage = page(() => import('./features/drying/SiteDetailPage'), (m) => m.SiteDetailPage);
const ProgressPage = page(() => import('./features/progress/ProgressPage'), (m) => m.ProgressPage);
const SettingsPage = page(() => import('./features/settings/SettingsPage'), (m) => m.SettingsPage);
const VoucherPrintPage = page(() => import('./features/vouchers/VoucherPrintPage'), (m) => m.VoucherPrintPage);
const ProgressPrintPage = page(() => import('./features/progress/ProgressPrintPage'), (m) => m.ProgressPrintPage);

/** While a page's chunk loads: a quiet placeholder in the content area (the menu stays put). */
function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} title={{ width: 240 }} />}>
      {children}
    </Suspense>
  );
}

/** Printouts: no menu, the page is the paper. */
export function PrintRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route path="/print/vouchers" element={<VoucherPrintPage />} />
        <Route path="/print/progress" element={<ProgressPrintPage />} />
      </Routes>
    </Suspense>
  );
}

/** The pages inside the app shell. */
export function ShellRoutes() {
  return (
    <Loading>
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
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<Alert type="warning" showIcon message="该页面不存在或尚未开放" />} />
      </Routes>
    </Loading>
  );
}
