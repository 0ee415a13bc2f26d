import type { Database } from 'better-sqlite3';

export interface PhotoRow {
  id: string;
  station_id: string;
  scrap_id: string;
  kind: 'before' | 'during' | 'after' | 'nameplate' | 'form' | 'other';
  file_name: string;
  stored_path: string;
  sha256: string;
  size_bytes: number;
  mime: string;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function insertPhoto(db: Database, row: PhotoRow): void {
  db.prepare(
    `INSERT INTO scrap_photos (id, station_id, scrap_id, kind, file_name, stored_path, sha256, size_bytes, mime, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @scrap_id, @kind, @file_name, @stored_path, @sha256, @size_bytes, @mime, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function getPhoto(db: Database, id: string): PhotoRow | undefined {
  return db.prepare('SELECT * FROM scrap_photos WHERE id = ?').get(id) as PhotoRow | undefined;
}

export function listPhotos(db: Database, scrapId: string): PhotoRow[] {
  return db
    .prepare('SELECT * FROM scrap_photos WHERE scrap_id = ? AND voided_at IS NULL ORDER BY created_at, rowid')
    .all(scrapId) as PhotoRow[];
}

export function findPhotoBySha(db: Database, scrapId: string, sha256: string): PhotoRow | undefined {
  return db.prepare('SELECT * FROM scrap_photos WHERE scrap_id = ? AND sha256 = ? AND voided_at IS NULL').get(scrapId, sha256) as
    PhotoRow | undefined;
}
