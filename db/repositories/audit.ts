import type { Database } from 'better-sqlite3';
import type { PageRequest } from './keyset';
import { ledgerPage, type LedgerPage } from './ledger-page';

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
}

export function insertAudit(db: Database, row: AuditRow): void {
  db.prepare(
    `INSERT INTO audit_log (id, station_id, at, operator, method, entity, entity_id, before_json, after_json)
     VALUES (@id, @station_id, @at, @operator, @method, @entity, @entity_id, @before_json, @after_json)`,
  ).run(row);
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
}

/** Newest first by (at, rowid): audit_log_at, or audit_log_entity for one record, serves the order. */
const AUDIT_ORDER = { exprs: ['at', 'rowid'], dir: 'DESC' as const };

export function listAudit(db: Database, f: AuditFilter, page: PageRequest): LedgerPage<AuditRow> {
  const terms: string[] = [];
  if (f.entity) terms.push('entity = @entity');
  if (f.entityId) terms.push('entity_id = @entityId');
  const params = { entity: f.entity ?? null, entityId: f.entityId ?? null };
  return ledgerPage<AuditRow>(db, 'SELECT *', 'FROM audit_log', { terms, order: AUDIT_ORDER, params }, page);
}
