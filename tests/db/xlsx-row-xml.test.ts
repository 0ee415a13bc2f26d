import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../db/services/xlsx';
import { columnLetters, xmlText } from '../../db/services/xlsx-row-xml';
import { addSheet } from '../../db/services/xlsx';
import { beginSheet, commitSheet, writeRows } from '../../db/services/xlsx-stream';

type Row = Record<string, string | number | null | undefined>;

const columns: Column<Row>[] = [
  { header: '文字', width: 10, value: (r) => r.text as string },
  { header: '数字', width: 10, value: (r) => r.num as number },
  { header: '金额', width: 10, money: true, value: (r) => r.fen as number },
  { header: '可空', width: 10, value: (r) => r.maybe as string | null },
  { header: '金额文字', width: 10, money: true, value: (r) => r.moneyText as string },
];

const rows: Row[] = [
  { text: '贾芳振', num: 1, fen: 1_234_56, maybe: null, moneyText: null },
  { text: '', num: 0, fen: 0, maybe: '', moneyText: '未定' },
  { text: `A<B>&'"C`, num: -1.5, fen: 1, maybe: 'x\u0001y\u0008z\u000bq\u001f\u007f', moneyText: undefined },
  { text: '制表\t换行\n回车\r', num: 2024, fen: -99, maybe: undefined, moneyText: undefined },
  { text: undefined, num: undefined, fen: undefined, maybe: undefined, moneyText: undefined },
  { text: null, num: null, fen: null, maybe: null, moneyText: null },
  { text: '𠀀生僻字😀', num: 12345678901234, fen: null, maybe: 'end', moneyText: '5' },
];

/** A sheet streamed by beginSheet + writeRows, or (`viaExcelJs`) the same rows through exceljs' own row API (xlsx.ts addSheet). */
async function workbookXml(viaExcelJs: boolean, useStyles: boolean): Promise<{ sheet: string; styles: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles, useSharedStrings: false });
  wb.created = wb.modified = new Date('2025-01-01T00:00:00Z');
  if (viaExcelJs) {
    addSheet(wb as unknown as ExcelJS.Workbook, '台账', columns, rows, '标题');
    commitSheet(wb as unknown as ExcelJS.Workbook, '台账');
  } else {
    const ws = beginSheet(wb as unknown as ExcelJS.Workbook, '台账', columns, '标题');
    writeRows(ws, columns, rows);
    ws.commit();
  }
  await wb.commit();
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const text = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  return { sheet: await text('xl/worksheets/sheet1.xml'), styles: await text('xl/styles.xml') };
}

describe('sheet rows written as XML', () => {
  for (const useStyles of [true, false]) {
    it(`gives byte for byte the sheet exceljs writes for the same rows through addSheet (${useStyles ? 'with' : 'without'} styles)`, async () => {
      const ours = await workbookXml(false, useStyles);
      const theirs = await workbookXml(true, useStyles);
      expect(ours.sheet).toBe(theirs.sheet);
      expect(ours.styles).toBe(theirs.styles);
      // the cases above really occur in the sheet: an escaped text, a dropped control character, a money cell
      expect(ours.sheet).toContain('A&lt;B&gt;&amp;&apos;&quot;C');
      expect(ours.sheet).toContain('<v>xyzq</v>');
      expect(ours.sheet).toContain('<v>1234.56</v>');
    });
  }

  it('leaves out rows without a value but keeps their numbers', async () => {
    const { sheet } = await workbookXml(false, true);
    expect(sheet).toContain('<row r="9"');
    expect(sheet).not.toMatch(/<row r="[78]"/);
  });

  it('names columns as Excel does and escapes what exceljs escapes', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(xmlText('plain 文字')).toBe('plain 文字');
    expect(xmlText('a\u0000b\u000cc\u000dd')).toBe('abc\u000dd');
  });
});
