import type { JobStatus } from '../../shared/schemas/jobs';
import type { NoticeRow } from '../../shared/schemas/notices';
import { writeTx, type ServiceContext } from '../context';
import { writeAudit } from './audit';
import { requireInstallation } from './installation';
import { getNotice } from './notices';
import { newWorkbook } from './xlsx';
import { startWorkbookExport } from './export-job';

/** DOMAIN §4's public-notice columns, exactly: nothing personal beyond the masked name. */
export const NOTICE_COLUMNS: { header: string; width: number; money?: boolean; value: (r: NoticeRow) => string | number | null }[] = [
  { header: '序号', width: 6, value: (r) => r.lineNo },
  { header: '县', width: 7, value: (r) => r.county },
  { header: '乡(镇)', width: 10, value: (r) => r.townshipName },
  { header: '村组', width: 10, value: (r) => r.village },
  { header: '购机者姓名', width: 16, value: (r) => r.buyerNameMasked },
  { header: '机具品目', width: 14, value: (r) => r.item },
  { header: '生产厂家', width: 20, value: (r) => r.maker },
  { header: '产品名称', width: 14, value: (r) => r.productName },
  { header: '购买机型', width: 12, value: (r) => r.model },
  { header: '数量(台)', width: 8, value: (r) => r.quantity },
  { header: '经销商', width: 18, value: (r) => r.dealer },
  { header: '购机日期', width: 11, value: (r) => r.purchaseDate },
  { header: '单台销售价格', width: 13, money: true, value: (r) => r.priceFen },
  { header: '单台补贴额', width: 12, money: true, value: (r) => r.unitSubsidyFen },
  { header: '总补贴额', width: 12, money: true, value: (r) => r.totalFen },
  { header: '出厂编号', width: 16, value: (r) => r.factoryNo },
  { header: '状态', width: 8, value: (r) => r.stateLabel },
];

/** The notice as Excel: title, period, where to object, the columns, a total row. */
export function exportNoticeXlsx(ctx: ServiceContext, input: { id: string }): JobStatus {
  const installation = requireInstallation(ctx);
  const n = getNotice(ctx, input.id);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('公示表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = NOTICE_COLUMNS.map((c) => ({ width: c.width }));
  const width = NOTICE_COLUMNS.length;
  const line = (text: string, bold = false, size = 11) => {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, width);
    r.font = { bold, size };
    r.alignment = { horizontal: bold ? 'center' : 'left' };
  };
  line(n.title, true, 16);
  line(`公示批次：${n.number}  公示期：${n.startDate} 至 ${n.endDate}（5个工作日）  公示单位：${n.unitName}`);
  const header = ws.addRow(NOTICE_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1EC' } };
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  for (const row of n.rows) {
    const r = ws.addRow(
      NOTICE_COLUMNS.map((c) => (c.money && typeof c.value(row) === 'number' ? (c.value(row) as number) / 100 : c.value(row))),
    );
    NOTICE_COLUMNS.forEach((c, i) => {
      if (c.money) r.getCell(i + 1).numFmt = '#,##0.00';
    });
  }
  const totalCells: (string | number | null)[] = NOTICE_COLUMNS.map(() => null);
  totalCells[0] = '合计';
  totalCells[9] = n.rows.reduce((a, r) => a + r.quantity, 0);
  totalCells[14] = n.totalFen / 100;
  const total = ws.addRow(totalCells);
  total.font = { bold: true };
  total.getCell(15).numFmt = '#,##0.00';
  line(`如有异议，请于公示期内向 ${n.unitName} 反映（${n.objectionContact}）。`);
  writeTx(ctx, () =>
    writeAudit(ctx, installation, {
      method: 'notices.exportXlsx',
      entity: 'notice',
      entityId: n.id,
      before: null,
      after: { number: n.number, rows: n.rows.length },
    }),
  );
  return startWorkbookExport(ctx, 'notices.exportXlsx', { wb, fileName: `${n.unitName}-公示表-${n.number}.xlsx`, rowCount: n.rows.length });
}
