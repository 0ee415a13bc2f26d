import type ExcelJS from 'exceljs';
import type { Column } from './xlsx';

/** The number format of money cells (yuan, two decimals). */
export const MONEY_FORMAT = '#,##0.00';

/** What a streamed sheet's rows are written with: exceljs' own sheet stream and style table. */
interface SheetParts {
  stream: { write(text: string): unknown };
  styleIdOf(style: { numFmt: string }): number;
}

interface WriterInternals {
  stream?: { write?: unknown };
  _workbook?: { styles?: { addStyleModel?: (model: object, cellType?: number) => number } };
}

/** The two parts of exceljs' streaming writer a sheet's rows need; throws if exceljs no longer has that shape. */
export function sheetParts(ws: ExcelJS.Worksheet): SheetParts {
  const w = ws as unknown as WriterInternals;
  const styles = w._workbook?.styles;
  const stream = w.stream;
  if (!stream || typeof stream.write !== 'function' || typeof styles?.addStyleModel !== 'function') {
    throw new Error('导出组件（exceljs）的流式写入接口已变化，无法写出表格行');
  }
  return {
    stream: stream as SheetParts['stream'],
    styleIdOf: (style) => (styles.addStyleModel as (model: object) => number).call(styles, { ...style }),
  };
}

// what exceljs' xmlEncode escapes, and the control characters XML cannot hold, which it drops
/* eslint-disable no-control-regex -- matching control characters is the point: XML 1.0 cannot hold them */
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
const XML_SPECIAL_ALL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
/* eslint-enable no-control-regex */
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
const escapeChar = (c: string) => ESCAPES[c] ?? '';

/** Text as exceljs writes it in XML (the same escapes, the same characters dropped). */
export function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, escapeChar) : text;
}

/** A column's letters: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Builds a sheet's data rows as the XML exceljs' streaming writer gives for `ws.addRow(values)` with money
 * cells formatted, byte for byte (a test compares the two), without its per-cell objects: exceljs builds a
 * row, a cell, a style and a model object for every cell and serialises each through its XML writer, and in
 * a million-row export that garbage was most of the process's memory. Cells: a number is a number, a text
 * an inline text (t="str", as exceljs writes texts without a shared-string table), null an empty cell
 * (kept only where it has a style), `undefined` no cell at all outside money columns, and a row
 * without a value is left out, as in exceljs.
 */
export function rowsXmlWriter<T>(columns: Column<T>[], moneyStyleId: number): (rowNumber: number, row: T) => string {
  const letters = columns.map((_, i) => columnLetters(i + 1));
  // exceljs writes no s attribute for style 0 (a workbook written without styles)
  const styled = columns.map((c) => (c.money && moneyStyleId ? ` s="${moneyStyleId}"` : ''));
  return (rowNumber, row) => {
    let cells = '';
    let min = 0;
    let max = 0;
    let hasValue = false;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as Column<T>;
      const v = c.value(row) as string | number | null | undefined;
      // exceljs makes no cell for undefined, except in a money column, where setting the format makes one
      if (v === undefined && !c.money) continue;
      if (!min) min = i + 1;
      max = i + 1;
      const ref = `${letters[i]}${rowNumber}`;
      if (v === null || v === undefined) {
        if (styled[i]) cells += `<c r="${ref}"${styled[i]}/>`;
        continue;
      }
      hasValue = true;
      if (typeof v === 'number') {
        cells += `<c r="${ref}"${styled[i]}><v>${c.money ? v / 100 : v}</v></c>`;
      } else {
        cells += `<c r="${ref}"${styled[i]} t="str"><v>${xmlText(v)}</v></c>`;
      }
    }
    // exceljs leaves out a row with no value in it (only empty cells)
    return hasValue ? `<row r="${rowNumber}" spans="${min}:${max}" x14ac:dyDescent="0.25">${cells}</row>` : '';
  };
}
