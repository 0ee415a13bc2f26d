import type { Database } from 'better-sqlite3';

export interface InstallationRow {
  station_id: string;
  role: 'station' | 'county';
  township_code: string | null;
  operator: string;
  created_at: string;
  updated_at: string;
  /** Signs voucher check codes (migration 004); never shown, exported only to the county. */
  voucher_secret: string | null;
  /** 单人站点 (migration 008): one person may take consecutive review steps, flagged 未分离. */
  solo_station: 0 | 1;
  idle_lock_minutes: number;
}

export function getInstallation(db: Database): InstallationRow | undefined {
  return db
    .prepare(
      'SELECT station_id, role, township_code, operator, created_at, updated_at, voucher_secret, solo_station, idle_lock_minutes FROM installation WHERE id = 1',
    )
    .get() as InstallationRow | undefined;
}

export function insertInstallation(db: Database, row: InstallationRow): void {
  db.prepare(
    `INSERT INTO installation (id, station_id, role, township_code, operator, created_at, updated_at, voucher_secret, solo_station, idle_lock_minutes)
     VALUES (1, @station_id, @role, @township_code, @operator, @created_at, @updated_at, @voucher_secret, @solo_station, @idle_lock_minutes)`,
  ).run(row);
}

export function updateStationSettings(db: Database, v: { solo_station: 0 | 1; idle_lock_minutes: number; updated_at: string }): void {
  db.prepare('UPDATE installation SET solo_station = @solo_station, idle_lock_minutes = @idle_lock_minutes, updated_at = @updated_at WHERE id = 1').run(v);
}
