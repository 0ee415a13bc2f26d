import dayjs from 'dayjs';
import { TERMINAL_LABELS } from '../../shared/schemas/purchases';
import { STATUS_LABELS } from '../../shared/domain/workflow';
import { ELIGIBILITY_LABELS } from '../../shared/schemas/scraps';
import type { FileOutput } from '../../shared/schemas/machines';
import type { ServiceContext } from '../context';
import type { LedgerFilter } from '../repositories/ledger-query';
import { iteratePurchases, type PurchaseLedgerRow } from '../repositories/purchases';
import { iterateScraps, type ScrapLedgerRow } from '../repositories/scraps';
import { farmerSummary } from './farmer-summary';
import { addSheet, newWorkbook, workbookBase64, XLSX_MIME, type Column } from './xlsx';
import { getSettings } from './settings';

const farmerColumns = <T extends ScrapLedgerRow | PurchaseLedgerRow>(): Column<T>[] => [
  { header: '姓名/名称', width: 14, value: (r) => r.f_name },
  { header: '证件号码', width: 21, value: (r) => farmerSummary(r).idNumberMasked },
  { header: '手机号', width: 14, value: (r) => farmerSummary(r).phoneMasked },
  { header: '乡镇', width: 10, value: (r) => farmerSummary(r).townshipName },
  { header: '村', width: 10, value: (r) => r.f_village },
];

const SCRAP_COLUMNS: Column<ScrapLedgerRow>[] = [
  ...farmerColumns<ScrapLedgerRow>(),
  { header: '机具品目', width: 16, value: (r) => r.item },
  { header: '分档', width: 18, value: (r) => r.band_label },
  { header: '生产厂家', width: 18, value: (r) => r.maker },
  { header: '型号', width: 14, value: (r) => r.model },
  { header: '发动机号', width: 16, value: (r) => r.engine_no },
  { header: '机架号/出厂编号', width: 18, value: (r) => r.frame_no },
  { header: '号牌号码', width: 12, value: (r) => r.plate_no },
  { header: '出厂年份', width: 9, value: (r) => r.year_made },
  { header: '报废条件', width: 20, value: (r) => ELIGIBILITY_LABELS[r.eligibility] },
  { header: '回收拆解企业', width: 18, value: (r) => r.recycler_name },
  { header: '回收确认表编号', width: 16, value: (r) => r.confirm_form_no },
  { header: '交售日期', width: 11, value: (r) => r.handover_date },
  { header: '拆解日期', width: 11, value: (r) => r.dismantle_date },
  { header: '报废补贴（元）', width: 13, money: true, value: (r) => r.scrap_fen },
  { header: '报废并更新补贴（元）', width: 16, money: true, value: (r) => r.scrap_replace_fen },
  { header: '报废并更新', width: 10, value: (r) => (r.linked_purchase_id ? '是' : '否') },
  { header: '状态', width: 8, value: (r) => STATUS_LABELS[r.status] },
  { header: '作废原因', width: 16, value: (r) => r.void_reason },
];

const PURCHASE_COLUMNS: Column<PurchaseLedgerRow>[] = [
  ...farmerColumns<PurchaseLedgerRow>(),
  { header: '机具品目', width: 16, value: (r) => r.item },
  { header: '分档', width: 18, value: (r) => r.band_label },
  { header: '生产厂家', width: 18, value: (r) => r.maker },
  { header: '产品名称', width: 16, value: (r) => r.product_name },
  { header: '购买机型', width: 14, value: (r) => r.model },
  { header: '出厂编号', width: 18, value: (r) => r.factory_no },
  { header: '发动机号', width: 16, value: (r) => r.engine_no },
  { header: '经销商', width: 18, value: (r) => r.dealer_name },
  { header: '购机日期', width: 11, value: (r) => r.purchase_date },
  { header: '发票号码', width: 14, value: (r) => r.invoice_no },
  { header: '单台销售价格（元）', width: 15, money: true, value: (r) => r.price_fen },
  { header: '购置补贴（元）', width: 13, money: true, value: (r) => r.purchase_fen },
  { header: '报废更新补贴（元）', width: 15, money: true, value: (r) => r.scrap_part_fen },
  { header: '补贴合计（元）', width: 13, money: true, value: (r) => r.total_fen },
  { header: '北斗/监测终端', width: 16, value: (r) => TERMINAL_LABELS[r.terminal_kind] },
  { header: '终端编号', width: 14, value: (r) => r.terminal_id },
  { header: '状态', width: 8, value: (r) => STATUS_LABELS[r.status] },
  { header: '作废原因', width: 16, value: (r) => r.void_reason },
];

function fileName(ctx: ServiceContext, what: string): string {
  const s = getSettings(ctx);
  const unit = s.configured ? s.unitName : '未设置';
  return `${unit}-${what}-${dayjs(ctx.now()).format('YYYYMMDD')}.xlsx`;
}

function numbered<T>(rows: Iterable<T>): Iterable<T & { n: number }> {
  let n = 0;
  return (function* () {
    for (const r of rows) yield { ...r, n: ++n };
  })();
}

/** `rows` is called only after every other query: an open iterator keeps the connection busy. */
async function exportLedger<T>(ctx: ServiceContext, what: string, columns: Column<T>[], rows: () => Iterable<T>): Promise<FileOutput> {
  const name = fileName(ctx, what);
  const wb = newWorkbook();
  const withIndex: Column<T & { n: number }>[] = [{ header: '序号', width: 6, value: (r) => r.n }, ...columns];
  const rowCount = addSheet(wb, what, withIndex, numbered(rows()), `${name.replace(/\.xlsx$/, '')}（身份证号、手机号已脱敏）`);
  return { fileName: name, mime: XLSX_MIME, base64: await workbookBase64(wb), rowCount };
}

export const exportScraps = (ctx: ServiceContext, filter: LedgerFilter) =>
  exportLedger(ctx, '报废农机台账', SCRAP_COLUMNS, () => iterateScraps(ctx.db, filter));

export const exportPurchases = (ctx: ServiceContext, filter: LedgerFilter) =>
  exportLedger(ctx, '购置补贴台账', PURCHASE_COLUMNS, () => iteratePurchases(ctx.db, filter));
