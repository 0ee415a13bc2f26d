import { App } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Voucher } from '../../../../shared/schemas/vouchers';
import { api, ApiError } from '../../api/client';
import { desktop } from '../../api/desktop';
import { loadPrinter, pageSizeOf, savePrinter, type VoucherLayout } from '../../print/print-prefs';
import type { ReprintAsk } from './ReprintReasonDialog';

export type PrintMode = 'print' | 'pdf';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function pdfName(items: Voucher[]): string {
  const first = items[0]?.number ?? '';
  return items.length === 1 ? `补贴凭证-${first}` : `补贴凭证-${first}-等${items.length}份`;
}

/** Browser mode: the print dialog; resolves when the browser reports it closed ('afterprint'). */
function browserPrint(): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('afterprint', () => resolve(), { once: true });
    window.print();
  });
}

/**
 * Every print goes through here. The sheets already show the number the paper will carry (第N次打印,
 * 补打 from the second); a reprint first asks its reason. The page is printed — by the desktop app
 * (chosen printer, or a PDF) or by the browser's own dialog — and only when that reports success is the
 * print counted (vouchers.recordPrint, audited). A print that still did not come out can be taken back
 * with 未打印成功.
 */
export function useVoucherPrint(live: Voucher[], layout: VoucherLayout, apply: (items: Voucher[]) => void) {
  const { message } = App.useApp();
  /** Sheets print only while armed: a print started outside this flow (browser menu) shows a note instead. */
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState<PrintMode | null>(null);
  const [printer, setPrinterState] = useState(loadPrinter);
  const [reprintAsk, setReprintAsk] = useState<ReprintAsk | null>(null);
  /** The vouchers of the last print counted on this page, for 未打印成功. */
  const [lastPrinted, setLastPrinted] = useState<string[]>([]);

  useEffect(() => {
    const disarm = () => setArmed(false);
    window.addEventListener('afterprint', disarm);
    return () => window.removeEventListener('afterprint', disarm);
  }, []);

  const askReason = (printed: Voucher[]) =>
    new Promise<string | null>((resolve) => {
      setReprintAsk({
        numbers: printed.map((v) => v.number),
        printNumber: (printed[0]?.printCount ?? 0) + 1,
        resolve: (reason) => {
          setReprintAsk(null);
          resolve(reason);
        },
      });
    });

  /** Prints (or saves) the armed sheets; true when the dialog or printer reported success. */
  const output = async (mode: PrintMode): Promise<boolean> => {
    if (!desktop.available) {
      await browserPrint();
      return true;
    }
    const pageSize = pageSizeOf(layout);
    if (mode === 'pdf') {
      const saved = await desktop.savePdf({ fileName: pdfName(live), pageSize });
      if (saved.saved) void message.success(`已保存 PDF：${saved.path ?? ''}`);
      return saved.saved;
    }
    const done = await desktop.print({ deviceName: printer || undefined, pageSize, copies: 1 });
    if (done.printed) void message.success(`已发送到打印机（${live.length} 份凭证）`);
    else void message.warning(`未打印：${done.reason ?? '已取消'}。未计入打印次数`);
    return done.printed;
  };

  const run = async (mode: PrintMode) => {
    if (!live.length || busy || reprintAsk) return;
    const printedBefore = live.filter((v) => v.printCount > 0);
    const reprintReason = printedBefore.length ? await askReason(printedBefore) : null;
    if (printedBefore.length && !reprintReason) return;
    setBusy(mode);
    try {
      flushSync(() => setArmed(true));
      await document.fonts.ready;
      await nextFrame();
      const happened = await output(mode);
      setArmed(false);
      if (!happened) return;
      const ids = live.map((v) => v.id);
      const { items } = await api.vouchers.recordPrint({ ids, mode, ...(reprintReason ? { reprintReason } : {}) });
      apply(items);
      setLastPrinted(ids);
    } catch (e) {
      setArmed(false);
      void message.error(e instanceof ApiError ? e.message : '打印失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  // Ctrl+P goes through the same flow, so it is counted too.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
      e.preventDefault();
      void run('print');
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const setPrinter = (name: string) => {
    savePrinter(name);
    setPrinterState(name);
  };

  const printFailed = (items: Voucher[]) => {
    apply(items);
    setLastPrinted([]);
  };

  return { armed, busy, run, printer, setPrinter, reprintAsk, lastPrinted, printFailed };
}
