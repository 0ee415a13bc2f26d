/**
 * Reading a ledger file row by row. An .xlsx is streamed (exceljs' WorkbookReader): rows leave memory
 * as they are read, so a 5,000-row year takes no more memory than a 50-row month. A .csv is small
 * enough to parse at once. Kind, size and ZIP bombs are checked as for catalogue files.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/errors';
import type { LedgerCell } from '../../shared/domain/ledger-values';
import { LEDGER_MAX_FILE_BYTES } from '../../shared/schemas/ledger-import';
import { mergedRanges, type MergeRange } from './merges';
import { checkZipSize, decodeBase64File, decodeCsv, parseCsv, sheetKind } from '../services/catalog-sheet';

export interface LedgerSheetRow {
  sheet: string;
  /** As the spreadsheet program numbers it (1-based). */
  number: number;
  /** Index 0 is column A. */
  cells: LedgerCell[];
}

/** A file has at most this many rows (all sheets together). */
export const LEDGER_MAX_ROWS = 200_000;
const CHUNK = 64 * 1024;

export const decodeLedgerFile = (base64: string): Buffer =>
  decodeBase64File(base64, LEDGER_MAX_FILE_BYTES, '文件超过 20 MB，请把各年度的台账分开导入');

const refuse = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: ['base64'], message }] });

const pad = (n: number) => String(n).padStart(2, '0');

function cellOf(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), num: value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) {
    // exceljs reads a date-formatted cell as a UTC instant of the civil date
    return { text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in value) return { text: '' };
  if ('text' in value) return cellOf(value.text as ExcelJS.CellValue);
  return { text: '' };
}

/** Progress of reading: bytes of the file consumed so far. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

/** exceljs' streaming reader now and then misses the ZIP's last entry (a race in its unzip stream). */
const READ_ATTEMPTS = 4;

/**
 * Fills the cells below the top of each merged range with the top-left cell's value, marked with the
 * row it came from. Ranges arrive sorted by top row; only those the current row is inside are kept.
 */
function mergeFiller(ranges: readonly MergeRange[]): (rowNumber: number, cells: LedgerCell[]) => void {
  let next = 0;
  let active: { range: MergeRange; value: LedgerCell }[] = [];
  return (rowNumber, cells) => {
    while (next < ranges.length && (ranges[next] as MergeRange).top <= rowNumber) {
      const range = ranges[next++] as MergeRange;
      const value = cells[range.left];
      if (range.top === rowNumber && value && value.text.trim() !== '') {
        active.push({ range, value });
        if (range.bottom > range.top) value.mergedDownTo = range.bottom;
      }
    }
    active = active.filter((a) => a.range.bottom >= rowNumber);
    for (const { range, value } of active) {
      if (range.top === rowNumber) continue;
      for (let c = range.left; c <= range.right; c++) {
        if ((cells[c]?.text ?? '').trim() !== '') continue;
        while (cells.length < c) cells.push({ text: '' });
        cells[c] = { text: value.text, ...(value.num === undefined ? {} : { num: value.num }), mergedFrom: range.top };
      }
    }
  };
}

async function* readXlsxOnce(
  bytes: Buffer,
  merges: Map<string, MergeRange[]>,
  onBytes: ReadProgress | undefined,
  state: { yielded: number },
): AsyncGenerator<LedgerSheetRow> {
  let offset = 0;
  const source = Readable.from(
    (function* () {
      while (offset < bytes.length) {
        const chunk = bytes.subarray(offset, offset + CHUNK);
        offset += chunk.length;
        onBytes?.(offset, bytes.length);
        yield chunk;
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    const name = (sheet as unknown as { name: string }).name;
    const fill = mergeFiller(merges.get(name) ?? []);
    for await (const row of sheet) {
      if (++state.yielded > LEDGER_MAX_ROWS) throw refuse(`文件超过 ${LEDGER_MAX_ROWS} 行，请按年度拆分后导入`);
      const cells: LedgerCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push({ text: '' });
        cells[col - 1] = cellOf(cell.value);
      });
      fill(row.number, cells);
      if (cells.some((c) => c.text.trim() !== '')) yield { sheet: name, number: row.number, cells };
    }
  }
  // a worksheet lost to that race must not pass silently
  const declared = (reader as unknown as { model?: { sheets?: unknown[] } }).model?.sheets?.length;
  if (declared === undefined || sheets < declared) throw new Error(`read ${sheets} of ${declared ?? '?'} worksheets`);
}

async function* readXlsx(bytes: Buffer, onBytes?: ReadProgress): AsyncGenerator<LedgerSheetRow> {
  checkZipSize(bytes);
  let merges: Map<string, MergeRange[]>;
  try {
    merges = await mergedRanges(bytes);
  } catch {
    throw refuse('无法读取该 Excel 文件的合并单元格，文件可能已损坏');
  }
  for (let attempt = 1; ; attempt++) {
    const state = { yielded: 0 };
    try {
      yield* readXlsxOnce(bytes, merges, onBytes, state);
      return;
    } catch (error) {
      if (error instanceof AppError) throw error;
      // nothing has been handed on yet: reading again from the start is safe
      if (state.yielded === 0 && attempt < READ_ATTEMPTS) continue;
      throw refuse(
        state.yielded === 0
          ? '无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式'
          : '读取 Excel 文件时中断，未导入任何数据，请重新选择文件再试一次',
      );
    }
  }
}

function* readCsv(bytes: Buffer, sheet: string): Generator<LedgerSheetRow> {
  const records = parseCsv(decodeCsv(bytes));
  if (records.length > LEDGER_MAX_ROWS) throw refuse(`文件超过 ${LEDGER_MAX_ROWS} 行，请按年度拆分后导入`);
  for (let i = 0; i < records.length; i++) {
    const cells = (records[i] as string[]).map((text) => ({ text }));
    if (cells.some((c) => c.text.trim() !== '')) yield { sheet, number: i + 1, cells };
  }
}

/** Every non-empty row of the file, sheet after sheet (a CSV is one sheet named after the file). */
export function readLedgerRows(fileName: string, bytes: Buffer, onBytes?: ReadProgress): AsyncIterable<LedgerSheetRow> | Iterable<LedgerSheetRow> {
  if (sheetKind(fileName, bytes) === 'xlsx') return readXlsx(bytes, onBytes);
  const sheet = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  return readCsv(bytes, sheet);
}
