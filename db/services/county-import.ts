import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { townshipName } from '../../shared/domain/townships';
import type { ImportOutcome } from '../../shared/schemas/county';
import { createBackupSync } from '../backup/create';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { findConflicts, upsertConflict, type ConflictRecord } from '../repositories/conflicts';
import { appendRefusal, insertImport, upsertStation, type ImportRow } from '../repositories/county';
import type { InstallationRow } from '../repositories/installation';
import { mergeRows, type MergeResult } from '../transfer/merge';
import { openStationFile, RefusedFile, type OpenedStationFile } from '../transfer/untrusted';
import { requireInstallation } from './installation';

/** SHA-256 of a file, read in 1 MB pieces so memory stays flat however large it is. */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Records this station's conflicts with every other row in the file; returns how many it touched. */
function recordConflicts(ctx: ServiceContext, stationId: string): number {
  const found = findConflicts(ctx.db, stationId);
  const at = isoNow(ctx);
  for (const f of found) {
    // sorted so the same records always give the same JSON (a resolved conflict reopens only on real change)
    const records = [...f.records]
      .sort((a: ConflictRecord, b: ConflictRecord) => `${a.table}${a.id}`.localeCompare(`${b.table}${b.id}`))
      .map((r) => ({ ...r, townshipName: townshipName(r.township) }));
    upsertConflict(ctx.db, { id: ctx.newId(), kind: f.kind, key: f.key, records: JSON.stringify(records), at });
  }
  return found.length;
}

function describeRejects(r: MergeResult): string[] {
  return r.rejects.map((x) => `${x.table} ${x.id.slice(0, 8)}…：${x.reason}`);
}

export interface ImportFile {
  fileName: string;
  path: string;
}

/**
 * 导入站点数据, one file: opened without trust, merged in one transaction (all or nothing unless
 * `acceptPartial`), logged whether accepted or refused, conflicts recorded. Never throws for a bad file.
 */
export function importStationFile(ctx: ServiceContext, file: ImportFile, acceptPartial = false): ImportOutcome {
  const started = performance.now();
  const installation = requireInstallation(ctx);
  if (installation.role !== 'county') throw new AppError('FORBIDDEN', '只有县农业农村局可以导入站点数据');
  const sha256 = fileSha256(file.path);
  const sizeBytes = statSync(file.path).size;
  const temp = mkdtempSync(join(tmpdir(), 'agri-import-'));
  let opened: OpenedStationFile | undefined;
  const base = { fileName: basename(file.fileName), sha256, sizeBytes };
  try {
    opened = openStationFile(file.path, temp);
    const { manifest, installation: station } = opened;
    const source = opened.db;
    const merged = writeTx(ctx, () => {
      const r = mergeRows(ctx.db, source, station.station_id, manifest.data_sha256);
      if (r.rejected > 0 && !acceptPartial) {
        throw Object.assign(new RefusedFile(`有 ${r.rejected} 条记录未通过校验，整个文件未导入（可选择“仅导入合格记录”）`), {
          rejects: describeRejects(r),
        });
      }
      const at = isoNow(ctx);
      upsertStation(ctx.db, {
        station_id: station.station_id,
        township_code: station.township_code,
        voucher_secret: station.voucher_secret,
        at,
        exported_at: manifest.exported_at,
      });
      const conflictsFound = recordConflicts(ctx, station.station_id);
      const outcome = finish(ctx, installation, started, {
        ...base,
        status: 'accepted',
        manifest,
        counts: r,
        reasons: describeRejects(r),
        conflictsFound,
      });
      return outcome;
    });
    return merged;
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    const reasons = [error.message, ...(((error as { rejects?: string[] }).rejects ?? []) as string[])];
    // a refused file never touches the county database: its log entry goes beside it
    return finish(ctx, installation, started, {
      ...base,
      status: 'refused',
      manifest: opened?.manifest ?? null,
      counts: null,
      reasons,
      conflictsFound: 0,
    });
  } finally {
    if (opened?.db.open) opened.db.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

function finish(
  ctx: ServiceContext,
  installation: InstallationRow,
  started: number,
  o: {
    fileName: string;
    sha256: string;
    sizeBytes: number;
    status: 'accepted' | 'refused';
    manifest: { station_id: string; township_code: string; exported_at: string } | null;
    counts: MergeResult | null;
    reasons: string[];
    conflictsFound: number;
  },
): ImportOutcome {
  const durationMs = Math.round(performance.now() - started);
  const c = o.counts ?? { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  const row: ImportRow = {
    id: ctx.newId(),
    file_name: o.fileName,
    sha256: o.sha256,
    size_bytes: o.sizeBytes,
    station_id: o.manifest?.station_id ?? null,
    township_code: o.manifest?.township_code ?? null,
    exported_at: o.manifest?.exported_at ?? null,
    imported_at: isoNow(ctx),
    operator: installation.operator,
    status: o.status,
    added: c.added,
    updated: c.updated,
    unchanged: c.unchanged,
    rejected: c.rejected,
    duration_ms: durationMs,
    reasons_json: o.reasons.length ? JSON.stringify(o.reasons.slice(0, 200)) : null,
  };
  if (row.status === 'accepted') insertImport(ctx.db, row);
  else appendRefusal(ctx, row);
  return {
    fileName: o.fileName,
    sha256: o.sha256,
    status: o.status,
    stationId: row.station_id,
    townshipName: row.township_code ? townshipName(row.township_code) : null,
    exportedAt: row.exported_at,
    added: c.added,
    updated: c.updated,
    unchanged: c.unchanged,
    rejected: c.rejected,
    durationMs,
    reasons: o.reasons,
    conflictsFound: o.conflictsFound,
  };
}

/** A verified backup of the county file before a batch of station files is merged into it. */
export function backupBeforeImport(ctx: ServiceContext): void {
  if (ctx.dbPath !== ':memory:') createBackupSync(ctx.db, ctx.dbPath, 'pre-import', ctx.now);
}

/** Files that arrive as bytes (browser upload): written to a private temp file, imported, removed. */
export function importUploadedFiles(ctx: ServiceContext, input: { files: { fileName: string; base64: string }[]; acceptPartial: boolean }) {
  backupBeforeImport(ctx);
  const results = input.files.map((f) => {
    const dir = mkdtempSync(join(tmpdir(), 'agri-upload-'));
    try {
      const path = join(dir, 'station.agri');
      writeFileSync(path, Buffer.from(f.base64, 'base64'));
      return importStationFile(ctx, { fileName: f.fileName, path }, input.acceptPartial);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return { results };
}
