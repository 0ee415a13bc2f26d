import { chinaToday } from '../context';
import { compactDate } from '../../shared/domain/civil-date';
import { countedStatuses } from '../../shared/domain/counting';
import { STATUS_LABELS } from '../../shared/domain/workflow';
import type { FileOutput } from '../../shared/schemas/machines';
import { TERMINAL_LABELS } from '../../shared/schemas/purchases';
import type { ServiceContext } from '../context';
import { iterateCountedPurchases, iterateCountedScraps, type CountedPurchase, type CountedScrap } from '../repositories/progress';
import { getConfig } from './config';
import { farmerSummary } from './farmer-summary';
import { mechanizationSummary } from './mechanization';
import { currentYear, scopeCodes } from './progress-facts';
import { progressByTownship, progressMonthly, progressSummary, resolveScope } from './progress';
import { addMechanizationSheet, addMonthlySheet, addSummarySheet, addTownshipSheet } from './progress-report-sheets';
import { getSettings } from './settings';
import { XLSX_MIME, type Column } from './xlsx';
import { heldRecords } from './progress-held';

/** The counted ledger rows without the held (待核查) duplicates, as the totals count them. */
function* without<T extends { id: string }>(rows: Iterable<T>, held: ReadonlySet<string>): Generator<T> {
  for (const r of rows) if (!held.has(r.id)) yield r;
}
import { commitSheet, streamingWorkbook, streamSheet } from './xlsx-stream';

type Numbered<T> = T & { n: number };

const farmerColumns = <T extends CountedScrap | CountedPurchase>(): Column<Numbered<T>>[] => [
  { header: '序号', width: 6, value: (r) => r.n },
  { header: '姓名/名称', width: 14, value: (r) => r.f_name },
  { header: '证件号码', width: 21, value: (r) => farmerSummary(r).idNumberMasked },
  { header: '乡镇', width: 10, value: (r) => farmerSummary(r).townshipName },
  { header: '村', width: 10, value: (r) => r.f_village },
];

const SCRAP_COLUMNS: Column<Numbered<CountedScrap>>[] = [
  ...farmerColumns<CountedScrap>(),
  { header: '机具品目', width: 16, value: (r) => r.item },
  { header: '分档', width: 18, value: (r) => r.band_label },
  { header: '生产厂家', width: 18, value: (r) => r.maker },
  { header: '型号', width: 14, value: (r) => r.model },
  { header: '交售日期', width: 11, value: (r) => r.handover_date },
  { header: '报废并更新', width: 10, value: (r) => (r.renewed ? '是' : '否') },
  { header: '报废补贴（元，单独报废）', width: 20, money: true, value: (r) => (r.renewed ? 0 : r.scrap_fen) },
  { header: '状态', width: 8, value: (r) => STATUS_LABELS[r.status] },
];

const PURCHASE_COLUMNS: Column<Numbered<CountedPurchase>>[] = [
  ...farmerColumns<CountedPurchase>(),
  { header: '机具品目', width: 16, value: (r) => r.item },
  { header: '分档', width: 18, value: (r) => r.band_label },
  { header: '生产厂家', width: 18, value: (r) => r.maker },
  { header: '购买机型', width: 14, value: (r) => r.model },
  { header: '出厂编号', width: 18, value: (r) => r.factory_no },
  { header: '购机日期', width: 11, value: (r) => r.purchase_date },
  { header: '购置补贴（元）', width: 13, money: true, value: (r) => r.purchase_fen },
  { header: '报废更新补贴（元）', width: 15, money: true, value: (r) => r.scrap_part_fen },
  { header: '补贴合计（元）', width: 13, money: true, value: (r) => r.total_fen },
  { header: '北斗/监测终端', width: 16, value: (r) => TERMINAL_LABELS[r.terminal_kind] },
  { header: '状态', width: 8, value: (r) => STATUS_LABELS[r.status] },
];

function* numbered<T>(rows: Iterable<T>): Iterable<Numbered<T>> {
  let n = 0;
  for (const r of rows) yield { ...r, n: ++n };
}

/**
 * reports.exportXlsx: the progress report as one workbook: 汇总 (the cards' numbers), 分乡镇, 月度, the
 * counted ledgers behind the numbers (personal numbers masked) and 机械化率.
 */
export async function exportProgressReport(ctx: ServiceContext, input: { year?: number; townshipCode?: string }): Promise<FileOutput> {
  const year = input.year ?? currentYear(ctx);
  const scope = resolveScope(ctx, input.townshipCode);
  const summary = progressSummary(ctx, { year, townshipCode: scope.townshipCode ?? undefined });
  const townships = progressByTownship(ctx, { year });
  const monthly = progressMonthly(ctx, { year, townshipCode: scope.townshipCode ?? undefined });
  const mech = mechanizationSummary(ctx, { year });
  const settings = getSettings(ctx);
  const unit = settings.configured ? settings.unitName : '未设置';
  const title = `${unit} ${year}年农机更新目标进度报告（${scope.name}，截至 ${summary.asOf}）`;
  const { wb, finish } = streamingWorkbook(ctx.now());
  addSummarySheet(wb, title, summary);
  commitSheet(wb, '汇总');
  addTownshipSheet(
    wb,
    scope.townshipCode ? { ...townships, rows: townships.rows.filter((r) => r.townshipCode === scope.townshipCode) } : townships,
  );
  commitSheet(wb, '分乡镇');
  addMonthlySheet(wb, monthly);
  commitSheet(wb, '月度');
  const counted = countedStatuses(getConfig(ctx, 'progressCountingStage'));
  const range = { start: `${year}-01-01`, end: `${year + 1}-01-01` };
  const codes = scopeCodes(scope.townshipCode);
  const held = heldRecords(ctx.db);
  // the ledgers last (an open iterator keeps the connection busy), streamed row by row
  const scrapRows = streamSheet(
    wb,
    '报废台账（计入）',
    SCRAP_COLUMNS,
    numbered(without(iterateCountedScraps(ctx.db, counted, codes, range), held.scraps)),
    `${year}年计入目标的报废农机（按交售日期；身份证号已脱敏）`,
  );
  const purchaseRows = streamSheet(
    wb,
    '购置台账（计入）',
    PURCHASE_COLUMNS,
    numbered(without(iterateCountedPurchases(ctx.db, counted, codes, range), held.purchases)),
    `${year}年计入目标的新购农机（按购机日期；身份证号已脱敏）`,
  );
  addMechanizationSheet(wb, mech);
  commitSheet(wb, '机械化率');
  const fileName = `${unit}-${year}年目标进度报告${scope.townshipCode ? `-${scope.name}` : ''}-${compactDate(chinaToday(ctx))}.xlsx`;
  return { fileName, mime: XLSX_MIME, base64: (await finish()).toString('base64'), rowCount: scrapRows + purchaseRows };
}
