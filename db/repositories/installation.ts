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
}

export function getInstallation(db: Database): InstallationRow | undefined {
  return db
    .prepare('SELECT station_id, role, township_code, operator, created_at, updated_at, voucher_secret FROM installation WHERE id = 1')
    .get() as InstallationRow | undefined;
}

export function insertInstallation(db: Database, row: InstallationRow): void {
  db.prepare(
    `INSERT INTO installation (id, station_id, role, township_code, operator, created_at, updated_at, voucher_secret)
     VALUES (1, @station_id, @role, @township_code, @operator, @created_at, @updated_at, @voucher_secret)`,
  ).run(row);
}

export function updateOperator(db: Database, operator: string, updatedAt: string): void {
  db.prepare('UPDATE installation SET operator = ?, updated_at = ? WHERE id = 1').run(operator, updatedAt);
}
