import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/scraps';
import type { ServiceContext } from '../context';
import { storedPhotoPath } from '../services/photo-files';
import { photoProblem } from './image-check';

/**
 * Photos in a station file (一机一档 scrap photos, drying-site photos): one row per distinct content,
 * keyed by its SHA-256, in a table only the export file has. The manifest signs the list (hash, type,
 * size of each) and each row's bytes must hash to its key, so the signature covers every photo.
 */
export const PHOTO_TABLE = 'export_photos';
export const PHOTO_DDL = `CREATE TABLE ${PHOTO_TABLE} (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, size_bytes INTEGER NOT NULL, data BLOB NOT NULL) STRICT`;

/** Per photo: the upload cap (15 MB), so every photo a station can store can travel. */
export const MAX_TRAVEL_PHOTO_BYTES = MAX_PHOTO_BYTES;
/** All photos of one file (the file itself is capped at 2 GB). */
export const MAX_FILE_PHOTO_BYTES = 1.5 * 1024 ** 3;
export const PHOTO_LIMITS_TEXT = '单张照片不超过 15 MB，一个上报文件中的照片合计不超过 1.5 GB';

/** A live photo row of the travelling tables, as the county names it in its report. */
export interface PhotoRef {
  table: 'scrap_photos' | 'drying_site_photos';
  area: string;
  id: string;
  file_name: string;
  stored_path: string;
  sha256: string;
  mime: string;
}

export const PHOTO_LABELS: Record<PhotoRef['table'], string> = { scrap_photos: '报废照片', drying_site_photos: '烘干设施照片' };

const LIVE_PHOTOS = `SELECT 'scrap_photos' AS "table", '' AS area, id, file_name, stored_path, sha256, mime FROM scrap_photos WHERE voided_at IS NULL
  UNION ALL SELECT 'drying_site_photos', 'drying', id, file_name, stored_path, sha256, mime FROM drying_site_photos WHERE voided_at IS NULL`;

/** The live photo rows of a file whose content the file does not carry (its photo table may be absent). */
export function photosNotCarried(db: Database.Database, hasTable: boolean): PhotoRef[] {
  const sql = hasTable
    ? `SELECT * FROM (${LIVE_PHOTOS}) r WHERE NOT EXISTS (SELECT 1 FROM ${PHOTO_TABLE} e WHERE e.sha256 = r.sha256) ORDER BY id`
    : `SELECT * FROM (${LIVE_PHOTOS}) ORDER BY id`;
  return db.prepare(sql).all() as PhotoRef[];
}

/** The live photo rows whose content has this hash. */
export function photosWithHash(db: Database.Database, sha256: string): PhotoRef[] {
  return db.prepare(`SELECT * FROM (${LIVE_PHOTOS}) WHERE sha256 = ? ORDER BY id`).all(sha256) as PhotoRef[];
}

export interface PhotoListDigest {
  count: number;
  bytes: number;
  sha256: string;
}

/** The digest of the photo list (hash, type, size of each, in hash order), read one row at a time. */
export function photoListDigest(db: Database.Database): PhotoListDigest {
  const hash = createHash('sha256');
  let count = 0;
  let bytes = 0;
  const rows = db.prepare(`SELECT sha256, mime, size_bytes FROM ${PHOTO_TABLE} ORDER BY sha256`).iterate() as IterableIterator<{
    sha256: unknown;
    mime: unknown;
    size_bytes: unknown;
  }>;
  for (const r of rows) {
    hash.update(`${JSON.stringify([r.sha256, r.mime, r.size_bytes])}\n`);
    count++;
    bytes += typeof r.size_bytes === 'number' ? r.size_bytes : 0;
  }
  return { count, bytes, sha256: hash.digest('hex') };
}

/**
 * Puts the station's photos into the export snapshot, one at a time (memory holds one photo), each content
 * once. A photo whose file is gone, altered or not a JPEG/PNG is left out (the county names it as missing);
 * more than the caps refuses the export with the limits in Chinese.
 */
export function packPhotos(ctx: ServiceContext, snap: Database.Database): PhotoListDigest & { leftOut: PhotoRef[] } {
  snap.exec(PHOTO_DDL);
  const refs = snap.prepare(`${LIVE_PHOTOS} ORDER BY sha256, id`).all() as PhotoRef[];
  const put = snap.prepare(`INSERT INTO ${PHOTO_TABLE} (sha256, mime, size_bytes, data) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`);
  const leftOut: PhotoRef[] = [];
  const packed = new Set<string>();
  let total = 0;
  snap.transaction(() => {
    for (const ref of refs) {
      if (packed.has(ref.sha256)) continue;
      const path = storedPhotoPath(ctx, ref.area, ref.stored_path);
      let bytes: Buffer;
      try {
        if (!path) throw new Error('outside');
        bytes = readFileSync(path);
      } catch {
        leftOut.push(ref);
        continue;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== ref.sha256 || photoProblem(bytes, ref.mime) !== null) {
        leftOut.push(ref);
        continue;
      }
      if (bytes.length > MAX_TRAVEL_PHOTO_BYTES) {
        throw new AppError('VALIDATION', `照片“${ref.file_name}”超过 15 MB，无法放入上报文件（${PHOTO_LIMITS_TEXT}）`);
      }
      total += bytes.length;
      if (total > MAX_FILE_PHOTO_BYTES) {
        throw new AppError('VALIDATION', `照片合计超过 1.5 GB，无法放入一个上报文件（${PHOTO_LIMITS_TEXT}）`);
      }
      put.run(ref.sha256, ref.mime, bytes.length, bytes);
      packed.add(ref.sha256);
    }
  })();
  return { ...photoListDigest(snap), leftOut };
}
