/**
 * ledgerImports.*: the dry run and the commit run as jobs with a progress bar (the file streams through
 * the classifier in chunks; the commit's writes are one transaction at the end, so a cancel leaves
 * nothing); the list of imports, the report of one, and undo.
 */
import { AppError } from '../../shared/api/errors';
import type { LedgerCommitResult, LedgerImportItem, LedgerPreview, LedgerRowResult } from '../../shared/schemas/ledger-import';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { ServiceContext } from '../context';
import type { JobHandle } from '../jobs/registry';
import type { BuiltWorkbook } from '../services/export-job';
import { requireInstallation } from '../services/installation';
import { writeImport } from './commit';
import { quietJob, withClassifiedFile, type PassInput } from './pass';
import type { LedgerStage } from './stage';
import { decodeLedgerFile } from './read';
import { buildReport } from './report';
import * as repo from './repository';
import { undoBlocked, undoImport } from './undo';

export interface LedgerFileInput {
  fileName: string;
  sheets?: string[];
  mapping?: Record<string, string>;
}

type PassArgs = LedgerFileInput & { bytes: Buffer; listed?: number };

export async function previewLedger(ctx: ServiceContext, input: PassArgs, job: JobHandle = quietJob): Promise<LedgerPreview> {
  return withClassifiedFile(ctx, input as PassInput, job, ({ preview }) => preview);
}

/** The dry run with its report (Excel) of every row it would not import or would flag (the CLI's --dry-run --report). */
export async function previewLedgerWithReport(ctx: ServiceContext, input: PassArgs, job: JobHandle = quietJob) {
  return withClassifiedFile(ctx, input as PassInput, job, async ({ preview, stage }) => ({
    preview,
    report: buildReport(preview.fileName, reportRows(stage)),
  }));
}

/** The rows a report lists, read from the stage a chunk at a time. */
function* reportRows(stage: LedgerStage) {
  for (const chunk of stage.results(500, ['attention', 'refused', 'present', 'skipped'])) yield* chunk;
}

export async function commitLedger(
  ctx: ServiceContext,
  input: PassArgs & { includeAttention: boolean },
  job: JobHandle = quietJob,
): Promise<LedgerCommitResult> {
  return withClassifiedFile(ctx, input as PassInput, job, async (pass) => {
    const { preview } = pass;
    const base = { ...preview, importId: null, farmersAdded: 0, purchasesAdded: 0, scrapsAdded: 0 };
    if (preview.missingFields.length || !preview.sheets.some((s) => s.selected)) {
      return { ...base, message: `未导入：${preview.fileErrors.join('；') || '没有可导入的工作表'}` };
    }
    const importable = preview.totals.create + (input.includeAttention ? preview.totals.attention : 0);
    if (importable === 0) {
      return { ...base, message: `没有可新建的记录（已存在 ${preview.totals.present} 行，不能导入 ${preview.totals.refused} 行），未导入任何数据` };
    }
    job.progress(0, importable, `正在写入 ${importable.toLocaleString('zh-CN')} 条记录`);
    await job.tick();
    const outcome = writeImport(
      ctx,
      {
        stage: pass.stage,
        columns: pass.columns,
        sha256: pass.sha256,
        fileName: input.fileName,
        sheets: preview.sheets.filter((s) => s.selected).map((s) => s.name),
        mapping: preview.mapping,
      },
      input.includeAttention,
    );
    job.progress(importable, importable, '已写入');
    const skippedAttention = input.includeAttention ? 0 : preview.totals.attention;
    return {
      ...preview,
      ...outcome,
      message: `已导入：新建农户 ${outcome.farmersAdded} 户、购置登记 ${outcome.purchasesAdded} 条、报废登记 ${outcome.scrapsAdded} 条；已存在 ${preview.totals.present} 行，不能导入 ${preview.totals.refused} 行${skippedAttention ? `，需注意未导入 ${skippedAttention} 行` : ''}`,
    };
  });
}

/** Starts the dry run as a job (its result is a LedgerPreview). */
export function startPreview(ctx: ServiceContext, input: LedgerFileInput & { base64: string }): JobStatus {
  requireInstallation(ctx);
  const bytes = decodeLedgerFile(input.base64);
  return ctx.jobs.start('ledgerImports.preview', (job) => previewLedger(ctx, { ...input, bytes }, job), '正在读取台账');
}

/** Starts the import as a job (its result is a LedgerCommitResult). */
export function startCommit(ctx: ServiceContext, input: LedgerFileInput & { base64: string; includeAttention: boolean }): JobStatus {
  requireInstallation(ctx);
  const bytes = decodeLedgerFile(input.base64);
  return ctx.jobs.start('ledgerImports.commit', (job) => commitLedger(ctx, { ...input, bytes }, job), '正在读取台账');
}

export function listImports(ctx: ServiceContext): { items: LedgerImportItem[] } {
  return {
    items: repo.listImports(ctx.db).map((r) => ({
      id: r.id,
      fileName: r.file_name,
      sheets: JSON.parse(r.sheets_json) as string[],
      operator: r.operator,
      createdAt: r.created_at,
      farmersAdded: r.farmers_added,
      purchasesAdded: r.purchases_added,
      scrapsAdded: r.scraps_added,
      present: r.present,
      attention: r.attention,
      refused: r.refused,
      skipped: r.skipped,
      undoneAt: r.undone_at,
      undoReason: r.undo_reason,
      undoBlocked: undoBlocked(ctx, r),
    })),
  };
}

export function importReport(ctx: ServiceContext, id: string): BuiltWorkbook {
  const batch = repo.getImport(ctx.db, id);
  if (!batch) throw new AppError('NOT_FOUND', '未找到该次台账导入');
  return buildReport(batch.file_name, JSON.parse(batch.rows_json) as LedgerRowResult[]);
}

export { undoImport };
