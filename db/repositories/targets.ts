import type { Database } from 'better-sqlite3';

export interface TargetRow {
  id: string;
  station_id: string;
  year: number;
  scrap_count: number;
  purchase_count: number;
  mechanization_rate: number;
  beidou_count: number | null;
  drying_capacity_tpd: number | null;
  coal_dryers_zero_by: number | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface ShareRow {
  id: string;
  station_id: string;
  year: number;
  township_code: string;
  scrap_count: number;
  purchase_count: number;
  beidou_count: number | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function getLiveTarget(db: Database, year: number): TargetRow | undefined {
  return db.prepare('SELECT * FROM targets WHERE year = ? AND voided_at IS NULL').get(year) as TargetRow | undefined;
}

export function insertTarget(db: Database, row: TargetRow): void {
  db.prepare(
    `INSERT INTO targets (id, station_id, year, scrap_count, purchase_count, mechanization_rate, beidou_count, drying_capacity_tpd,
       coal_dryers_zero_by, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @year, @scrap_count, @purchase_count, @mechanization_rate, @beidou_count, @drying_capacity_tpd,
       @coal_dryers_zero_by, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function updateTarget(db: Database, row: TargetRow): void {
  db.prepare(
    `UPDATE targets SET scrap_count = @scrap_count, purchase_count = @purchase_count, mechanization_rate = @mechanization_rate,
       beidou_count = @beidou_count, drying_capacity_tpd = @drying_capacity_tpd, coal_dryers_zero_by = @coal_dryers_zero_by,
       updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
}

export function listLiveShares(db: Database, year: number): ShareRow[] {
  return db.prepare('SELECT * FROM target_shares WHERE year = ? AND voided_at IS NULL ORDER BY township_code').all(year) as ShareRow[];
}

export function insertShare(db: Database, row: ShareRow): void {
  db.prepare(
    `INSERT INTO target_shares (id, station_id, year, township_code, scrap_count, purchase_count, beidou_count, created_at, updated_at,
       voided_at, void_reason)
     VALUES (@id, @station_id, @year, @township_code, @scrap_count, @purchase_count, @beidou_count, @created_at, @updated_at,
       @voided_at, @void_reason)`,
  ).run(row);
}

export function updateShare(db: Database, row: ShareRow): void {
  db.prepare(
    `UPDATE target_shares SET scrap_count = @scrap_count, purchase_count = @purchase_count, beidou_count = @beidou_count,
       updated_at = @updated_at WHERE id = @id`,
  ).run(row);
}

export function voidShare(db: Database, id: string, at: string, reason: string): void {
  db.prepare('UPDATE target_shares SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}
