import { compactDate } from '../../shared/domain/civil-date';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { AppError } from '../../shared/api/errors';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { CONFLICT_LABELS, type Conflict, type ImportOutcome } from '../../shared/schemas/county';
import type { JobStatus } from '../../shared/schemas/jobs';
import { chinaToday, isoNow, type ServiceContext, writeTx } from '../context';
import * as conflicts from '../repositories/conflicts';
import { listImports, stationReports } from '../repositories/county';
import { exportStationFile } from '../transfer/export';
import { writeAudit } from './audit';
import { getConfig } from './config';
import { requireInstallation } from './installation';
import { addSheet, newWorkbook } from './xlsx';
import { startWorkbookExport } from './export-job';
import { newExportPath, offerDownload } from './export-files';

/**
 * 导出上报文件: written, then handed out under a one-time download id (browser download route, desktop save
 * dialog) like the Excel exports, never as bytes in the answer (with photos a station's file can be large).
 * The CLI writes it to a folder instead.
 */
export function exportStation(ctx: ServiceContext) {
  const dir = mkdtempSync(join(tmpdir(), 'agri-export-'));
  try {
    const file = exportStationFile(ctx, dir);
    const sizeBytes = statSync(file.path).size;
    const { id } = newExportPath();
    offerDownload(id, file.path, { fileName: file.fileName, mime: 'application/octet-stream', ext: 'agri' });
    return {
      fileName: file.fileName,
      downloadId: id,
      sizeBytes,
      rowCounts: JSON.parse(file.manifest.row_counts) as Record<string, number>,
      exportedAt: file.manifest.exported_at,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function listImportLog(ctx: ServiceContext, input: { page: number; pageSize: number }) {
  const { rows, total } = listImports(ctx.db, ctx.dbPath, input.pageSize, (input.page - 1) * input.pageSize);
  const items = rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    status: r.status,
    stationId: r.station_id,
    townshipName: TOWNSHIPS.find((t) => t.code === r.township_code)?.name ?? null,
    exportedAt: r.exported_at,
    importedAt: r.imported_at,
    operator: r.operator,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    durationMs: r.duration_ms,
    reasons: r.reasons_json ? (JSON.parse(r.reasons_json) as string[]) : [],
    conflictsFound: 0,
    enrolment: null,
    historyRewrite: null,
  })) satisfies (ImportOutcome & { id: string })[];
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const toConflict = (r: conflicts.ConflictRow): Conflict => ({
  id: r.id,
  kind: r.kind,
  key: r.key,
  records: JSON.parse(r.records_json) as Conflict['records'],
  detectedAt: r.detected_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  note: r.note,
});

export function listConflicts(ctx: ServiceContext, input: { kind?: string; openOnly: boolean; page: number; pageSize: number }) {
  const { rows, total } = conflicts.listConflicts(ctx.db, {
    kind: input.kind,
    open: input.openOnly,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL').get() as { n: number };
  return { items: rows.map(toConflict), total, page: input.page, pageSize: input.pageSize, openCount: n };
}

/** Marks a conflict as checked, with the finding; it stays listed (nothing is dropped). */
export function resolveConflict(ctx: ServiceContext, input: { id: string; note: string }): Conflict {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const row = conflicts.getConflict(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该冲突记录');
    const at = isoNow(ctx);
    conflicts.resolveConflict(ctx.db, row.id, installation.operator, input.note, at);
    writeAudit(ctx, installation, {
      method: 'county.resolveConflict',
      entity: 'conflict',
      entityId: row.id,
      before: { resolvedAt: row.resolved_at },
      after: { resolvedAt: at, note: input.note },
    });
    return toConflict({ ...row, resolved_at: at, resolved_by: installation.operator, note: input.note, updated_at: at });
  });
}

const RECORD_LABELS: Record<string, string> = { purchases: '购置', scraps: '报废', farmers: '农户', audit_log: '操作日志' };

export function exportConflicts(ctx: ServiceContext): JobStatus {
  const name = `冠县-跨站冲突核查-${compactDate(chinaToday(ctx))}.xlsx`;
  const wb = newWorkbook();
  const rows = (function* () {
    for (const r of conflicts.iterateConflicts(ctx.db)) for (const rec of toConflict(r).records) yield { c: toConflict(r), rec };
  })();
  const rowCount = addSheet(
    wb,
    '冲突核查',
    [
      { header: '冲突类型', width: 24, value: (x) => CONFLICT_LABELS[x.c.kind] },
      { header: '关联号码', width: 22, value: (x) => x.c.key },
      { header: '记录', width: 10, value: (x) => RECORD_LABELS[x.rec.table] ?? x.rec.name },
      { header: '乡镇', width: 10, value: (x) => x.rec.townshipName },
      { header: '姓名', width: 12, value: (x) => x.rec.name },
      { header: '日期', width: 12, value: (x) => x.rec.date },
      { header: '内容', width: 28, value: (x) => x.rec.detail },
      { header: '发现时间', width: 20, value: (x) => x.c.detectedAt.slice(0, 19).replace('T', ' ') },
      { header: '核查结论', width: 30, value: (x) => x.c.note },
      { header: '状态', width: 8, value: (x) => (x.c.resolvedAt ? '已核查' : '待核查') },
    ],
    rows,
    name.replace(/\.xlsx$/, ''),
  );
  return startWorkbookExport(ctx, 'county.exportConflicts', { wb, fileName: name, rowCount });
}

/** 上报情况: every township, when it last reported and what it holds; silent ones highlighted. */
export function reporting(ctx: ServiceContext) {
  const silentAfterDays = getConfig(ctx, 'reportingSilentDays');
  const reports = stationReports(ctx.db);
  const today = dayjs(ctx.now());
  return {
    silentAfterDays,
    townships: TOWNSHIPS.map((t) => {
      const mine = reports.filter((r) => r.township_code === t.code);
      const last =
        mine
          .map((r) => r.last_import_at)
          .sort()
          .at(-1) ?? null;
      const silentDays = last ? today.diff(dayjs(last), 'day') : null;
      return {
        townshipCode: t.code,
        townshipName: t.name,
        stations: mine.length,
        lastImportAt: last,
        lastExportedAt:
          mine
            .map((r) => r.last_exported_at)
            .sort()
            .at(-1) ?? null,
        farmers: mine.reduce((n, r) => n + r.farmers, 0),
        scraps: mine.reduce((n, r) => n + r.scraps, 0),
        purchases: mine.reduce((n, r) => n + r.purchases, 0),
        silentDays,
        silent: silentDays === null || silentDays > silentAfterDays,
      };
    }),
  };
}
