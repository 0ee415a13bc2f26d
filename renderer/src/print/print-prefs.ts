/** Printing choices remembered on this computer (localStorage), not in the database. */

export type VoucherLayout = 'a4' | 'a5';

const LAYOUT_KEY = 'agri.voucher.layout';
const PRINTER_KEY = 'agri.voucher.printer';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // storage unavailable (private mode): the choice just is not remembered
  }
}

/** A4两联 (stub and farmer copy on one A4 sheet, cut apart) or A5单联 (each part on its own A5 page). */
export const loadLayout = (): VoucherLayout => (read(LAYOUT_KEY) === 'a5' ? 'a5' : 'a4');
export const saveLayout = (layout: VoucherLayout) => write(LAYOUT_KEY, layout);

/** The printer chosen in the desktop app; empty means "ask every time" (the system print dialog). */
export const loadPrinter = (): string => read(PRINTER_KEY) ?? '';
export const savePrinter = (name: string) => write(PRINTER_KEY, name);

export const pageSizeOf = (layout: VoucherLayout) => (layout === 'a5' ? 'A5' : 'A4');
