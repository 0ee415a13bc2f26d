import { App } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Voucher } from '../../../../shared/schemas/vouchers';
import { api, ApiError } from '../../api/client';
import { desktop } from '../../api/desktop';
import { loadPrinter, pageSizeOf, savePrinter, type VoucherLayout } from '../../print/print-prefs';

export type PrintMode = 'print' | 'pdf';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function pdfName(items: Voucher[]): string {
  const first = items[0]?.number ?? '';
  return items.length === 1 ? `补贴凭证-${first}` : `补贴凭证-${first}-等${items.length}份`;
}

/**
 * Every print goes through here: the print is counted first (vouchers.recordPrint, audited), the sheets
 * re-render with the new count (补打 from the second print on), then the page is printed — by the
 * desktop app (chosen printer, or a PDF) or by the browser's own dialog.
 */
export function useVoucherPrint(live: Voucher[], layout: VoucherLayout, apply: (items: Voucher[]) => void) {
  const { message } = App.useApp();
  /** Sheets print only while armed: a print started outside this flow (browser menu) shows a note instead. */
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState<PrintMode | null>(null);
  const [printer, setPrinterState] = useState(loadPrinter);

  useEffect(() => {
    const disarm = () => setArmed(false);
    window.addEventListener('afterprint', disarm);
    return () => window.removeEventListener('afterprint', disarm);
  }, []);

  const run = async (mode: PrintMode) => {
    if (!live.length || busy) return;
    setBusy(mode);
    try {
      const { items } = await api.vouchers.recordPrint({ ids: live.map((v) => v.id) });
      flushSync(() => {
        apply(items);
        setArmed(true);
      });
      await document.fonts.ready;
      await nextFrame();
      if (!desktop.available) {
        // Blocks until the dialog closes; 'afterprint' disarms.
        window.print();
        return;
      }
      const pageSize = pageSizeOf(layout);
      if (mode === 'pdf') {
        const saved = await desktop.savePdf({ fileName: pdfName(items), pageSize });
        if (saved.saved) void message.success(`已保存 PDF：${saved.path ?? ''}`);
      } else {
        const done = await desktop.print({ deviceName: printer || undefined, pageSize, copies: 1 });
        if (done.printed) void message.success(`已发送到打印机（${items.length} 份凭证）`);
        else void message.warning(`未打印：${done.reason ?? '已取消'}。本次已计入打印次数，再次打印将标注“补打”`);
      }
      setArmed(false);
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

  return { armed, busy, run, printer, setPrinter };
}
