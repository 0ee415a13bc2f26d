/**
 * One pass over a ledger file: rows stream in, each sheet's header row is found under its title rows,
 * its columns mapped, and every data row classified as it arrives and staged in SQLite (stage.ts), so
 * the heap does not grow with the file. The preview (dry run) is this pass; the commit is this pass
 * followed by one transaction reading the stage back, so the two always agree.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { missingRequired } from '../../shared/domain/ledger-required';
import {
  LEDGER_FIELD_LABELS,
  type LedgerField,
  type LedgerMapping,
  type LedgerPreview,
  type LedgerSheetInfo,
} from '../../shared/schemas/ledger-import';
import type { ServiceContext } from '../context';
import type { JobHandle } from '../jobs/registry';
import { requireInstallation } from '../services/installation';
import { LedgerClassifier } from './classify';
import { isHeaderRow, planColumns, rememberedMapping, sheetKind, type ColumnPlan } from './fields';
import { readLedgerRows } from './read';
import { LedgerStage } from './stage';

export interface PassInput {
  fileName: string;
  bytes: Buffer;
  sheets?: string[];
  mapping?: LedgerMapping;
  /** How many rows the preview lists (default PREVIEW_ROWS_LISTED; tests set fewer). */
  listed?: number;
}

export interface PassResult {
  preview: LedgerPreview;
  /** Every classified row of the selected sheets (dropped when the pass's user returns). */
  stage: LedgerStage;
  columns: ColumnPlan[];
  sha256: string;
}

/** The header is looked for among a sheet's first rows (title rows, notes, blank lines come before it). */
const HEADER_SEARCH_ROWS = 20;
/** Progress and a turn for other calls every this many rows. */
const CHUNK_ROWS = 200;
/** The dry run lists at most this many rows (those needing a look first); the totals count them all. */
export const PREVIEW_ROWS_LISTED = 2000;

interface SheetState {
  info: LedgerSheetInfo;
  columns: ColumnPlan[] | null;
  seen: number;
  missing: LedgerField[];
}

/** A job handle for callers without a progress bar (CLI, tests calling the pass directly). */
export const quietJob: JobHandle = {
  progress: () => undefined,
  signal: new AbortController().signal,
  throwIfCancelled: () => undefined,
  tick: () => new Promise((resolve) => setImmediate(resolve)),
};

/**
 * Runs one pass over the file and hands it to `use`; the staged rows are dropped afterwards, whether
 * `use` succeeded, threw or the job was cancelled.
 */
export async function withClassifiedFile<T>(
  ctx: ServiceContext,
  input: PassInput,
  job: JobHandle,
  use: (pass: PassResult) => T | Promise<T>,
): Promise<T> {
  const installation = requireInstallation(ctx);
  if (installation.role !== 'station' || !installation.township_code) {
    throw new AppError('FORBIDDEN', '台账导入用于乡镇农机站导入本站的历史台账；县局请使用“导入上报文件”');
  }
  const stage = new LedgerStage(ctx.db);
  try {
    return await use(await classifyFile(ctx, input, job, stage));
  } finally {
    stage.drop();
  }
}

async function classifyFile(ctx: ServiceContext, input: PassInput, job: JobHandle, stage: LedgerStage): Promise<PassResult> {
  const installation = requireInstallation(ctx);
  const remembered = rememberedMapping(ctx);
  const detect = { ...remembered, ...(input.mapping ?? {}) };
  const today = ctx.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const classifier = new LedgerClassifier(ctx, { stationId: installation.station_id, townshipCode: installation.township_code ?? '' }, today, stage);
  const sheets: SheetState[] = [];
  let current: SheetState | null = null;
  let read = 0;
  let bytesRead = 0;
  const fileTotal = input.bytes.length;
  const selected = (name: string, hasHeader: boolean) => (input.sheets ? input.sheets.includes(name) : hasHeader);

  // reading is measured in hundredths of the file (bytes are no unit for a technician)
  const percent = () => Math.floor((bytesRead / Math.max(1, fileTotal)) * 100);
  job.progress(0, 100, '正在读取台账');
  const rows = readLedgerRows(input.fileName, input.bytes, (done) => {
    bytesRead = done;
  });
  for await (const row of rows) {
    if (!current || current.info.name !== row.sheet) {
      current = {
        info: { name: row.sheet, headerRow: null, kind: 'purchase', dataRows: 0, selected: false, columns: [] },
        columns: null,
        seen: 0,
        missing: [],
      };
      sheets.push(current);
      classifier.startSheet();
    }
    const sheet = current;
    if (!sheet.columns) {
      sheet.seen++;
      if (sheet.seen <= HEADER_SEARCH_ROWS && isHeaderRow(row, detect)) {
        sheet.columns = planColumns(row, input.mapping, remembered);
        sheet.info.headerRow = row.number;
        sheet.info.columns = sheet.columns;
        sheet.info.selected = selected(row.sheet, true);
        sheet.info.kind = sheetKind(sheet.columns, row.sheet);
        sheet.missing = missingRequired(sheet.info.kind, new Set(sheet.columns.map((c) => c.field)));
      }
      continue;
    }
    sheet.info.dataRows++;
    if (sheet.info.selected && !sheet.missing.length) classifier.classify(row, sheet.columns, sheet.info.kind);
    if (++read % CHUNK_ROWS === 0) {
      job.progress(percent(), 100, `正在读取并检查（已读 ${read.toLocaleString('zh-CN')} 行）`);
      await job.tick();
    }
  }
  job.progress(100, 100, `已读完 ${read.toLocaleString('zh-CN')} 行`);

  const fileErrors: string[] = [];
  const missingFields = new Set<LedgerField>();
  for (const s of sheets) {
    if (input.sheets?.includes(s.info.name) && s.info.headerRow === null) {
      s.info.selected = false;
      fileErrors.push(`工作表“${s.info.name}”前 ${HEADER_SEARCH_ROWS} 行中没有找到表头（应有姓名、身份证号、机具品目等列）`);
    }
    if (s.info.selected && s.missing.length) {
      s.missing.forEach((f) => missingFields.add(f));
      fileErrors.push(`工作表“${s.info.name}”缺少${s.missing.map((f) => `“${LEDGER_FIELD_LABELS[f]}”`).join('、')}列：请在列对应中指定，否则该表不能导入`);
    }
  }
  for (const name of input.sheets ?? []) {
    if (!sheets.some((s) => s.info.name === name)) fileErrors.push(`文件中没有名为“${name}”的工作表`);
  }
  if (!sheets.some((s) => s.info.headerRow !== null)) {
    fileErrors.push('没有找到表头：台账前几行中应有“姓名”“身份证号”“机具品目”“出厂编号”等列标题');
  }
  const chosen = sheets.filter((s) => s.info.selected);
  const columns = chosen.flatMap((s) => s.columns ?? []);
  const mapping: LedgerMapping = {};
  for (const c of columns) if (c.field) mapping[c.key] ??= c.field;
  const preview: LedgerPreview = {
    fileName: input.fileName,
    sheets: sheets.map((s) => s.info),
    mapping,
    missingFields: [...missingFields],
    fileErrors,
    rows: stage.listed(input.listed ?? PREVIEW_ROWS_LISTED),
    rowsOmitted: 0,
    totals: stage.totals(),
  };
  preview.rowsOmitted = preview.totals.rows - preview.rows.length;
  return { preview, stage, columns, sha256: createHash('sha256').update(input.bytes).digest('hex') };
}
