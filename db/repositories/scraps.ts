import type { StoredEligibility } from '../../shared/schemas/scraps';
import type { Database } from 'better-sqlite3';
import type { PageRequest } from './keyset';
import { ledgerCount, ledgerRows, pageStatements, type LedgerPage, type PageStatements } from './ledger-page';
import {
  FARMER_COLUMNS,
  ledgerCountFrom,
  ledgerFrom,
  ledgerSql,
  type FarmerColumns,
  type LedgerFilter,
  type LedgerSql,
} from './ledger-query';
import { plannedLedgerPage } from './ledger-plan';
import { plannedSql, withCandidates } from './ledger-text';

export interface ScrapRow {
  id: string;
  station_id: string;
  farmer_id: string;
  catalog_band_id: string | null;
  catalog_year: number;
  item: string;
  band_label: string;
  variant: string | null;
  param_value: number | null;
  maker: string;
  model: string;
  engine_no: string | null;
  engine_no_norm: string | null;
  frame_no: string | null;
  frame_no_norm: string | null;
  plate_no: string | null;
  plate_no_norm: string | null;
  year_made: number | null;
  eligibility: StoredEligibility;
  recycler_id: string | null;
  confirm_form_no: string | null;
  handover_date: string | null;
  dismantle_date: string | null;
  scrap_fen: number;
  scrap_replace_fen: number;
  status: 'registered' | 'accepted' | 'verified' | 'published' | 'paid' | 'returned' | 'voided';
  status_at: string;
  return_reason: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const COLUMNS = `id, station_id, farmer_id, catalog_band_id, catalog_year, item, band_label, variant, param_value, maker, model,
  engine_no, engine_no_norm, frame_no, frame_no_norm, plate_no, plate_no_norm, year_made, eligibility, recycler_id,
  confirm_form_no, handover_date, dismantle_date, scrap_fen, scrap_replace_fen, status, status_at, return_reason,
  created_at, updated_at, voided_at, void_reason`;
const VALUES = COLUMNS.split(',')
  .map((c) => `@${c.trim()}`)
  .join(', ');

export function getScrap(db: Database, id: string): ScrapRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM scraps WHERE id = ?`).get(id) as ScrapRow | undefined;
}

export function insertScrap(db: Database, row: ScrapRow): void {
  db.prepare(`INSERT INTO scraps (${COLUMNS}) VALUES (${VALUES})`).run(row);
}

export function updateScrap(db: Database, row: ScrapRow): void {
  const sets = COLUMNS.split(',')
    .map((c) => c.trim())
    .filter((c) => !['id', 'station_id', 'created_at', 'status', 'status_at', 'return_reason', 'voided_at', 'void_reason'].includes(c))
    .map((c) => `${c} = @${c}`)
    .join(', ');
  db.prepare(`UPDATE scraps SET ${sets} WHERE id = @id`).run(row);
}

/** Live scraps that share an engine, frame or plate number with the given (normalised) numbers. */
export function findScrapsByNumbers(
  db: Database,
  n: { engine: string | null; frame: string | null; plate: string | null },
  exceptId?: string,
): (ScrapRow & { f_name: string; f_township_code: string })[] {
  return db
    .prepare(
      `SELECT s.*, f.name AS f_name, f.township_code AS f_township_code FROM scraps s JOIN farmers f ON f.id = s.farmer_id
       WHERE s.voided_at IS NULL AND s.id IS NOT @exceptId
         AND ((@engine IS NOT NULL AND s.engine_no_norm = @engine) OR (@frame IS NOT NULL AND s.frame_no_norm = @frame)
           OR (@plate IS NOT NULL AND s.plate_no_norm = @plate))`,
    )
    .all({ ...n, exceptId: exceptId ?? null }) as (ScrapRow & { f_name: string; f_township_code: string })[];
}

/** Live scraps whose engine or frame number equals a machine number offered as new. */
export function findScrapsMatchingMachine(db: Database, numbers: string[]): (ScrapRow & { f_name: string })[] {
  const list = numbers.filter(Boolean);
  if (!list.length) return [];
  const marks = list.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT s.*, f.name AS f_name FROM scraps s JOIN farmers f ON f.id = s.farmer_id
       WHERE s.voided_at IS NULL AND (s.engine_no_norm IN (${marks}) OR s.frame_no_norm IN (${marks}))`,
    )
    .all(...list, ...list) as (ScrapRow & { f_name: string })[];
}

