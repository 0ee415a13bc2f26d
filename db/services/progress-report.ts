import { chinaToday } from '../context';
import { compactDate } from '../../shared/domain/civil-date';
import { countedStatuses } from '../../shared/domain/counting';
import { STATUS_LABELS } from '../../shared/domain/workflow';
import type ExcelJS from 'exceljs';
import type { JobStatus } from '../../shared/schemas/jobs';
import { TERMINAL_LABELS } from '../../shared/schemas/purchases';
import type { ServiceContext } from '../context';
import { countedChunk, type CountedKey, type CountedPurchase, type CountedScrap } from '../repositories/progress';
import { getConfig } from './config';
import { farmerSummary } from './farmer-summary';
import { mechanizationSummary } from './mechanization';
import { currentYear, scopeCodes } from './progress-facts';
import { progressByTownship, progressMonthly, progressSummary, resolveScope } from './progress';
import { addMechanizationSheet, addMonthlySheet, addSummarySheet, addTownshipSheet } from './progress-report-sheets';
import { getSettings } from './settings';
import type { Column } from './xlsx';
import { withExportCache } from './export-cache';
import { startExportJob, writeWorkbookFile, type ExportProgress } from './export-job';
import { heldRecords } from './progress-held';

import { beginSheet, commitSheet, drainSheet, writeRows } from './xlsx-stream';

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

/** Rows read per keyset query of the ledger sheets. */
const CHUNK_ROWS = 500;

interface LedgerSheet<T> {
  name: string;
  title: string;
  columns: Column<Numbered<T>>[];
  chunk: (after: CountedKey | null) => T[];
  key: (row: T) => CountedKey;
}

/**
 * Streams one counted ledger onto its sheet, a keyset chunk at a time (no statement stays open while the
 * export yields), without the held records, numbered; waits after each chunk until its rows have left
 * memory for the file. Gives the rows written.
 */
async function fillCounted<T extends { id: string }>(
  wb: ExcelJS.Workbook,
  sheet: LedgerSheet<T>,
  held: ReadonlySet<string>,
  p: ExportProgress,
  written: { done: number; total: number },
  failed: Promise<never>,
): Promise<number> {
  const ws = beginSheet(wb, sheet.name, sheet.columns, sheet.title);
  let n = 0;
  let after: CountedKey | null = null;
  for (;;) {
    const rows = sheet.chunk(after);
    if (rows.length === 0) break;
    after = sheet.key(rows[rows.length - 1] as T);
    // the rows were just read for this export: each takes its 序号 in place rather than as a copy
    const kept = rows.filter((r) => !held.has(r.id)) as Numbered<T>[];
    for (const r of kept) r.n = ++n;
    writeRows(ws, sheet.columns, kept);
    written.done += kept.length;
    p.progress(written.done, written.total, '正在导出');
    await drainSheet(ws, failed);
    await p.tick();
    if (rows.length < CHUNK_ROWS) break;
  }
  ws.commit();
  return n;
}

/**
 * The progress report as one workbook, streamed to `path`: 汇总 (the cards' numbers), 分乡镇, 月度, the
 * counted ledgers behind the numbers (personal numbers masked) and 机械化率. Gives its file name and the
 * ledger rows written.
 */
export async function writeProgressReport(
  ctx: ServiceContext,
  input: { year?: number; townshipCode?: string },
  path: string,
  p: ExportProgress,
): Promise<{ fileName: string; rowCount: number }> {
  const year = input.year ?? currentYear(ctx);
  const scope = resolveScope(ctx, input.townshipCode);
  const summary = progressSummary(ctx, { year, townshipCode: scope.townshipCode ?? undefined });
  const townships = progressByTownship(ctx, { year });
  const monthly = progressMonthly(ctx, { year, townshipCode: scope.townshipCode ?? undefined });
  const mech = mechanizationSummary(ctx, { year });
  const settings = getSettings(ctx);
  const unit = settings.configured ? settings.unitName : '未设置';
  const title = `${unit} ${year}年农机更新目标进度报告（${scope.name}，截至 ${summary.asOf}）`;
  const counted = countedStatuses(getConfig(ctx, 'progressCountingStage'));
  const range = { start: `${year}-01-01`, end: `${year + 1}-01-01` };
  const codes = scopeCodes(scope.townshipCode);
  const held = heldRecords(ctx.db);
  // the ledger rows written so far, against the counted numbers the summary shows
  const written = { done: 0, total: summary.scraps.done + summary.purchases.done };
  const scrapSheet: LedgerSheet<CountedScrap> = {
    name: '报废台账（计入）',
    title: `${year}年计入目标的报废农机（按交售日期；身份证号已脱敏）`,
    columns: SCRAP_COLUMNS,
    chunk: (after) => countedChunk(ctx.db, 'scraps', counted, codes, range, after, CHUNK_ROWS),
    key: (r) => ({ afterDate: r.handover_date, afterId: r.id }),
  };
  const purchaseSheet: LedgerSheet<CountedPurchase> = {
    name: '购置台账（计入）',
    title: `${year}年计入目标的新购农机（按购机日期；身份证号已脱敏）`,
    columns: PURCHASE_COLUMNS,
    chunk: (after) => countedChunk(ctx.db, 'purchases', counted, codes, range, after, CHUNK_ROWS),
    key: (r) => ({ afterDate: r.purchase_date, afterId: r.id }),
  };
  const rowCount = await withExportCache(ctx.db, () =>
    writeWorkbookFile(path, async (writer, failed) => {
      const wb = writer as unknown as ExcelJS.Workbook;
      wb.created = ctx.now();
      p.progress(0, written.total, '正在导出');
      addSummarySheet(wb, title, summary);
      commitSheet(wb, '汇总');
      addTownshipSheet(
        wb,
        scope.townshipCode ? { ...townships, rows: townships.rows.filter((r) => r.townshipCode === scope.townshipCode) } : townships,
      );
      commitSheet(wb, '分乡镇');
      addMonthlySheet(wb, monthly);
      commitSheet(wb, '月度');
      const scrapRows = await fillCounted(wb, scrapSheet, held.scraps, p, written, failed);
      const purchaseRows = await fillCounted(wb, purchaseSheet, held.purchases, p, written, failed);
      addMechanizationSheet(wb, mech);
      commitSheet(wb, '机械化率');
      p.progress(written.done, written.total, '正在写入文件');
      return scrapRows + purchaseRows;
    }),
  );
  const fileName = `${unit}-${year}年目标进度报告${scope.townshipCode ? `-${scope.name}` : ''}-${compactDate(chinaToday(ctx))}.xlsx`;
  return { fileName, rowCount };
}

/** reports.exportXlsx: the progress report as an export job (export-job.ts), saved where the user chooses. */
export function startProgressReport(ctx: ServiceContext, input: { year?: number; townshipCode?: string }): JobStatus {
  return startExportJob(ctx, 'reports.exportXlsx', (path, job) => writeProgressReport(ctx, input, path, job));
}
