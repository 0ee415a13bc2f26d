import type { Database } from 'better-sqlite3';
import type { Kind } from './applications';

export interface ObjectionRow {
  id: string;
  station_id: string;
  kind: Kind;
  application_id: string;
  notice_id: string;
  raised_by: string;
  raised_on: string;
  content: string;
  recorded_by: string;
  outcome: 'recheck' | 'returned' | null;
  outcome_note: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function insertObjection(db: Database, row: ObjectionRow): void {
  db.prepare(
    `INSERT INTO objections (id, station_id, kind, application_id, notice_id, raised_by, raised_on, content, recorded_by, outcome,
       outcome_note, resolved_at, resolved_by, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @kind, @application_id, @notice_id, @raised_by, @raised_on, @content, @recorded_by, @outcome,
       @outcome_note, @resolved_at, @resolved_by, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function getObjection(db: Database, id: string): (ObjectionRow & { notice_number: string }) | undefined {
  return db
    .prepare('SELECT o.*, n.number AS notice_number FROM objections o JOIN notices n ON n.id = o.notice_id WHERE o.id = ?')
    .get(id) as (ObjectionRow & { notice_number: string }) | undefined;
}

export function resolveObjection(
  db: Database,
  id: string,
  r: { outcome: 'recheck' | 'returned'; note: string; at: string; by: string },
): void {
  db.prepare(
    'UPDATE objections SET outcome = @outcome, outcome_note = @note, resolved_at = @at, resolved_by = @by, updated_at = @at WHERE id = @id',
  ).run({ id, ...r });
}

export function objectionsOf(db: Database, applicationId: string): (ObjectionRow & { notice_number: string })[] {
  return db
    .prepare(
      `SELECT o.*, n.number AS notice_number FROM objections o JOIN notices n ON n.id = o.notice_id
       WHERE o.application_id = ? AND o.voided_at IS NULL ORDER BY o.created_at`,
    )
    .all(applicationId) as (ObjectionRow & { notice_number: string })[];
}

export function openObjectionsOf(db: Database, applicationId: string): ObjectionRow[] {
  return db
    .prepare('SELECT * FROM objections WHERE application_id = ? AND outcome IS NULL AND voided_at IS NULL ORDER BY created_at')
    .all(applicationId) as ObjectionRow[];
}
