import type { Database } from 'better-sqlite3';

export interface SitePhotoRow {
  id: string;
  station_id: string;
  site_id: string;
  kind: 'site' | 'equipment' | 'document' | 'other';
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

export function insertSitePhoto(db: Database, row: SitePhotoRow): void {
  db.prepare(
    `INSERT INTO drying_site_photos (id, station_id, site_id, kind, file_name, stored_path, sha256, size_bytes, mime, created_at, updated_at,
      voided_at, void_reason)
     VALUES (@id, @station_id, @site_id, @kind, @file_name, @stored_path, @sha256, @size_bytes, @mime, @created_at, @updated_at,
      @voided_at, @void_reason)`,
  ).run(row);
}

export function getSitePhoto(db: Database, id: string): SitePhotoRow | undefined {
  return db.prepare('SELECT * FROM drying_site_photos WHERE id = ?').get(id) as SitePhotoRow | undefined;
}

export function listSitePhotos(db: Database, siteId: string): SitePhotoRow[] {
  return db
    .prepare('SELECT * FROM drying_site_photos WHERE site_id = ? AND voided_at IS NULL ORDER BY created_at, rowid')
    .all(siteId) as SitePhotoRow[];
}

export function findSitePhotoBySha(db: Database, siteId: string, sha256: string): SitePhotoRow | undefined {
  return db.prepare('SELECT * FROM drying_site_photos WHERE site_id = ? AND sha256 = ? AND voided_at IS NULL').get(siteId, sha256) as
    SitePhotoRow | undefined;
}
