import type { Database } from 'better-sqlite3';

export interface MechanizationRow {
  id: string;
  station_id: string;
  year: number;
  township_code: string;
  crop: string;
  tillage_base_mu: number;
  tilled_mu: number;
  sown_mu: number;
  machine_sown_mu: number;
  machine_harvested_mu: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function listLiveAreas(db: Database, year: number, townshipCode?: string): MechanizationRow[] {
  return db
    .prepare(
      `SELECT * FROM mechanization_areas WHERE year = @year AND voided_at IS NULL AND (@township IS NULL OR township_code = @township)
       ORDER BY township_code, crop`,
    )
    .all({ year, township: townshipCode ?? null }) as MechanizationRow[];
}

export function insertArea(db: Database, row: MechanizationRow): void {
  db.prepare(
    `INSERT INTO mechanization_areas (id, station_id, year, township_code, crop, tillage_base_mu, tilled_mu, sown_mu, machine_sown_mu,
       machine_harvested_mu, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @year, @township_code, @crop, @tillage_base_mu, @tilled_mu, @sown_mu, @machine_sown_mu,
       @machine_harvested_mu, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function updateArea(db: Database, row: MechanizationRow): void {
  db.prepare(
    `UPDATE mechanization_areas SET tillage_base_mu = @tillage_base_mu, tilled_mu = @tilled_mu, sown_mu = @sown_mu,
       machine_sown_mu = @machine_sown_mu, machine_harvested_mu = @machine_harvested_mu, updated_at = @updated_at
     WHERE id = @id`,
  ).run(row);
}

export function voidArea(db: Database, id: string, at: string, reason: string): void {
  db.prepare('UPDATE mechanization_areas SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}
