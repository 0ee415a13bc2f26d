import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/scraps';
import { PHOTO_EXT, photoProblem, type PhotoMime } from '../transfer/image-check';
import { PHOTO_LABELS, type PhotoRef } from '../transfer/photos';

/**
 * Backup format 2: the backup file also carries the photo files its records refer to (scrap evidence
 * photos, drying-site photos, the county's received photos), in three tables only a backup has:
 *   backup_photos       one row per content: sha256 (key), mime, size, data
 *   backup_photo_places where under photos/ each content was found (`<scrap>/<sha>.jpg`, `drying/…`, `received/…`)
 *   backup_manifest     format = 2, photos = distinct contents, missing = records whose file was already gone
 * Format 1 (older backups) has none of them and restores the database only.
 */
export const BACKUP_FORMAT = 2;
export const BACKUP_PHOTOS = 'backup_photos';
export const BACKUP_PLACES = 'backup_photo_places';
export const BACKUP_MANIFEST = 'backup_manifest';
export const BACKUP_TABLES: readonly string[] = [BACKUP_PHOTOS, BACKUP_PLACES, BACKUP_MANIFEST];

const DDL = `CREATE TABLE ${BACKUP_PHOTOS} (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, size_bytes INTEGER NOT NULL, data BLOB NOT NULL) STRICT;
CREATE TABLE ${BACKUP_PLACES} (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL) STRICT;
CREATE TABLE ${BACKUP_MANIFEST} (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;`;

/** Every photo record, voided ones too (records are evidence and never deleted). */
const PHOTO_SOURCES = [
  { table: 'scrap_photos', area: '' },
  { table: 'drying_site_photos', area: 'drying' },
] as const;

export const photosRoot = (dbPath: string) => resolve(dirname(dbPath), 'photos');

/** The photo records of a database file, in hash order (a file from before a table existed has none of it). */
export function photoRecords(db: Database.Database): PhotoRef[] {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  const parts = PHOTO_SOURCES.filter((s) => has.get(s.table) !== undefined).map(
    (s) => `SELECT '${s.table}' AS "table", '${s.area}' AS area, id, file_name, stored_path, sha256, mime FROM ${s.table}`,
  );
  return parts.length ? (db.prepare(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY sha256, id`).all() as PhotoRef[]) : [];
}

/**
 * Where under photos/ a record's file may be (with /): its own stored path, or the county's received copy
 * (photos/received/<sha>.<ext>). A stored path that leads outside the folder is not a place.
 */
export function placesOf(root: string, ref: PhotoRef): string[] {
  const out: string[] = [];
  const own = resolve(root, ref.area, ref.stored_path);
  const rel = relative(root, own);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) out.push(rel.split(/[\\/]/).join('/'));
  const ext = PHOTO_EXT[ref.mime as PhotoMime];
  if (/^[0-9a-f]{64}$/.test(ref.sha256) && ext) out.push(`received/${ref.sha256}.${ext}`);
  return out;
}

const short = (sha: string) => `${sha.slice(0, 12)}…`;
/** 报废照片“拆解前.jpg”（0123456789ab…） */
export const photoName = (ref: PhotoRef) => `${PHOTO_LABELS[ref.table]}“${ref.file_name}”（${short(ref.sha256)}）`;

/** A file's bytes when it is the record's photo: right hash, a JPEG/PNG with a decodable header, within the cap. */
function readIfGood(file: string, ref: PhotoRef): Buffer | null {
  try {
    if (statSync(file).size > MAX_PHOTO_BYTES) return null;
    const bytes = readFileSync(file);
    if (createHash('sha256').update(bytes).digest('hex') !== ref.sha256) return null;
    return photoProblem(bytes, ref.mime) === null ? bytes : null;
  } catch {
    return null;
  }
}

export interface PackedPhotos {
  photos: number;
  bytes: number;
  missing: number;
}

/**
 * Puts the photos into a finished backup file (`backupPath`, rollback journal), read from the folder beside
 * `dbPath`, one photo in memory at a time; the records are the backup's own (a consistent snapshot).
 * A generator: it yields after each photo so a job can show progress and yield to the event loop.
 * A record whose file is gone or no longer matches its hash is counted as missing (the backup still goes on).
 */
export function* packBackupPhotos(dbPath: string, backupPath: string): Generator<[number, number], PackedPhotos> {
  const root = photosRoot(dbPath);
  const db = new Database(backupPath);
  let committed = false;
  try {
    const refs = photoRecords(db);
    db.exec(DDL);
    const putPhoto = db.prepare(`INSERT INTO ${BACKUP_PHOTOS} (sha256, mime, size_bytes, data) VALUES (?, ?, ?, ?)`);
    const putPlace = db.prepare(`INSERT INTO ${BACKUP_PLACES} (path, sha256) VALUES (?, ?) ON CONFLICT (path) DO NOTHING`);
    const packed = new Set<string>();
    const result: PackedPhotos = { photos: 0, bytes: 0, missing: 0 };
    db.exec('BEGIN');
    for (const [i, ref] of refs.entries()) {
      const places = placesOf(root, ref);
      if (packed.has(ref.sha256)) {
        // the same content again (another record): restored at this record's own place too
        if (places[0]) putPlace.run(places[0], ref.sha256);
      } else {
        for (const place of places) {
          const bytes = readIfGood(resolve(root, place), ref);
          if (!bytes) continue;
          putPhoto.run(ref.sha256, ref.mime, bytes.length, bytes);
          putPlace.run(place, ref.sha256);
          if (places[0] !== place) putPlace.run(places[0], ref.sha256);
          packed.add(ref.sha256);
          result.photos++;
          result.bytes += bytes.length;
          break;
        }
        if (!packed.has(ref.sha256)) result.missing++;
      }
      yield [i + 1, refs.length];
    }
    const manifest = db.prepare(`INSERT INTO ${BACKUP_MANIFEST} (key, value) VALUES (?, ?)`);
    manifest.run('format', BACKUP_FORMAT);
    manifest.run('photos', result.photos);
    manifest.run('missing', result.missing);
    db.exec('COMMIT');
    committed = true;
    return result;
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

/** Runs a photo generator to its end, awaiting `step` (progress, cancel, yield) after each photo; always closes it. */
export async function drive<T>(gen: Generator<[number, number], T>, step: (done: number, total: number) => Promise<void>): Promise<T> {
  try {
    for (let r = gen.next(); ; r = gen.next()) {
      if (r.done) return r.value;
      await step(...r.value);
    }
  } finally {
    gen.return(undefined as never);
  }
}

/** The same in one synchronous step (a backup before a migration or an import). */
export function runToEnd<T>(gen: Generator<[number, number], T>): T {
  for (let r = gen.next(); ; r = gen.next()) if (r.done) return r.value;
}
