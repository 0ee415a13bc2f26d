import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import { photoProblem } from '../transfer/image-check';
import type { Manifest } from '../transfer/manifest';
import {
  MAX_FILE_PHOTO_BYTES,
  MAX_TRAVEL_PHOTO_BYTES,
  PHOTO_LABELS,
  PHOTO_LIMITS_TEXT,
  PHOTO_TABLE,
  photoListDigest,
  photosNotCarried,
  photosWithHash,
  type PhotoRef,
} from '../transfer/photos';
import { RefusedFile } from '../transfer/untrusted';
import { receivedPhotoPath } from './photo-files';

/** Photos of one received file, checked and staged, waiting for the merge to commit. */
export interface ReceivedPhotos {
  /** New to the county: staged file → its place in photos/received/. */
  staged: { from: string; to: string }[];
  /** Already kept by the county (another record, station or an earlier file). */
  known: number;
  /** Lines for the import report: photos missing from the file or altered after signing. */
  report: string[];
  stageDir: string | null;
}

const short = (sha: string) => `${sha.slice(0, 12)}…`;
const name = (r: PhotoRef) => `${PHOTO_LABELS[r.table]}“${r.file_name}”（${short(r.sha256)}）`;
const MAX_LINES = 50;

function reportLines(prefix: string, refs: PhotoRef[], why: string): string[] {
  const lines = refs.slice(0, MAX_LINES).map((r) => `${name(r)}${why}`);
  if (refs.length > MAX_LINES) lines.push(`${prefix}另有 ${refs.length - MAX_LINES} 张照片${why}`);
  return lines;
}

const tableExists = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(PHOTO_TABLE) !== undefined;

/**
 * Checks every photo in a received file, one row in memory at a time: the signed list first (refused when
 * it differs), then each photo's bytes. A photo that is not a JPEG/PNG with a decodable header, or over the
 * caps, refuses the file; one whose bytes no longer hash to its signed key is named (altered) and not kept;
 * a live photo row whose content the file lacks (and the county does not have) is named as missing.
 * New photos are written to a staging folder; `commitPhotos` moves them into place after the merge commits.
 */
export function receivePhotos(ctx: ServiceContext, source: Database.Database, manifest: Manifest): ReceivedPhotos {
  const result: ReceivedPhotos = { staged: [], known: 0, report: [], stageDir: null };
  const hasTable = tableExists(source);
  if (manifest.format_version === '3') {
    if (!hasTable) throw new RefusedFile('文件清单列有照片，但文件中没有照片表：文件在导出后被改动过');
    const list = photoListDigest(source);
    if (list.sha256 !== manifest.photos_sha256 || list.count !== manifest.photo_count || list.bytes !== manifest.photo_bytes) {
      throw new RefusedFile(`文件中的照片清单与签名不符（清单 ${manifest.photo_count ?? 0} 张，实有 ${list.count} 张）：照片在导出后被增删过`);
    }
  } else if (hasTable && (source.prepare(`SELECT count(*) FROM ${PHOTO_TABLE}`).pluck().get() as number) > 0) {
    throw new RefusedFile('旧格式的文件中出现了照片：文件在导出后被改动过');
  }
  const alteredHashes: string[] = [];
  if (hasTable) {
    let total = 0;
    const rows = source.prepare(`SELECT sha256, mime, data FROM ${PHOTO_TABLE} ORDER BY sha256`).iterate() as IterableIterator<{
      sha256: unknown;
      mime: unknown;
      data: unknown;
    }>;
    for (const row of rows) {
      const sha = typeof row.sha256 === 'string' ? row.sha256 : '';
      if (!/^[0-9a-f]{64}$/.test(sha) || !Buffer.isBuffer(row.data) || typeof row.mime !== 'string') {
        throw new RefusedFile(`文件中的照片 ${short(sha)} 格式无效，整个文件未导入`);
      }
      const data = row.data;
      if (data.length > MAX_TRAVEL_PHOTO_BYTES) {
        throw new RefusedFile(`文件中的照片 ${short(sha)} 超过 15 MB，整个文件未导入（${PHOTO_LIMITS_TEXT}）`);
      }
      total += data.length;
      if (total > MAX_FILE_PHOTO_BYTES) throw new RefusedFile(`文件中的照片合计超过 1.5 GB，整个文件未导入（${PHOTO_LIMITS_TEXT}）`);
      if (createHash('sha256').update(data).digest('hex') !== sha) {
        alteredHashes.push(sha);
        continue;
      }
      const problem = photoProblem(data, row.mime);
      if (problem) {
        throw new RefusedFile(`文件中的照片 ${short(sha)} 不是有效的 JPG/PNG 图片（${problem}），整个文件未导入`);
      }
      const to = receivedPhotoPath(ctx, sha, row.mime);
      if (!to) throw new RefusedFile(`文件中的照片 ${short(sha)} 类型无效，整个文件未导入`);
      if (existsSync(to)) {
        result.known++;
        continue;
      }
      result.stageDir ??= join(dirname(to), `.incoming-${randomUUID()}`);
      mkdirSync(result.stageDir, { recursive: true });
      const from = join(result.stageDir, `${sha}.part`);
      writeFileSync(from, data);
      result.staged.push({ from, to });
    }
  }
  // named after the scan: the file's connection reads one statement at a time
  const altered = alteredHashes.flatMap((sha) => photosWithHash(source, sha));
  const missing = photosNotCarried(source, hasTable).filter((r) => {
    const kept = receivedPhotoPath(ctx, r.sha256, r.mime);
    return !kept || !existsSync(kept);
  });
  result.report.push(
    ...reportLines('', altered, '内容与签名的校验值不符（导出后被改动或损坏），未保存：请该站重新导出'),
    ...reportLines('', missing, '不在文件中，县局无法查看：请该站补拍或重新导出'),
  );
  return result;
}

/**
 * Whether every live photo the county holds for this station has its file in photos/received/. A file the
 * county already merged counts as a repeat only then: photos are moved into place after the merge commits,
 * so one that failed to arrive (or was lost since) comes back when the same file is imported again.
 */
export function stationPhotosKept(ctx: ServiceContext, stationId: string): boolean {
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT sha256, mime FROM (SELECT sha256, mime FROM scrap_photos WHERE station_id = ? AND voided_at IS NULL
        UNION ALL SELECT sha256, mime FROM drying_site_photos WHERE station_id = ? AND voided_at IS NULL)`,
    )
    .iterate(stationId, stationId) as IterableIterator<{ sha256: string; mime: string }>;
  for (const r of rows) {
    const kept = receivedPhotoPath(ctx, r.sha256, r.mime);
    if (!kept || !existsSync(kept)) return false;
  }
  return true;
}

/** After the merge committed: the staged photos take their place (rename; the content is already checked). */
export function commitPhotos(photos: ReceivedPhotos): number {
  for (const s of photos.staged) if (!existsSync(s.to)) renameSync(s.from, s.to);
  discardPhotos(photos);
  return photos.staged.length;
}

/** A refused file's staged photos are removed: nothing of it is kept. */
export function discardPhotos(photos: ReceivedPhotos | undefined): void {
  if (photos?.stageDir) rmSync(photos.stageDir, { recursive: true, force: true });
}
