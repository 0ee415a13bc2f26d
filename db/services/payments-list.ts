import { chinaDate } from '../../shared/domain/civil-date';
import { maskBankCard } from '../../shared/domain/mask';
import type { PaymentListLine, PaymentListOutput } from '../../shared/schemas/payments';
import { isoNow, writeTx, type ServiceContext } from '../context';
import type { Kind } from '../repositories/applications';
import { getPurchase } from '../repositories/purchases';
import { liveForApplication } from '../repositories/vouchers';
import { writeAudit } from './audit';
import { requireInstallation } from './installation';
import { approvedFen, requirePayable } from './payments';
import { getSettings } from './settings';
import { newWorkbook, workbookBase64, XLSX_MIME } from './xlsx';

const PURPOSE = { purchase: '农机购置补贴', scrap: '农机报废更新补贴' } as const;

function purpose(ctx: ServiceContext, kind: Kind, id: string): string {
  if (kind === 'scrap') return PURPOSE.scrap;
  const p = getPurchase(ctx.db, id);
  return p && p.scrap_part_fen > 0 ? `${PURPOSE.purchase}、${PURPOSE.scrap}` : PURPOSE.purchase;
}

/**
 * 代发清单: for payable applications, the list a bank takes for batch payment (序号, 户名, 账号, 金额, 开户行,
 * 用途, 备注) with a total. It carries full account numbers, so it is marked 内部资料 and who exported it is audited.
 */
export async function exportPaymentList(ctx: ServiceContext, input: { items: { kind: Kind; id: string }[] }): Promise<PaymentListOutput> {
  const installation = requireInstallation(ctx);
  const seen = new Set<string>();
  const full: (PaymentListLine & { accountNo: string })[] = [];
  for (const ref of input.items) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    const { account } = requirePayable(ctx, ref.kind, ref.id);
    const voucher = liveForApplication(ctx.db, ref.id);
    full.push({
      lineNo: full.length + 1,
      kind: ref.kind,
      applicationId: ref.id,
      accountName: account.name,
      accountNo: account.number,
      accountMasked: maskBankCard(account.number),
      amountFen: approvedFen(ctx, ref.kind, ref.id),
      bankName: account.bankName,
      purpose: purpose(ctx, ref.kind, ref.id),
      remark: voucher ? voucher.number : `申请 ${ref.id.slice(0, 8)}`,
    });
  }
  const totalFen = full.reduce((a, l) => a + l.amountFen, 0);
  const s = getSettings(ctx);
  const unit = s.configured ? s.unitName : '';
  const exportedAt = isoNow(ctx);
  const day = chinaDate(new Date(exportedAt));

  const wb = newWorkbook();
  const ws = wb.addWorksheet('代发清单', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: '&L内部资料 注意保密&R含完整账号', oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = [{ width: 6 }, { width: 18 }, { width: 26 }, { width: 14 }, { width: 22 }, { width: 30 }, { width: 22 }];
  const banner = ws.addRow([`内部资料 · 含完整账号，仅供银行代发使用，注意保密`]);
  ws.mergeCells(banner.number, 1, banner.number, 7);
  banner.font = { bold: true, color: { argb: 'FFC00000' } };
  const title = ws.addRow([`${unit} 农机补贴资金代发清单（${day}）`]);
  ws.mergeCells(title.number, 1, title.number, 7);
  title.font = { bold: true, size: 14 };
  const header = ws.addRow(['序号', '户名', '账号', '金额', '开户行', '用途', '备注']);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1EC' } };
  for (const l of full) {
    const r = ws.addRow([l.lineNo, l.accountName, l.accountNo, l.amountFen / 100, l.bankName, l.purpose, l.remark]);
    r.getCell(3).numFmt = '@';
    r.getCell(4).numFmt = '#,##0.00';
  }
  const total = ws.addRow(['合计', `${full.length} 笔`, null, totalFen / 100, null, null, null]);
  total.font = { bold: true };
  total.getCell(4).numFmt = '#,##0.00';
  ws.addRow([]);
  ws.addRow([`导出人：${installation.operator}  导出时间：${exportedAt}  经办人：__________  审核人：__________  站长：__________`]);

  writeTx(ctx, () =>
    writeAudit(ctx, installation, {
      method: 'payments.exportList',
      entity: 'payment_list',
      entityId: installation.station_id,
      before: null,
      after: { count: full.length, totalFen, applications: full.map((l) => l.applicationId) },
    }),
  );
  return {
    fileName: `${unit}-代发清单-内部资料-${day.replace(/-/g, '')}.xlsx`,
    mime: XLSX_MIME,
    base64: await workbookBase64(wb),
    rowCount: full.length,
    totalFen,
    unitName: unit,
    exportedAt,
    exportedBy: installation.operator,
    lines: full.map(({ accountNo: _full, ...l }) => l),
  };
}
