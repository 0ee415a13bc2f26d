/**
 * Reading an uploaded catalogue file into rows of cells: .xlsx through exceljs, .csv through a small
 * RFC 4180 parser. The file is untrusted: its kind is checked from its bytes, a ZIP's declared
 * unpacked size is checked before exceljs inflates it, and the number of rows is capped.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/errors';
import { CATALOG_FILE_TOO_LARGE, CATALOG_MAX_FILE_BYTES } from '../../shared/schemas/catalog-api';

export interface SheetCell {
  /** The cell as text (a formula's result, rich text joined). */
  text: string;
  /** Set when the cell holds a number (not a numeric-looking string). */
  num?: number;
  /** The number is formatted as a percentage (0.3 shown as 30%). */
  percent?: boolean;
}

export interface SheetRow {
  /** The row number the spreadsheet program shows (1-based). */
  number: number;
  /** Index 0 is column A. */
  cells: SheetCell[];
}

export const MAX_DATA_ROWS = 20_000;
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

const refuse = (message: string, field: 'fileName' | 'base64' = 'base64') =>
  new AppError('VALIDATION', message, { issues: [{ path: [field], message }] });

/** Base64 text → bytes, refusing what is not base64 or is over the size limit. */
export function decodeBase64File(base64: string, maxBytes = CATALOG_MAX_FILE_BYTES, tooLarge = CATALOG_FILE_TOO_LARGE): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) throw refuse('文件内容不完整或已损坏，请重新选择文件');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > maxBytes) throw refuse(tooLarge);
  if (bytes.length === 0) throw refuse('文件是空的，请重新选择文件');
  return bytes;
}

export type SheetKind = 'xlsx' | 'csv';

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Decides from the name and the first bytes whether this is an .xlsx or a .csv, or refuses it. */
export function sheetKind(fileName: string, bytes: Buffer): SheetKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'xls' || startsWith(bytes, OLE2)) {
    throw refuse('这是旧版 Excel（.xls）或加密的文件，请在 Excel 中“另存为”Excel 工作簿（.xlsx，不设密码）后再导入', 'fileName');
  }
  if (ext === 'xlsx') {
    if (!startsWith(bytes, ZIP)) throw refuse('文件扩展名是 .xlsx，但内容不是 Excel 工作簿，请确认文件没有损坏', 'fileName');
    return 'xlsx';
  }
  if (ext === 'csv') {
    if (startsWith(bytes, ZIP)) throw refuse('文件扩展名是 .csv，但内容是 Excel 工作簿，请把扩展名改回 .xlsx 后导入', 'fileName');
    return 'csv';
  }
  throw refuse(`只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv），“${fileName}”不是这两种格式`, 'fileName');
}

/** Reads the ZIP central directory and refuses archives that would unpack to something huge. */
export function checkZipSize(bytes: Buffer): void {
  const unreadable = refuse('无法读取该 Excel 文件，文件可能已损坏');
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable;
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries > MAX_ZIP_ENTRIES || offset === 0xffffffff) throw refuse('该 Excel 文件内容过多，不像是补贴额一览表');
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw unreadable;
    total += bytes.readUInt32LE(offset + 24);
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (total > MAX_UNPACKED_BYTES) throw refuse('该 Excel 文件解压后过大，不像是补贴额一览表');
}

type Scalar = ExcelJS.CellValue;

function cellFrom(value: Scalar, numFmt: string | undefined): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), num: value, percent: (numFmt ?? '').includes('%') };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) return cellFrom(value.result ?? null, numFmt);
  if ('error' in value) return { text: value.error };
  if ('text' in value) return cellFrom(value.text as Scalar, numFmt);
  return { text: '' };
}

const tooManyRows = () => refuse(`数据超过 ${MAX_DATA_ROWS} 行，不像是补贴额一览表，请检查文件`);

/** Every worksheet of an .xlsx as rows of cells (empty rows left out), in workbook order. */
async function readXlsx(bytes: Buffer): Promise<SheetRow[][]> {
  checkZipSize(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); JSZip reads a Node Buffer as it is.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw refuse('无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式');
  }
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (rows.length >= MAX_DATA_ROWS) throw tooManyRows();
      const cells: SheetCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        cells.push(cellFrom(cell.value, cell.numFmt));
      }
      rows.push({ number, cells });
    });
    return rows;
  });
}

/** Bytes of a CSV → text: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (Excel's "CSV" on Chinese Windows). */
export function decodeCsv(bytes: Buffer): string {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder('gb18030').decode(body);
    }
  }
  if (text.includes('\u0000')) throw refuse('该文件不是文本格式的 CSV，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入');
  return text;
}

/** The separator of the first line: a comma, or a tab when the line has tabs and no commas. */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  return !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
}

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF, LF or CR; a field that starts with
 * a double quote runs to the matching quote and may hold separators, line breaks and "" for a quote.
 */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === sep) {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      if (records.length > MAX_DATA_ROWS + 50) throw tooManyRows();
      record = [];
      field = '';
      atFieldStart = true;
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) throw refuse('CSV 文件中有未闭合的双引号，请检查文件');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readCsv(bytes: Buffer): SheetRow[][] {
  const records = parseCsv(decodeCsv(bytes));
  const rows = records
    .map((fields, i) => ({ number: i + 1, cells: fields.map((text) => ({ text })) }))
    .filter((r) => r.cells.some((c) => c.text.trim() !== ''));
  if (rows.length > MAX_DATA_ROWS) throw tooManyRows();
  return [rows];
}

/** The file's worksheets (one for a CSV) as rows of cells. */
export async function readSheets(fileName: string, bytes: Buffer): Promise<SheetRow[][]> {
  return sheetKind(fileName, bytes) === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
