import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/scraps';
import { photoProblem } from '../transfer/image-check';
import type { PhotoRef } from '../transfer/photos';
import {
  BACKUP_FORMAT,
  BACKUP_MANIFEST,
  BACKUP_PHOTOS,
  BACKUP_PLACES,
  BACKUP_TABLES,
  photoName,
  photoRecords,
  photosRoot,
  placesOf,
} from './photos';

/** What a backup's photos turned out to be; `moves` are the checked files staged for restore. */
export interface BackupPhotosFound {
  format: number;
  photos: number;
  missing: number;
  problems: string[];
  moves: { from: string; to: string }[];
}

const MAX_PROBLEMS = 20;
const ALTERED = '备份被改动过';
const names = (refs: PhotoRef[]) => refs.slice(0, 3).map(photoName).join('、') + (refs.length > 3 ? ` 等 ${refs.length} 条记录` : '');

interface Manifest {
  format: number;
  photos: number;
  missing: number;
}

/** The three tables of format 2, all or none, as real tables; the manifest's values as non-negative integers. */
function readManifest(db: Database.Database, problems: string[]): Manifest | null {
  const kinds = new Map(
    (db.prepare(`SELECT name, type FROM sqlite_schema WHERE name IN (${BACKUP_TABLES.map(() => '?').join(', ')})`).all(...BACKUP_TABLES) as {
      name: string;
      type: string;
    }[]).map((r) => [r.name, r.type]),
  );
  if (kinds.size === 0) return { format: 1, photos: 0, missing: 0 };
  if (kinds.size !== BACKUP_TABLES.length || [...kinds.values()].some((t) => t !== 'table')) {
    problems.push(`备份中的照片部分不完整：${ALTERED}`);
    return null;
  }
  const values = new Map(
    (db.prepare(`SELECT key, value FROM ${BACKUP_MANIFEST}`).all() as { key: unknown; value: unknown }[]).map((r) => [r.key, r.value]),
  );
  const int = (key: string) => {
    const v = values.get(key);
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
  };
  const [format, photos, missing] = [int('format'), int('photos'), int('missing')];
  if (format !== null && format > BACKUP_FORMAT) {
    problems.push(`备份由更新版本的软件创建（备份格式 ${format}），请升级软件后再恢复`);
    return null;
  }
  if (format !== BACKUP_FORMAT || photos === null || missing === null) {
    problems.push(`备份的照片清单无效：${ALTERED}`);
    return null;
  }
  return { format, photos, missing };
}

/**
 * Checks the photos of a backup file as untrusted, one photo in memory at a time: every place must be one of
 * its records' places, every photo's bytes must hash to the SHA-256 the database records and be a JPEG/PNG
 * with a decodable header, every photo must belong to a record, and no more records may lack their photo than
 * the backup said when it was made. Problems name the photo. With `stageDir`, checked photos are written
 * there (one file per place) for `placeBackupPhotos`. A generator yielding [done, total] per photo.
 */
export function* readBackupPhotos(backupPath: string, dbPath: string, stageDir: string | null): Generator<[number, number], BackupPhotosFound> {
  const problems: string[] = [];
  const found: BackupPhotosFound = { format: 1, photos: 0, missing: 0, problems, moves: [] };
  const root = photosRoot(dbPath);
  const db = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    const manifest = readManifest(db, problems);
    if (!manifest) return found;
    found.format = manifest.format;
    if (manifest.format === 1) return found;
    const bySha = new Map<string, PhotoRef[]>();
    for (const ref of photoRecords(db)) bySha.set(ref.sha256, [...(bySha.get(ref.sha256) ?? []), ref]);
    const placesBySha = new Map<string, string[]>();
    for (const p of db.prepare(`SELECT path, sha256 FROM ${BACKUP_PLACES} ORDER BY path`).iterate() as IterableIterator<{ path: unknown; sha256: unknown }>) {
      const refs = typeof p.sha256 === 'string' ? bySha.get(p.sha256) : undefined;
      const path = typeof p.path === 'string' ? p.path : '';
      if (!refs || !refs.some((r) => placesOf(root, r).includes(path))) {
        problems.push(`备份中的照片位置“${path.slice(0, 120)}”与数据库记录不符：${ALTERED}`);
        continue;
      }
      placesBySha.set(p.sha256 as string, [...(placesBySha.get(p.sha256 as string) ?? []), path]);
    }
    const total = db.prepare(`SELECT count(*) FROM ${BACKUP_PHOTOS}`).pluck().get() as number;
    const carried = new Set<string>();
    const rows = db.prepare(`SELECT sha256, mime, data FROM ${BACKUP_PHOTOS} ORDER BY sha256`).iterate() as IterableIterator<{
      sha256: unknown;
      mime: unknown;
      data: unknown;
    }>;
    let done = 0;
    for (const row of rows) {
      yield [++done, total];
      if (problems.length >= MAX_PROBLEMS) continue;
      const sha = typeof row.sha256 === 'string' ? row.sha256 : '';
      const refs = bySha.get(sha);
      if (!refs) {
        problems.push(`备份中有一张数据库未登记的照片（${sha.slice(0, 12)}…）：${ALTERED}`);
        continue;
      }
      const data = Buffer.isBuffer(row.data) ? row.data : Buffer.alloc(0);
      if (data.length === 0 || data.length > MAX_PHOTO_BYTES) {
        problems.push(`${names(refs)} 在备份中为空或超过 15 MB：${ALTERED}`);
        continue;
      }
      if (createHash('sha256').update(data).digest('hex') !== sha) {
        problems.push(`${names(refs)} 与数据库记录的校验值不符：照片在备份后被改动或损坏`);
        continue;
      }
      const bad = photoProblem(data, typeof row.mime === 'string' ? row.mime : '');
      if (bad) {
        problems.push(`${names(refs)} 不是有效的 JPG/PNG 图片（${bad}）：${ALTERED}`);
        continue;
      }
      const places = placesBySha.get(sha) ?? [];
      if (!places.length) {
        problems.push(`${names(refs)} 在备份中没有存放位置：${ALTERED}`);
        continue;
      }
      carried.add(sha);
      if (stageDir) {
        for (const place of places) {
          const from = join(stageDir, `${found.moves.length}.part`);
          writeFileSync(from, data);
          found.moves.push({ from, to: resolve(root, place) });
        }
      }
    }
    found.photos = carried.size;
    const lacking = [...bySha].filter(([sha]) => !carried.has(sha)).flatMap(([, refs]) => refs);
    found.missing = lacking.length;
    if (total !== manifest.photos) problems.push(`备份中的照片数（${total}）与清单（${manifest.photos}）不符：${ALTERED}`);
    else if (!problems.length && lacking.length > manifest.missing) {
      problems.push(`备份中缺少照片 ${names(lacking)}（备份时只缺 ${manifest.missing} 张）：${ALTERED}`);
    }
    return found;
  } finally {
    db.close();
  }
}

/** Moves checked, staged photos into the photos folder (content-addressed names: an existing file is the same photo). */
export function placeBackupPhotos(moves: { from: string; to: string }[]): void {
  for (const m of moves) {
    mkdirSync(dirname(m.to), { recursive: true });
    renameSync(m.from, m.to);
  }
}

/** Writes the staged backup without its photo tables to `out` (VACUUM INTO: a compact file holding the records only). */
export function withoutPhotoTables(staged: string, out: string): void {
  const db = new Database(staged, { fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    for (const name of BACKUP_TABLES) db.exec(`DROP TABLE IF EXISTS "${name}"`);
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
}
