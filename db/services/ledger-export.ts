import { chinaToday } from '../context';
import { compactDate } from '../../shared/domain/civil-date';
import { TERMINAL_LABELS } from '../../shared/schemas/purchases';
import { STATUS_LABELS } from '../../shared/domain/workflow';
import { ELIGIBILITY_LABELS } from '../../shared/schemas/scraps';
import type ExcelJS from 'exceljs';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { ServiceContext } from '../context';
import type { CursorKey } from '../repositories/keyset';
import type { LedgerFilter } from '../repositories/ledger-query';
import { countPurchases, purchaseChunk, type PurchaseLedgerRow } from '../repositories/purchases';
import { countScraps, scrapChunk, type ScrapLedgerRow } from '../repositories/scraps';
import { withExportCache } from './export-cache';
import { startExportJob, writeWorkbookFile, type ExportProgress } from './export-job';
import { farmerSummary } from './farmer-summary';
import type { Column } from './xlsx';
import { beginSheet, drainSheet, EXCEL_MAX_ROWS, writeRows } from './xlsx-stream';
import { getSettings } from './settings';
import { FRAME_NO_LABEL } from '../../shared/domain/machine-terms';

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
  { header: FRAME_NO_LABEL, width: 18, value: (r) => r.frame_no },
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
  return `${unit}-${what}-${compactDate(chinaToday(ctx))}.xlsx`;
}

/** Rows read per keyset query, and data rows per sheet (Excel's limit less the title and header rows). */
export interface ExportLimits {
  chunkRows: number;
  sheetRows: number;
}
const LIMITS: ExportLimits = { chunkRows: 500, sheetRows: EXCEL_MAX_ROWS - 2 };

type Chunk<T> = (after: CursorKey | undefined) => { rows: T[]; next: CursorKey | null };

interface SheetSpec<T> {
  what: string;
  title: string;
  columns: Column<T>[];
}

/**
 * Fills a streamed workbook with a ledger: rows are read in keyset chunks (no statement stays open while the
 * event loop runs), and after each chunk the writer waits until its rows have gone to the file, so a million
 * rows need no more memory than a thousand. Gives the number of rows written.
 */
async function fillLedger<T>(
  wb: ExcelJS.Workbook,
  { what, title, columns }: SheetSpec<T>,
  total: number,
  chunk: Chunk<T>,
  p: ExportProgress,
  limits: ExportLimits,
  failed: Promise<never>,
): Promise<number> {
  const withIndex: Column<T & { n: number }>[] = [{ header: '序号', width: 6, value: (r) => r.n }, ...columns];
  // a ledger longer than a sheet holds continues on 台账（2）, 台账（3）…, each with the title and header
  let sheets = 1;
  let ws = beginSheet(wb, what, withIndex, title);
  let onSheet = 0;
  let n = 0;
  let after: CursorKey | undefined;
  p.progress(0, total, '正在导出');
  for (;;) {
    const { rows, next } = chunk(after);
    for (let from = 0; from < rows.length; ) {
      if (onSheet === limits.sheetRows) {
        ws.commit();
        ws = beginSheet(wb, `${what}（${++sheets}）`, withIndex, title);
        onSheet = 0;
      }
      // the rows were just read for this export: each takes its 序号 in place rather than as a copy
      const part = rows.slice(from, from + limits.sheetRows - onSheet) as (T & { n: number })[];
      part.forEach((r, i) => (r.n = n + i + 1));
      writeRows(ws, withIndex, part);
      from += part.length;
      onSheet += part.length;
      n += part.length;
    }
    p.progress(n, total, '正在导出');
    await drainSheet(ws, failed);
    await p.tick();
    if (!next) break;
    after = next;
  }
  ws.commit();
  p.progress(n, total, '正在写入文件');
  return n;
}

interface LedgerKind<T> {
  what: string;
  columns: Column<T>[];
  count: (ctx: ServiceContext, filter: LedgerFilter) => number;
  chunk: (ctx: ServiceContext, filter: LedgerFilter, limit: number, after: CursorKey | undefined) => { rows: T[]; next: CursorKey | null };
}

const KINDS = {
  scraps: {
    what: '报废农机台账',
    columns: SCRAP_COLUMNS,
    count: (ctx, f) => countScraps(ctx.db, f),
    chunk: (ctx, f, limit, after) => scrapChunk(ctx.db, f, { limit, ...(after ? { after } : {}) }),
  } satisfies LedgerKind<ScrapLedgerRow>,
  purchases: {
    what: '购置补贴台账',
    columns: PURCHASE_COLUMNS,
    count: (ctx, f) => countPurchases(ctx.db, f),
    chunk: (ctx, f, limit, after) => purchaseChunk(ctx.db, f, { limit, ...(after ? { after } : {}) }),
  } satisfies LedgerKind<PurchaseLedgerRow>,
};

export type LedgerKindName = keyof typeof KINDS;

/** Writes the filtered ledger to `path` (the CLI's --out; the export job's temp file); `limits` for tests. */
export async function writeLedgerFile(
  ctx: ServiceContext,
  kind: LedgerKindName,
  filter: LedgerFilter,
  path: string,
  p: ExportProgress,
  limits: Partial<ExportLimits> = {},
): Promise<{ fileName: string; rowCount: number }> {
  const k = KINDS[kind] as LedgerKind<ScrapLedgerRow | PurchaseLedgerRow>;
  const name = fileName(ctx, k.what);
  const title = `${name.replace(/\.xlsx$/, '')}（身份证号、手机号已脱敏）`;
  const l = { ...LIMITS, ...limits };
  const rowCount = await withExportCache(ctx.db, () => {
    const total = k.count(ctx, filter);
    const sheet = { what: k.what, title, columns: k.columns };
    return writeWorkbookFile(path, (wb, failed) =>
      fillLedger(wb as unknown as ExcelJS.Workbook, sheet, total, (after) => k.chunk(ctx, filter, l.chunkRows, after), p, l, failed),
    );
  });
  return { fileName: name, rowCount };
}

/** 导出 Excel as a job (export-job.ts): streamed to a temp file with a progress bar and 取消, then saved by the user. */
export function startLedgerExport(ctx: ServiceContext, kind: LedgerKindName, filter: LedgerFilter): JobStatus {
  return startExportJob(ctx, `${kind}.exportXlsx`, (path, job) => writeLedgerFile(ctx, kind, filter, path, job));
}

export const exportScraps = (ctx: ServiceContext, filter: LedgerFilter) => startLedgerExport(ctx, 'scraps', filter);
export const exportPurchases = (ctx: ServiceContext, filter: LedgerFilter) => startLedgerExport(ctx, 'purchases', filter);
