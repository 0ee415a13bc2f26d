import { Alert, Skeleton } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { CounterPage } from './features/farmers/CounterPage';
import { HomeRedirect, StationOnly } from './components/StationOnly';

/**
 * The route table. Only the first screens (setup / sign-in, the shell and the counter) are in the entry chunk;
 * every other page is its own chunk, fetched and parsed on its first visit, so an old township PC shows the
 * first screen without parsing ECharts, the print layouts or the county pages.
 * The `startup` bench (db/bench/startup.bench.ts) measures this; tests/server/bundle-budget.test.ts guards it.
 */
function page<M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K) {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (m) => ({ default: m[name] }),
      (e: unknown) => {
        loading = undefined; // a chunk that failed to arrive is fetched again next time
        throw e;
      },
    ));
  return Object.assign(lazy(preload), { preload });
}

const FarmerDetailPage = page(() => import('./features/farmers/FarmerDetailPage'), 'FarmerDetailPage');
const TodoPage = page(() => import('./features/applications/TodoPage'), 'TodoPage');
const ScrapFormPage = page(() => import('./features/scraps/ScrapFormPage'), 'ScrapFormPage');
const ScrapLedgerPage = page(() => import('./features/scraps/ScrapLedgerPage'), 'ScrapLedgerPage');
const ScrapDetailPage = page(() => import('./features/scraps/ScrapDetailPage'), 'ScrapDetailPage');
const PurchaseFormPage = page(() => import('./features/purchases/PurchaseFormPage'), 'PurchaseFormPage');
const PurchaseLedgerPage = page(() => import('./features/purchases/PurchaseLedgerPage'), 'PurchaseLedgerPage');
const PurchaseDetailPage = page(() => import('./features/purchases/PurchaseDetailPage'), 'PurchaseDetailPage');
const CatalogPage = page(() => import('./features/catalog/CatalogPage'), 'CatalogPage');
const VouchersPage = page(() => import('./features/vouchers/VouchersPage'), 'VouchersPage');
const VerifyPage = page(() => import('./features/vouchers/VerifyPage'), 'VerifyPage');
const CountyPage = page(() => import('./features/county/CountyPage'), 'CountyPage');
const DryingPage = page(() => import('./features/drying/DryingPage'), 'DryingPage');
const DryingDashboardPage = page(() => import('./features/drying/DashboardPage'), 'DashboardPage');
const DryingSitePage = page(() => import('./features/drying/SiteDetailPage'), 'SiteDetailPage');
const ProgressPage = page(() => import('./features/progress/ProgressPage'), 'ProgressPage');
const SettingsPage = page(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const VoucherPrintPage = page(() => import('./features/vouchers/VoucherPrintPage'), 'VoucherPrintPage');
const ProgressPrintPage = page(() => import('./features/progress/ProgressPrintPage'), 'ProgressPrintPage');
const LedgerImportPage = page(() => import('./features/ledger-import/LedgerImportPage'), 'LedgerImportPage');
const NoticesPage = page(() => import('./features/notices/NoticesPage'), 'NoticesPage');
const NoticeDetailPage = page(() => import('./features/notices/NoticeDetailPage'), 'NoticeDetailPage');
const NoticePrintPage = page(() => import('./features/notices/NoticePrintPage'), 'NoticePrintPage');
const PaymentListPrintPage = page(() => import('./features/notices/PaymentListPrintPage'), 'PaymentListPrintPage');

/** The menu's pages by path, for fetching one as the pointer moves onto its menu entry (a head start on the click). */
const BY_MENU_PATH: Record<string, { preload: () => Promise<unknown> }> = {
  '/todo': TodoPage,
  '/notices': NoticesPage,
  '/ledger-import': LedgerImportPage,
  '/scraps': ScrapLedgerPage,
  '/purchases': PurchaseLedgerPage,
  '/catalog': CatalogPage,
  '/vouchers': VouchersPage,
  '/vouchers/verify': VerifyPage,
  '/progress': ProgressPage,
  '/drying': DryingPage,
  '/county': CountyPage,
  '/settings': SettingsPage,
};

export function preloadPage(path: string | undefined): void {
  if (path) void BY_MENU_PATH[path]?.preload().catch(() => undefined); // a failed fetch shows on the click, not here
}

/** While a page's chunk loads: a quiet placeholder in the content area (the menu stays put). */
function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} title={{ width: 240 }} />}>{children}</Suspense>;
}

/** Printouts: no menu, the page is the paper. */
export function PrintRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route path="/print/vouchers" element={<VoucherPrintPage />} />
        <Route path="/print/progress" element={<ProgressPrintPage />} />
        <Route path="/print/notice/:id" element={<NoticePrintPage />} />
        <Route path="/print/payment-list" element={<PaymentListPrintPage />} />
      </Routes>
    </Suspense>
  );
}

/** The pages inside the app shell. */
export function ShellRoutes() {
  return (
    <Loading>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/counter" element={<StationOnly><CounterPage /></StationOnly>} />
        <Route path="/farmers/:id" element={<FarmerDetailPage />} />
        <Route path="/todo" element={<TodoPage />} />
        <Route path="/notices" element={<NoticesPage />} />
        <Route path="/notices/:id" element={<NoticeDetailPage />} />
        <Route path="/farmers/:farmerId/scraps/new" element={<StationOnly><ScrapFormPage /></StationOnly>} />
        <Route path="/scraps" element={<ScrapLedgerPage />} />
        <Route path="/scraps/:id" element={<ScrapDetailPage />} />
        <Route path="/scraps/:id/edit" element={<StationOnly><ScrapFormPage /></StationOnly>} />
        <Route path="/farmers/:farmerId/purchases/new" element={<StationOnly><PurchaseFormPage /></StationOnly>} />
        <Route path="/purchases" element={<PurchaseLedgerPage />} />
        <Route path="/purchases/:id" element={<PurchaseDetailPage />} />
        <Route path="/purchases/:id/edit" element={<StationOnly><PurchaseFormPage /></StationOnly>} />
        <Route path="/catalog" element={<CatalogPage />} />
        <Route path="/vouchers" element={<StationOnly><VouchersPage /></StationOnly>} />
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
    </Loading>
  );
}
