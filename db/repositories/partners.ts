import type { Database } from 'better-sqlite3';

export interface PartnerRow {
  id: string;
  station_id: string;
  kind: 'dealer' | 'recycler';
  name: string;
  uscc: string | null;
  license_no: string | null;
  phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function getPartner(db: Database, id: string): PartnerRow | undefined {
  return db.prepare('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
}

export function findLivePartnerByName(db: Database, kind: string, name: string): PartnerRow | undefined {
  return db.prepare('SELECT * FROM partners WHERE kind = ? AND name = ? AND voided_at IS NULL').get(kind, name) as PartnerRow | undefined;
}

export function listPartners(db: Database, kind: string, includeVoided: boolean): PartnerRow[] {
  return db
    .prepare(`SELECT * FROM partners WHERE kind = ? ${includeVoided ? '' : 'AND voided_at IS NULL'} ORDER BY name`)
    .all(kind) as PartnerRow[];
}

export function insertPartner(db: Database, row: PartnerRow): void {
  db.prepare(
    `INSERT INTO partners (id, station_id, kind, name, uscc, license_no, phone, address, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @kind, @name, @uscc, @license_no, @phone, @address, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function voidPartner(db: Database, id: string, reason: string, at: string): void {
  db.prepare('UPDATE partners SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}
