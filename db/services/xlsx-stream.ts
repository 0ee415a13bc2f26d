import type ExcelJS from 'exceljs';
import type { Column } from './xlsx';
import { MONEY_FORMAT, rowsXmlWriter, sheetParts } from './xlsx-row-xml';

/** Writes out a finished sheet (streaming workbooks only; a no-op elsewhere). */
export function commitSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.getWorksheet(name) as (ExcelJS.Worksheet & { commit?: () => void }) | undefined;
  ws?.commit?.();
}

/** A big sheet's title and header rows (xlsx.ts `addSheet`'s layout: title, bold frozen header), committed. */
export function beginSheet<T>(wb: ExcelJS.Workbook, name: string, columns: Column<T>[], title: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  t.commit();
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1EC' } };
  header.commit();
  const parts = sheetParts(ws);
  const moneyStyleId = parts.styleIdOf({ numFmt: MONEY_FORMAT });
  begun.set(ws, { columns, next: 3, write: rowsXmlWriter(columns, moneyStyleId), stream: parts.stream });
  return ws;
}

/** Where a begun sheet's next data row goes, and how its rows are written. */
interface SheetRows {
  columns: unknown;
  next: number;
  write: (rowNumber: number, row: never) => string;
  stream: { write(text: string): unknown };
}
/** Characters of row XML gathered before they go to the sheet's stream (a sheet written in one call is not one string). */
const WRITE_CHARS = 1 << 18;
const begun = new WeakMap<ExcelJS.Worksheet, SheetRows>();

/**
 * Appends rows below a sheet begun with `beginSheet` (money in yuan, formatted #,##0.00), as the same XML
 * exceljs writes for them (xlsx-row-xml.ts), handed to the sheet's stream in pieces of about 256K characters;
 * gives the number written.
 */
export function writeRows<T>(ws: ExcelJS.Worksheet, columns: Column<T>[], rows: Iterable<T>): number {
  const sheet = begun.get(ws);
  if (!sheet || sheet.columns !== columns) throw new Error('writeRows: the sheet was not begun with beginSheet with these columns');
  const write = sheet.write as (rowNumber: number, row: T) => string;
  let xml = '';
  let count = 0;
  for (const row of rows) {
    xml += write(sheet.next++, row);
    count++;
    if (xml.length >= WRITE_CHARS) {
      sheet.stream.write(xml);
      xml = '';
    }
  }
  if (xml) sheet.stream.write(xml);
  return count;
}

/** Excel's rows per sheet: a longer ledger continues on another sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** How much of a sheet's XML may wait in memory for the zip before the writer pauses. */
const BACKLOG_BYTES = 1 << 20;

/** The one part of exceljs' streaming writer we reach into: a sheet's XML stream and the zip entry it feeds. */
interface EntryStream {
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
  _writableState?: { length?: number };
}
interface SheetInternals {
  _stream?: { pipes?: EntryStream[] };
}

/** The zip entry a streamed sheet's rows go to; throws if exceljs no longer has that shape. */
function sheetEntry(ws: ExcelJS.Worksheet): EntryStream & { _writableState: { length: number } } {
  const entry = (ws as unknown as SheetInternals)._stream?.pipes?.[0];
  if (!entry || typeof entry._writableState?.length !== 'number' || typeof entry.once !== 'function') {
    throw new Error('导出组件（exceljs）的流式写入接口已变化，无法控制内存占用');
  }
  return entry as EntryStream & { _writableState: { length: number } };
}

/** Bytes of a streamed sheet's XML waiting to be compressed (tests: the writer keeps it small). */
export function sheetBacklog(ws: ExcelJS.Worksheet): number {
  return sheetEntry(ws)._writableState.length;
}

/**
 * Waits until the rows committed so far have left memory for the file. exceljs' streaming writer hands
 * each committed row's XML to the zip without heeding backpressure (exceljs issue #734), and the zip only
 * compresses a little per turn of the event loop: writing a million rows in a loop kept the whole sheet's
 * XML (about 1 KB a row) in memory until the end. Call between chunks of rows; `failed` rejects when the
 * file can no longer be written (the wait would otherwise never end).
 */
export async function drainSheet(ws: ExcelJS.Worksheet, failed: Promise<never>): Promise<void> {
  const entry = sheetEntry(ws);
  while (entry._writableState.length > BACKLOG_BYTES) {
    let onDrain = () => undefined as void;
    const drained = new Promise<void>((resolve) => {
      onDrain = resolve;
      entry.once('drain', onDrain);
    });
    try {
      await Promise.race([drained, failed]);
    } finally {
      entry.removeListener('drain', onDrain);
    }
  }
}