export function linkedPurchaseId(db: Database, scrapId: string): string | null {
  const row = db.prepare('SELECT id FROM purchases WHERE scrap_id = ? AND voided_at IS NULL').get(scrapId) as { id: string } | undefined;
  return row?.id ?? null;
}

export type ScrapLedgerRow = ScrapRow &
  FarmerColumns & { linked_purchase_id: string | null; recycler_name: string | null; from_ledger: 1 | null };

const LEDGER_SELECT = `SELECT t.*, ${FARMER_COLUMNS},
  (SELECT p.id FROM purchases p WHERE p.scrap_id = t.id AND p.voided_at IS NULL) AS linked_purchase_id,
  (SELECT r.name FROM partners r WHERE r.id = t.recycler_id) AS recycler_name,
  (SELECT 1 FROM ledger_records lr WHERE lr.entity_id = t.id AND lr.voided_at IS NULL LIMIT 1) AS from_ledger`;
const DATE = 'COALESCE(t.handover_date, substr(t.created_at, 1, 10))';
const NUMBERS = ['engine_no_norm', 'frame_no_norm', 'plate_no_norm'];

/** A filter's WHERE/ORDER BY before any plan (tests run it through plannedLedgerPage). */
export const scrapFilterSql = (filter: LedgerFilter) => ledgerSql(filter, DATE, 't.scrap_fen', NUMBERS);

/** The filter as it runs: through the text query's candidate rows when it lists them (ledger-text.ts). */
const sqlOf = (db: Database, filter: LedgerFilter) => plannedSql(db, 'scraps', filter, ledgerSql(filter, DATE, 't.scrap_fen', NUMBERS));
const ledgerPageOf = <T extends object>(db: Database, sql: LedgerSql, page: PageRequest) =>
  plannedLedgerPage<T>(db, 'scraps', LEDGER_SELECT, sql, page);
const statementsOf = (sql: LedgerSql, page: PageRequest) =>
  pageStatements(LEDGER_SELECT, ledgerFrom('scraps', sql), sql, page, ledgerCountFrom('scraps', sql));

export function listScraps(db: Database, filter: LedgerFilter, page: PageRequest): LedgerPage<ScrapLedgerRow> {
  return ledgerPageOf<ScrapLedgerRow>(db, sqlOf(db, filter), page);
}

/** A chunk of the ledger in its order, after `after` (exports). */
export function scrapChunk(db: Database, filter: LedgerFilter, page: PageRequest) {
  const sql = sqlOf(db, filter);
  return ledgerRows<ScrapLedgerRow>(db, LEDGER_SELECT, ledgerFrom('scraps', sql), sql, page);
}

export function countScraps(db: Database, filter: LedgerFilter): number {
  const sql = sqlOf(db, filter);
  return ledgerCount(db, ledgerCountFrom('scraps', sql), sql);
}

/** The statements `listScraps` runs (query-plan tests). */
export function scrapPageStatements(filter: LedgerFilter, page: PageRequest, candidates?: number[]): PageStatements {
  const sql = ledgerSql(filter, DATE, 't.scrap_fen', NUMBERS);
  return statementsOf(candidates ? withCandidates(sql, candidates) : sql, page);
}

/** Every matching row, one at a time (exports never hold the whole ledger in memory at once). */
export function iterateScraps(db: Database, filter: LedgerFilter): IterableIterator<ScrapLedgerRow> {
  const sql = sqlOf(db, filter);
  return db
    .prepare(`${LEDGER_SELECT} ${ledgerFrom('scraps', sql)} ${sql.where} ${sql.orderBy}`)
    .iterate(sql.params) as IterableIterator<ScrapLedgerRow>;
}
