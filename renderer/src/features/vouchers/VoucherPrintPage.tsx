import { Alert, Result, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { Voucher } from '../../../../shared/schemas/vouchers';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { loadLayout, saveLayout, type VoucherLayout } from '../../print/print-prefs';
import { VoucherSheet } from '../../print/VoucherSheet';
import { PrintFailedButton } from './PrintFailedButton';
import { PrintToolbar } from './PrintToolbar';
import { ReprintReasonDialog } from './ReprintReasonDialog';
import { useVoucherPrint } from './useVoucherPrint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /print/vouchers?ids=a,b,c (at most 200) — the vouchers as they print, with a toolbar that is never printed.
 * Shown without the app's menu so the page is the printout. `autoprint=1` (from 出具凭证) prints a
 * voucher that has never been printed right away: issuing and printing is one click.
 */
export function VoucherPrintPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const idsParam = params.get('ids') ?? '';
  const ids = useMemo(() => [...new Set(idsParam.split(',').filter((id) => UUID.test(id)))].slice(0, 200), [idsParam]);
  const loaded = useApiQuery(ids.join(','), () => Promise.all(ids.map((id) => api.vouchers.get({ id }))));
  const [fresh, setFresh] = useState<Record<string, Voucher>>({});
  const [layout, setLayoutState] = useState<VoucherLayout>(loadLayout);

  const vouchers = useMemo(() => (loaded.data ?? []).map((v) => fresh[v.id] ?? v), [loaded.data, fresh]);
  const live = useMemo(() => vouchers.filter((v) => !v.voidedAt), [vouchers]);
  const voided = vouchers.filter((v) => v.voidedAt);
  const apply = (items: Voucher[]) => setFresh((prev) => ({ ...prev, ...Object.fromEntries(items.map((v) => [v.id, v])) }));
  const printing = useVoucherPrint(live, layout, apply);

  const autoprinted = useRef(false);
  const autoprint = params.get('autoprint') === '1';
  const ready = Boolean(loaded.data) && !loaded.loading;
  useEffect(() => {
    if (!autoprint || !ready || autoprinted.current) return;
    autoprinted.current = true;
    setParams(
      (p) => {
        p.delete('autoprint');
        return p;
      },
      { replace: true },
    );
    if (live.length > 0 && voided.length === 0 && live.every((v) => v.printCount === 0)) void printing.run('print');
  }, [autoprint, ready, live, voided.length, printing, setParams]);

  const setLayout = (next: VoucherLayout) => {
    saveLayout(next);
    setLayoutState(next);
  };
  const back = () => (location.key === 'default' ? navigate('/vouchers') : navigate(-1));

  if (ids.length === 0) {
    return <Result status="warning" title="没有要打印的凭证" subTitle="请从补贴凭证列表或申请页面选择凭证后打印" />;
  }

  return (
    <div className={`print-page${printing.armed ? '' : ' vs-unarmed'}`} data-testid="voucher-print-page">
      <PrintToolbar
        count={live.length}
        reprints={live.filter((v) => v.printCount > 0).length}
        layout={layout}
        onLayout={setLayout}
        busy={printing.busy}
        onPrint={(mode) => void printing.run(mode)}
        printer={printing.printer}
        onPrinter={printing.setPrinter}
        onBack={back}
        extra={<PrintFailedButton ids={printing.lastPrinted} onDone={printing.printFailed} />}
      />
      <ReprintReasonDialog ask={printing.reprintAsk} />
      <div className="no-print print-page-alerts">
        {loaded.error && <Alert type="error" showIcon message={loaded.error} />}
        {voided.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={`以下凭证已作废，不能打印：${voided.map((v) => `${v.number}（${v.voidReason ?? ''}）`).join('、')}`}
            data-testid="voided-alert"
          />
        )}
      </div>
      {!loaded.data && loaded.loading && <Spin size="large" style={{ display: 'block', marginTop: 80 }} />}
      <div className="vs-sheets" data-testid="voucher-sheets" data-layout={layout}>
        {live.map((v) => (
          <VoucherSheet key={v.id} voucher={v} layout={layout} printNumber={printing.printNumberOf(v)} />
        ))}
      </div>
      <div className="vs-print-guard">请使用页面上方工具栏的“打印”按钮打印凭证：每次打印都计入次数（未出纸可登记未打印成功），第二次起标注“补打”。</div>
    </div>
  );
}
