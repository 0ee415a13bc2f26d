import type { Database } from 'better-sqlite3';

export interface AccessLogRow {
  id: string;
  at: string;
  user_id: string;
  user_name: string;
  entity: string;
  entity_id: string;
  farmer_id: string | null;
  purpose: string;
}

export function insertAccess(db: Database, row: AccessLogRow): void {
  db.prepare(
    `INSERT INTO access_log (id, at, user_id, user_name, entity, entity_id, farmer_id, purpose)
     VALUES (@id, @at, @user_id, @user_name, @entity, @entity_id, @farmer_id, @purpose)`,
  ).run(row);
}

export function listAccess(
  db: Database,
  f: { userId?: string; farmerId?: string; limit: number; offset: number },
): { rows: (AccessLogRow & { farmer_name: string | null })[]; total: number } {
  const parts: string[] = [];
  if (f.userId) parts.push('a.user_id = @userId');
  if (f.farmerId) parts.push('a.farmer_id = @farmerId');
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const params = { userId: f.userId ?? null, farmerId: f.farmerId ?? null, limit: f.limit, offset: f.offset };
  const rows = db
    .prepare(
      `SELECT a.*, fa.name AS farmer_name FROM access_log a LEFT JOIN farmers fa ON fa.id = a.farmer_id
       ${where} ORDER BY a.at DESC, a.rowid DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (AccessLogRow & { farmer_name: string | null })[];
  const total = db.prepare(`SELECT count(*) FROM access_log a ${where}`).pluck().get(params) as number;
  return { rows, total };
}
