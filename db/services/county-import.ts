import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { townshipName } from '../../shared/domain/townships';
import type { ImportOutcome } from '../../shared/schemas/county';
import { createBackupSync } from '../backup/create';
import { fileSha256 } from '../backup/file-hash';
import { addDays } from '../../shared/domain/civil-date';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import { appendRefusal, insertImport, upsertStation, type ImportRow } from '../repositories/county';
import type { InstallationRow } from '../repositories/installation';
import { insertStationKey, liveStationKey, otherStationsInTownship } from '../repositories/station-keys';
import { repeatByFileHash, repeatBySignedDigest, rowsOf, signedDigest, type PreviousImport } from './import-repeat';
import { checkFileHistory } from '../transfer/history';
import type { Manifest } from '../transfer/manifest';
import type { BatchIndexes } from '../transfer/bulk-indexes';
import { attachForCopy, detachCopy, privateCopy } from '../transfer/attached-file';
import { mergeRows, type MergeResult } from '../transfer/merge';
import { openStationFile, RefusedFile, type OpenedStationFile } from '../transfer/untrusted';
import { writeAudit } from './audit';
import { commitPhotos, discardPhotos, receivePhotos, stationPhotosKept, type ReceivedPhotos } from './county-photos';
import { requireInstallation } from './installation';
import { describeRejects, noteConflictsPending, recordConflicts, recordRewrite, recordTaken } from './county-import-records';

const DAY = 86_400_000;

/** exported_at must be a real time, not before 2000 and not after tomorrow. */
function checkExportedAt(ctx: ServiceContext, manifest: Manifest): void {
  const t = Date.parse(manifest.exported_at);
  if (Number.isNaN(t) || t < Date.UTC(2000, 0, 1)) throw new RefusedFile(`文件的导出时间无效（${manifest.exported_at}）`);
  if (t > ctx.now().getTime() + DAY) {
    throw new RefusedFile(
      `文件的导出时间（${manifest.exported_at.slice(0, 10)}）晚于今天：可能是站点电脑时钟错误或文件被改动，请核对后重新导出`,
    );
  }
}

/** Today in China (UTC+8) plus one day: the newest date a received row may carry. */
const maxRowDate = (ctx: ServiceContext) => addDays(chinaToday(ctx), 1);

export interface ImportOptions {
  /** Accept a file with bad rows, importing the good ones. */
  acceptPartial?: boolean;
  /** Fingerprints the clerk compared with the stations: a first-seen key with one of these is pinned. */
  trustFingerprints?: readonly string[];
  /** Pin every first-seen key (CLI `--trust-new`, which prints what it pinned). */
  trustNew?: boolean;
  /** Import a file whose history does not extend the last accepted head (listed as 历史记录被改写). */
  acceptRewrittenHistory?: boolean;
}

type Extra = Pick<ImportOutcome, 'enrolment' | 'historyRewrite'>;

export interface ImportFile {
  fileName: string;
  path: string;
}

/**
 * A batch of files (county-import-batch.ts), each merged and committed on its own: plain indexes stay
 * aside until the batch ends, and a merged file's conflict check waits for them.
 */
export interface ImportBatch {
  indexes: BatchIndexes;
  /** A file merged and committed: its cross-station conflicts are the batch's to look for at the end. */
  merged(stationId: string): void;
}

/**
 * 导入站点数据, one file: opened without trust, merged in one transaction (all or nothing unless
 * `acceptPartial`), logged whether accepted or refused, conflicts recorded. Never throws for a bad file.
 * Within a batch, the conflicts are recorded by the batch once its indexes are back.
 */
