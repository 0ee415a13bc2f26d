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

async function* readXlsx(bytes: Buffer, onBytes?: ReadProgress): AsyncGenerator<LedgerSheetRow> {
  checkZipSize(bytes);
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
  let count = 0;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      for await (const row of sheet) {
        if (++count > LEDGER_MAX_ROWS) throw refuse(`文件超过 ${LEDGER_MAX_ROWS} 行，请按年度拆分后导入`);
        const cells: LedgerCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          while (cells.length < col - 1) cells.push({ text: '' });
          cells[col - 1] = cellOf(cell.value);
        });
        if (cells.some((c) => c.text.trim() !== '')) yield { sheet: name, number: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式');
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
