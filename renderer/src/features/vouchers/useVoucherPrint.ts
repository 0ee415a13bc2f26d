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
 * 补打 from the second); a reprint first asks its reason. The print is counted first (vouchers.recordPrint,
 * audited; refused if the page is out of date), then the page is printed — by the desktop app (chosen
 * printer, or a PDF) or by the browser's own dialog. A cancelled or failed desktop print is taken back at
 * once; a paper that still did not come out is taken back by its operator with 未打印成功 (soon after, a
 * limited number of times).
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
  /** While printing: the shown counts already include this print (counted before the paper goes out). */
  const [reserved, setReserved] = useState(false);

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
    const ids = live.map((v) => v.id);
    let counted = false;
    try {
      // counted before the paper goes out, so the paper carries the server's number (a stale page is refused)
      const { items } = await api.vouchers.recordPrint({
        ids,
        expectedCounts: live.map((v) => v.printCount),
        mode,
        ...(reprintReason ? { reprintReason } : {}),
      });
      counted = true;
      flushSync(() => {
        apply(items);
        setReserved(true);
        setArmed(true);
      });
      await document.fonts.ready;
      await nextFrame();
      const happened = await output(mode);
      flushSync(() => {
        setArmed(false);
        setReserved(false);
      });
      if (happened) {
        setLastPrinted(ids);
        return;
      }
      // the dialog was cancelled or the printer refused: nothing came out, the count goes back (audited)
      const back = await api.vouchers.markPrintFailed({ ids, note: '打印已取消或未完成（自动退回）' });
      apply(back.items);
      setLastPrinted([]);
    } catch (e) {
      setArmed(false);
      setReserved(false);
      // counted but the printing failed midway: the technician says with 未打印成功 whether paper came out
      if (counted) setLastPrinted(ids);
      void message.error(e instanceof ApiError ? e.message : '打印失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  /** The number a voucher's paper shows: the next print's, or while printing the one just counted. */
  const printNumberOf = (v: Voucher) => (reserved ? v.printCount : v.printCount + 1);

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

  return { armed, busy, run, printer, setPrinter, reprintAsk, lastPrinted, printFailed, printNumberOf };
}
