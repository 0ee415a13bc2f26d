import type { Database } from 'better-sqlite3';

export type Kind = 'scrap' | 'purchase';
export const TABLE: Record<Kind, 'scraps' | 'purchases'> = { scrap: 'scraps', purchase: 'purchases' };

/** The columns every application row has, whatever its kind. */
export interface ApplicationState {
  id: string;
  station_id: string;
  farmer_id: string;
  status: string;
  status_at: string;
  voided_at: string | null;
}

export function getState(db: Database, kind: Kind, id: string): ApplicationState | undefined {
  return db.prepare(`SELECT id, station_id, farmer_id, status, status_at, voided_at FROM ${TABLE[kind]} WHERE id = ?`).get(id) as
    ApplicationState | undefined;
}

export function setStatus(
  db: Database,
  kind: Kind,
  id: string,
  s: { status: string; at: string; returnReason: string | null; voidReason: string | null },
): void {
  db.prepare(
    `UPDATE ${TABLE[kind]} SET status = @status, status_at = @at, updated_at = @at, return_reason = @returnReason,
       voided_at = CASE WHEN @status = 'voided' THEN @at ELSE voided_at END,
       void_reason = CASE WHEN @status = 'voided' THEN @voidReason ELSE void_reason END
     WHERE id = @id`,
  ).run({ id, ...s });
}

export interface EventRow {
  id: string;
  station_id: string;
  entity: Kind;
  entity_id: string;
  from_status: string;
  to_status: string;
  at: string;
  operator: string;
  reason: string | null;
  checks_json: string | null;
  created_at: string;
  updated_at: string;
  /** The signed-in user (migration 008). */
  user_id: string | null;
  /** 1 when the same person took the step before this one, at a 单人站点. */
  unseparated: 0 | 1;
}

export function insertEvent(db: Database, e: EventRow): void {
  db.prepare(
    `INSERT INTO application_events (id, station_id, entity, entity_id, from_status, to_status, at, operator, reason, checks_json,
       created_at, updated_at, user_id, unseparated)
     VALUES (@id, @station_id, @entity, @entity_id, @from_status, @to_status, @at, @operator, @reason, @checks_json,
       @created_at, @updated_at, @user_id, @unseparated)`,
  ).run(e);
}

/** Who registered an application: the user of its create audit row (null before accounts existed). */
export function registeredBy(db: Database, kind: Kind, id: string): string | null {
  const method = kind === 'scrap' ? 'scraps.create' : 'purchases.create';
  return (
    (db.prepare('SELECT user_id FROM audit_log WHERE entity_id = ? AND method = ? ORDER BY rowid LIMIT 1').pluck().get(id, method) as
      | string
      | null
      | undefined) ?? null
  );
}

/** Who took the latest live step into `status` (e.g. 核验), or null. */
export function stepBy(db: Database, id: string, status: string): string | null {
  return (
    (db
      .prepare(
        'SELECT user_id FROM application_events WHERE entity_id = ? AND to_status = ? AND voided_at IS NULL ORDER BY at DESC, rowid DESC LIMIT 1',
      )
      .pluck()
      .get(id, status) as string | null | undefined) ?? null
  );
}

export function listEvents(db: Database, entityId: string): EventRow[] {
  return db
    .prepare('SELECT * FROM application_events WHERE entity_id = ? AND voided_at IS NULL ORDER BY at, rowid')
    .all(entityId) as EventRow[];
}

/** Open applications for the to-do list: scraps renewed by a live purchase travel with that purchase. */
export interface OpenRow {
  kind: Kind;
  id: string;
  farmer_id: string;
  item: string;
  model: string;
  status: string;
  status_at: string;
  total_fen: number;
}

export function listOpen(db: Database, stationId: string, kind?: Kind): OpenRow[] {
  const open = "('registered', 'accepted', 'verified', 'published')";
  const scraps = `SELECT 'scrap' AS kind, s.id, s.farmer_id, s.item, s.model, s.status, s.status_at, s.scrap_fen AS total_fen
    FROM scraps s WHERE s.station_id = @stationId AND s.status IN ${open}
      AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.scrap_id = s.id AND p.voided_at IS NULL)`;
  const purchases = `SELECT 'purchase' AS kind, p.id, p.farmer_id, p.item, p.model, p.status, p.status_at, p.total_fen
    FROM purchases p WHERE p.station_id = @stationId AND p.status IN ${open}`;
  const sql = kind === 'scrap' ? scraps : kind === 'purchase' ? purchases : `${scraps} UNION ALL ${purchases}`;
  return db.prepare(sql).all({ stationId }) as OpenRow[];
}
