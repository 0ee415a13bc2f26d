import type { Database } from 'better-sqlite3';

export interface AuditRow {
  id: string;
  station_id: string;
  at: string;
  operator: string;
  method: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  /** The signed-in user (migration 008); null on rows from before accounts. */
  user_id: string | null;
}

/** Inserts exactly the columns the row object has (the writer decides them; keys are code, never input). */
export function insertAudit(db: Database, row: AuditRow | Record<string, unknown>): void {
  const cols = Object.keys(row).filter((k) => /^[a-z_]+$/.test(k));
  db.prepare(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
    Object.fromEntries(cols.map((c) => [c, (row as Record<string, unknown>)[c] ?? null])),
  );
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

function where(f: AuditFilter): string {
  const parts: string[] = [];
  if (f.entity) parts.push('entity = @entity');
  if (f.entityId) parts.push('entity_id = @entityId');
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

export function listAudit(db: Database, f: AuditFilter): { rows: AuditRow[]; total: number } {
  const params = { entity: f.entity ?? null, entityId: f.entityId ?? null, limit: f.limit, offset: f.offset };
  const rows = db
    .prepare(`SELECT * FROM audit_log ${where(f)} ORDER BY at DESC, rowid DESC LIMIT @limit OFFSET @offset`)
    .all(params) as AuditRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM audit_log ${where(f)}`).get(params) as { n: number };
  return { rows, total: n };
}