export function importStationFile(
  ctx: ServiceContext,
  file: ImportFile,
  opts: ImportOptions | boolean = {},
  batch?: ImportBatch,
): ImportOutcome {
  const options: ImportOptions = typeof opts === 'boolean' ? { acceptPartial: opts } : opts;
  const started = performance.now();
  const installation = requireInstallation(ctx);
  if (installation.role !== 'county') throw new AppError('FORBIDDEN', '只有县农业农村局可以导入站点数据');
  const extra: Extra = { enrolment: null, historyRewrite: null };
  let base: { fileName: string; sha256: string; sizeBytes: number };
  try {
    const stat = statSync(file.path);
    if (!stat.isFile()) throw new RefusedFile('这是一个文件夹或设备，不是上报文件');
    base = { fileName: basename(file.fileName), sha256: fileSha256(file.path), sizeBytes: stat.size };
  } catch (error) {
    const reason = error instanceof RefusedFile ? error.message : `无法读取该文件（${(error as { code?: string }).code ?? '读取失败'}）`;
    return finish(
      ctx,
      installation,
      started,
      {
        fileName: basename(file.fileName),
        sha256: '',
        sizeBytes: 0,
        status: 'refused',
        manifest: null,
        counts: null,
        reasons: [reason],
        conflictsFound: 0,
      },
      extra,
    );
  }
  // the very bytes of the station's last accepted file: nothing to open, check or merge
  // (and every photo it brought is in place: one lost after the merge comes back with a full import)
  const sameBytes = repeatByFileHash(ctx.db, base.sha256);
  if (sameBytes && stationPhotosKept(ctx, sameBytes.station_id as string))
    return recordRepeat(ctx, installation, started, base, sameBytes, sameBytes.exported_at ?? '', extra);
  const temp = mkdtempSync(join(tmpdir(), 'agri-import-'));
  let opened: OpenedStationFile | undefined;
  let photos: ReceivedPhotos | undefined;
  try {
    // everything below reads a private copy, so the checks and the set-wise copy see the same bytes
    opened = openStationFile(privateCopy(file.path, temp), temp);
    const { manifest, installation: station, fingerprint } = opened;
    const source = opened.db;
    checkExportedAt(ctx, manifest);
    const live = liveStationKey(ctx.db, station.station_id);
    const township = townshipName(station.township_code);
    if (live && live.public_key !== manifest.public_key) {
      throw new RefusedFile(
        `签名密钥与已登记的不一致：${township}站点登记的密钥指纹为 ${live.fingerprint}，文件的为 ${fingerprint}。如该站重装了软件，请由县局管理员在“站点密钥”中重新登记后再导入`,
      );
    }
    const pin = !live;
    if (pin) {
      const holder = ctx.db
        .prepare('SELECT township_code FROM station_keys WHERE public_key = ? AND station_id <> ? AND retired_at IS NULL')
        .get(manifest.public_key, station.station_id) as { township_code: string } | undefined;
      if (holder) throw new RefusedFile(`该签名密钥已登记给${townshipName(holder.township_code)}的另一个站点：文件冒用站点身份，未导入`);
      if (!options.trustNew && !options.trustFingerprints?.includes(fingerprint)) {
        extra.enrolment = {
          stationId: station.station_id,
          townshipName: township,
          fingerprint,
          otherStationsInTownship: otherStationsInTownship(ctx.db, station.township_code, station.station_id),
        };
        throw new RefusedFile(
          options.trustFingerprints?.length
            ? `所填的密钥指纹与${township}站点文件的签名密钥不一致，未导入：请再次电话核对；确实不一致时不要导入，并上报`
            : `${township}站点首次上报，签名密钥尚未登记：请电话请该站读出其“设置”页上的密钥指纹，输入核对一致后登记并导入`,
        );
      }
    }
    // a re-export of what the county already merged (the signature over the digest was checked on opening)
    const sameData = !pin && repeatBySignedDigest(ctx.db, station.station_id, signedDigest(manifest), manifest.public_key);
    if (sameData && stationPhotosKept(ctx, station.station_id))
      return recordRepeat(ctx, installation, started, base, sameData, manifest.exported_at, extra);
    const history = checkFileHistory(ctx.db, source, station.station_id, manifest);
    if (history.rewrite && !options.acceptRewrittenHistory) {
      extra.historyRewrite = history.rewrite;
      throw new RefusedFile(`历史记录被改写：${history.rewrite.detail}。核对后可确认导入，并将列入冲突核查`);
    }
    // every photo checked (and new ones staged) before the merge; kept only if the merge commits
    photos = receivePhotos(ctx, source, manifest);
    const photoReport = photos.report;
    const attached = attachForCopy(ctx.db, opened.db.name);
    const merged = writeTx(ctx, () => {
      const at = isoNow(ctx);
      if (pin) {
        const keyId = ctx.newId();
        insertStationKey(ctx.db, {
          id: keyId,
          station_id: station.station_id,
          township_code: station.township_code,
          public_key: manifest.public_key,
          fingerprint,
          pinned_at: at,
          pinned_by: installation.operator,
        });
        writeAudit(ctx, installation, {
          method: 'county.enrollStation',
          entity: 'station_key',
          entityId: keyId,
          before: null,
          after: {
            stationId: station.station_id,
            townshipCode: station.township_code,
            fingerprint,
            via: options.trustNew ? 'trust-new' : 'confirmed',
          },
        });
      }
      const r = mergeRows(
        ctx.db,
        source,
        station.station_id,
        {
          digest: manifest.data_sha256,
          rowCounts: parseCounts(manifest.row_counts),
          maxDate: maxRowDate(ctx),
        },
        batch?.indexes,
        attached
          ? {
              schema: attached,
              stationId: station.station_id,
              // every accepted file of a station notes it in stations, in the same transaction as its rows
              newStation: ctx.db.prepare('SELECT 1 FROM stations WHERE station_id = ?').get(station.station_id) === undefined,
            }
          : undefined,
      );
      if (r.rejected > 0 && !options.acceptPartial) {
        throw Object.assign(new RefusedFile(`有 ${r.rejected} 条记录未通过校验，整个文件未导入（可选择“仅导入合格记录”）`), {
          rejects: describeRejects(r),
        });
      }
      upsertStation(ctx.db, {
        station_id: station.station_id,
        township_code: station.township_code,
        at,
        exported_at: manifest.exported_at,
        history: history.rewrite || history.longer ? { length: history.length, head: history.head } : null,
      });
      if (history.rewrite) recordRewrite(ctx, station.station_id, station.township_code, history.head, history.rewrite);
      extra.historyRewrite = history.rewrite;
      if (batch) noteConflictsPending(ctx, station.station_id);
      const conflictsFound =
        (batch ? 0 : recordConflicts(ctx, station.station_id)) +
        recordTaken(ctx, station.station_id, station.township_code, r.taken) +
        (history.rewrite ? 1 : 0);
      return finish(
        ctx,
        installation,
        started,
        { ...base, status: 'accepted', manifest, counts: r, reasons: [...describeRejects(r), ...photoReport], conflictsFound },
        extra,
        { signed_digest: signedDigest(manifest), public_key: manifest.public_key },
      );
    });
    commitPhotos(photos);
    batch?.merged(station.station_id);
    return merged;
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    const reasons = [error.message, ...(((error as { rejects?: string[] }).rejects ?? []) as string[])];
    // a refused file never touches the county database: its log entry goes beside it
    return finish(
      ctx,
      installation,
      started,
      { ...base, status: 'refused', manifest: opened?.manifest ?? null, counts: null, reasons, conflictsFound: 0 },
      extra,
    );
  } finally {
    detachCopy(ctx.db);
    discardPhotos(photos);
    if (opened?.db.open) opened.db.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * A station file whose signed content the county already merged (import-repeat.ts): logged as accepted
 * with every row unchanged and the station marked as heard from, without reading or merging its rows.
 */
function recordRepeat(
  ctx: ServiceContext,
  installation: InstallationRow,
  started: number,
  base: { fileName: string; sha256: string; sizeBytes: number },
  prev: PreviousImport,
  exportedAt: string,
  extra: Extra,
): ImportOutcome {
  const stationId = prev.station_id as string;
  const townshipCode = prev.township_code as string;
  return writeTx(ctx, () => {
    upsertStation(ctx.db, { station_id: stationId, township_code: townshipCode, at: isoNow(ctx), exported_at: exportedAt, history: null });
    const outcome = finish(
      ctx,
      installation,
      started,
      {
        ...base,
        status: 'accepted',
        manifest: { station_id: stationId, township_code: townshipCode, exported_at: exportedAt },
        counts: { added: 0, updated: 0, unchanged: rowsOf(prev), rejected: 0 },
        reasons: [],
        conflictsFound: 0,
      },
      extra,
      { signed_digest: prev.signed_digest, public_key: prev.public_key, repeat_of: prev.id },
    );
    const when = new Date(Date.parse(prev.imported_at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    return { ...outcome, reasons: [`内容与 ${when} 已导入的文件相同（签名的数据校验值一致），无需重新合并，记录均未变化`] };
  });
}

/** The manifest's row_counts (signed, but still parsed with care). */
function parseCounts(text: string): Record<string, number> {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((n) => Number.isInteger(n) && (n as number) >= 0)) {
      return v as Record<string, number>;
    }
  } catch {
    // fall through
  }
  throw new RefusedFile('清单中的记录数无效');
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
    counts: Pick<MergeResult, 'added' | 'updated' | 'unchanged' | 'rejected'> | null;
    reasons: string[];
    conflictsFound: number;
  },
  extra: Extra = { enrolment: null, historyRewrite: null },
  /** Columns of the logged row beyond the outcome (an accepted file's digest and key; a repeat's match). */
  stored: Partial<ImportRow> = {},
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
    ...stored,
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
    ...extra,
  };
}

/** A verified backup of the county file before a batch of station files is merged into it. */
export function backupBeforeImport(ctx: ServiceContext): void {
  if (ctx.dbPath !== ':memory:') createBackupSync(ctx.db, ctx.dbPath, 'pre-import', ctx.now);
}
