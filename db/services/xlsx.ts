import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
  /** Money in fen, written as yuan with two decimals. */
  money?: boolean;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Adds a sheet with a bold frozen header row; money columns are written as yuan numbers formatted #,##0.00. */
export function addSheet<T>(wb: ExcelJS.Workbook, name: string, columns: Column<T>[], rows: Iterable<T>, title?: string): number {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: title ? 2 : 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  if (title) {
    const t = ws.addRow([title]);
    t.font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, columns.length);
  }
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1EC' } };
  let count = 0;
  for (const row of rows) {
    const r = ws.addRow(
      columns.map((c) => {
        const v = c.value(row);
        return c.money && typeof v === 'number' ? v / 100 : v;
      }),
    );
    columns.forEach((c, i) => {
      if (c.money) r.getCell(i + 1).numFmt = '#,##0.00';
    });
    count++;
  }
  return count;
}

export async function workbookBase64(wb: ExcelJS.Workbook): Promise<string> {
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '农机更新补贴台账';
  wb.created = new Date();
  return wb;
}
