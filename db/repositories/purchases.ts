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

export interface PurchaseRow {
  id: string;
  station_id: string;
  farmer_id: string;
  catalog_band_id: string | null;
  catalog_year: number;
  category: string;
  item: string;
  band_label: string;
  variant: string | null;
  param_value: number | null;
  maker: string;
  product_name: string;
  model: string;
  model_norm: string;
  factory_no: string;
  factory_no_norm: string;
  engine_no: string | null;
  engine_no_norm: string | null;
  qr_code: string | null;
  invoice_no: string;
  invoice_date: string;
  price_fen: number;
  dealer_id: string | null;
  purchase_date: string;
  terminal_kind: 'none' | 'beidou' | 'monitor';
  terminal_id: string | null;
  scrap_id: string | null;
  purchase_fen: number;
  scrap_part_fen: number;
  total_fen: number;
  subsidy_note: string | null;
  overrides_json: string | null;
  status: 'registered' | 'accepted' | 'verified' | 'published' | 'paid' | 'returned' | 'voided';
  status_at: string;
  return_reason: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const COLUMNS = `id, station_id, farmer_id, catalog_band_id, catalog_year, category, item, band_label, variant, param_value,
  maker, product_name, model, model_norm, factory_no, factory_no_norm, engine_no, engine_no_norm, qr_code, invoice_no,
  invoice_date, price_fen, dealer_id, purchase_date, terminal_kind, terminal_id, scrap_id, purchase_fen, scrap_part_fen,
  total_fen, subsidy_note, overrides_json, status, status_at, return_reason, created_at, updated_at, voided_at, void_reason`;
const NAMES = COLUMNS.split(',').map((c) => c.trim());
const FIXED = ['id', 'station_id', 'created_at', 'status', 'status_at', 'return_reason', 'voided_at', 'void_reason'];

export function getPurchase(db: Database, id: string): PurchaseRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM purchases WHERE id = ?`).get(id) as PurchaseRow | undefined;
}

export function insertPurchase(db: Database, row: PurchaseRow): void {
  db.prepare(`INSERT INTO purchases (${COLUMNS}) VALUES (${NAMES.map((c) => `@${c}`).join(', ')})`).run(row);
}

export function updatePurchase(db: Database, row: PurchaseRow): void {
  const sets = NAMES.filter((c) => !FIXED.includes(c))
    .map((c) => `${c} = @${c}`)
    .join(', ');
  db.prepare(`UPDATE purchases SET ${sets} WHERE id = @id`).run(row);
}

export type PurchaseWithFarmer = PurchaseRow & { f_name: string; f_township_code: string };

/** Live purchases of a factory serial, anywhere in this file (every station merged into it, every year). */
export function findPurchasesBySerial(db: Database, factoryNoNorm: string, exceptId?: string): PurchaseWithFarmer[] {
  return db
    .prepare(
      `SELECT p.*, f.name AS f_name, f.township_code AS f_township_code FROM purchases p JOIN farmers f ON f.id = p.farmer_id
       WHERE p.factory_no_norm = ? AND p.voided_at IS NULL AND p.id IS NOT ? ORDER BY p.purchase_date`,
    )
    .all(factoryNoNorm, exceptId ?? null) as PurchaseWithFarmer[];
}

export function countBuyerPurchasesInYear(db: Database, farmerId: string, year: number, exceptId?: string): number {
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM purchases WHERE farmer_id = ? AND voided_at IS NULL AND id IS NOT ?
       AND purchase_date >= ? AND purchase_date < ?`,
    )
    .get(farmerId, exceptId ?? null, `${year}-01-01`, `${year + 1}-01-01`) as { n: number };
  return n;
}

/** Distinct models already bought for an item (to catch near-miss model codes). */
export function modelsForItem(db: Database, item: string, exceptId?: string): { model: string; model_norm: string }[] {
  return db
    .prepare('SELECT DISTINCT model, model_norm FROM purchases WHERE item = ? AND voided_at IS NULL AND id IS NOT ? LIMIT 2000')
    .all(item, exceptId ?? null) as { model: string; model_norm: string }[];
}

export function pricesForBand(db: Database, bandId: string, exceptId?: string): number[] {
  return (
    db
      .prepare(
        'SELECT price_fen FROM purchases WHERE catalog_band_id = ? AND voided_at IS NULL AND id IS NOT ? ORDER BY price_fen LIMIT 5000',
      )
      .all(bandId, exceptId ?? null) as { price_fen: number }[]
  ).map((r) => r.price_fen);
}

export type PurchaseLedgerRow = PurchaseRow & FarmerColumns & { dealer_name: string | null; from_ledger: 1 | null };

const LEDGER_SELECT = `SELECT t.*, ${FARMER_COLUMNS}, (SELECT d.name FROM partners d WHERE d.id = t.dealer_id) AS dealer_name,
  (SELECT 1 FROM ledger_records lr WHERE lr.entity_id = t.id AND lr.voided_at IS NULL LIMIT 1) AS from_ledger`;
const NUMBERS = ['factory_no_norm', 'engine_no_norm', 'model_norm'];

/** A filter's WHERE/ORDER BY before any plan (tests run it through plannedLedgerPage). */
export const purchaseFilterSql = (filter: LedgerFilter) => ledgerSql(filter, 't.purchase_date', 't.total_fen', NUMBERS);

/** The filter as it runs: through the text query's candidate rows when it lists them (ledger-text.ts). */
const sqlOf = (db: Database, filter: LedgerFilter) =>
  plannedSql(db, 'purchases', filter, ledgerSql(filter, 't.purchase_date', 't.total_fen', NUMBERS));
const ledgerPageOf = <T extends object>(db: Database, sql: LedgerSql, page: PageRequest) =>
  plannedLedgerPage<T>(db, 'purchases', LEDGER_SELECT, sql, page);
const statementsOf = (sql: LedgerSql, page: PageRequest) =>
  pageStatements(LEDGER_SELECT, ledgerFrom('purchases', sql), sql, page, ledgerCountFrom('purchases', sql));

export function listPurchases(db: Database, filter: LedgerFilter, page: PageRequest): LedgerPage<PurchaseLedgerRow> {
  return ledgerPageOf<PurchaseLedgerRow>(db, sqlOf(db, filter), page);
}

/** A chunk of the ledger in its order, after `after` (exports). */
export function purchaseChunk(db: Database, filter: LedgerFilter, page: PageRequest) {
  const sql = sqlOf(db, filter);
  return ledgerRows<PurchaseLedgerRow>(db, LEDGER_SELECT, ledgerFrom('purchases', sql), sql, page);
}

export function countPurchases(db: Database, filter: LedgerFilter): number {
  const sql = sqlOf(db, filter);
  return ledgerCount(db, ledgerCountFrom('purchases', sql), sql);
}

/** The statements `listPurchases` runs (query-plan tests). */
export function purchasePageStatements(filter: LedgerFilter, page: PageRequest, candidates?: number[]): PageStatements {
  const sql = ledgerSql(filter, 't.purchase_date', 't.total_fen', NUMBERS);
  return statementsOf(candidates ? withCandidates(sql, candidates) : sql, page);
}

export function iteratePurchases(db: Database, filter: LedgerFilter): IterableIterator<PurchaseLedgerRow> {
  const sql = sqlOf(db, filter);
  return db
    .prepare(`${LEDGER_SELECT} ${ledgerFrom('purchases', sql)} ${sql.where} ${sql.orderBy}`)
    .iterate(sql.params) as IterableIterator<PurchaseLedgerRow>;
}
