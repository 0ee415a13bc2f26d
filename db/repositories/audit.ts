import type { Database } from 'better-sqlite3';
import type { PageRequest } from './keyset';
import { ledgerPage, pageStatements, type FilterSql, type LedgerPage, type PageStatements } from './ledger-page';

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
}

/**
 * Newest first by (at, rowid): audit_log_at, audit_log_entity for one record, or audit_log_entity_kind
 * (migration 020) for one kind of record serves the order.
 */
const AUDIT_ORDER = { exprs: ['at', 'rowid'], dir: 'DESC' as const };

function auditFilterSql(f: AuditFilter): FilterSql {
  const terms: string[] = [];
  // with one record the kind only sifts its few rows (unary +: the kind's index would walk every row of the kind)
  if (f.entity) terms.push(f.entityId ? '+entity = @entity' : 'entity = @entity');
  if (f.entityId) terms.push('entity_id = @entityId');
  return { terms, order: AUDIT_ORDER, params: { entity: f.entity ?? null, entityId: f.entityId ?? null } };
}

export function listAudit(db: Database, f: AuditFilter, page: PageRequest): LedgerPage<AuditRow> {
  return ledgerPage<AuditRow>(db, 'SELECT *', 'FROM audit_log', auditFilterSql(f), page);
}

/** The statements `listAudit` runs (query-plan tests). */
export const auditPageStatements = (f: AuditFilter, page: PageRequest): PageStatements =>
  pageStatements('SELECT *', 'FROM audit_log', auditFilterSql(f), page);
