import type { Database } from 'better-sqlite3';
import { COUNTED_STATUSES, type Status } from '../../shared/domain/workflow';

/**
 * The progress facts of one year, in two shapes, each one range scan per table over the covering indexes
 * purchases_progress / scraps_progress (migration 005). The buyer's township is the row's trigger-kept copy
 * (buyer_township_code), so there is no join. Verified-or-later rows are read (funds committed counts them
 * all); which of them count toward targets is the counting rule's business, applied by the service.
 */

/** Per township, status and terminal: machines, amounts, latest date, and how many fall in the recent window. */
export interface TotalsRow {
  /** Null only for a row whose buyer is missing from the file. */
  township: string | null;
  status: Status;
  terminal: 'none' | 'beidou' | 'monitor';
  n: number;
  purchase_fen: number;
  scrap_fen: number;
  last_date: string;
  recent: number;
}

/** Per month, item and terminal, counted rows of the scope only. */
export interface MonthItemRow {
  month: string;
  item: string;
  terminal: 'none' | 'beidou' | 'monitor';
  n: number;
}

export interface RangeParams {
  start: string;
  end: string;
}

/** Statuses as SQL literals; only known statuses get in. */
function inList(statuses: readonly Status[]): string {
  const known = statuses.filter((s) => (COUNTED_STATUSES as readonly string[]).includes(s));
  if (known.length === 0) throw new Error('no counted status');
  return known.map((s) => `'${s}'`).join(', ');
}

/** Township codes as SQL literals; only 9-digit codes get in. */
function codeList(codes: readonly string[]): string {
  const ok = codes.filter((c) => /^\d{9}$/.test(c));
  if (ok.length === 0) throw new Error('no township code');
  return ok.map((c) => `'${c}'`).join(', ');
}

const READ = inList(COUNTED_STATUSES);

/** A renewed scrap's money is paid with its purchase (purchases.scrap_part_fen), so a scrap's own amount counts only when scrapped alone. */
const RENEWED = 'EXISTS (SELECT 1 FROM purchases x WHERE x.scrap_id = s.id AND x.voided_at IS NULL)';

export const PURCHASE_TOTALS_SQL = `SELECT p.buyer_township_code AS township, p.status AS status, p.terminal_kind AS terminal, count(*) AS n,
    sum(p.purchase_fen) AS purchase_fen, sum(p.scrap_part_fen) AS scrap_fen, max(p.purchase_date) AS last_date,
    sum(p.purchase_date >= @recentFrom) AS recent
  FROM purchases p
  WHERE p.status IN (${READ}) AND p.purchase_date >= @start AND p.purchase_date < @end AND p.voided_at IS NULL
    AND (@township IS NULL OR p.buyer_township_code = @township)
  GROUP BY p.buyer_township_code, p.status, p.terminal_kind`;

export const SCRAP_TOTALS_SQL = `SELECT s.buyer_township_code AS township, s.status AS status, 'none' AS terminal, count(*) AS n,
    0 AS purchase_fen, sum(CASE WHEN ${RENEWED} THEN 0 ELSE s.scrap_fen END) AS scrap_fen, max(s.handover_date) AS last_date,
    sum(s.handover_date >= @recentFrom) AS recent
  FROM scraps s
  WHERE s.status IN (${READ}) AND s.handover_date >= @start AND s.handover_date < @end AND s.voided_at IS NULL
    AND (@township IS NULL OR s.buyer_township_code = @township)
  GROUP BY s.buyer_township_code, s.status`;

/** `township` null: every township (and buyers outside the county); a code: that township's rows only. */
export type TotalsParams = RangeParams & { recentFrom: string; township: string | null };

export function purchaseTotals(db: Database, params: TotalsParams): TotalsRow[] {
  return db.prepare(PURCHASE_TOTALS_SQL).all(params) as TotalsRow[];
}

export function scrapTotals(db: Database, params: TotalsParams): TotalsRow[] {
  return db.prepare(SCRAP_TOTALS_SQL).all(params) as TotalsRow[];
}

/**
 * The same totals over the held (待核查) records only, by primary key from a JSON array @held: the caller
 * takes them off the totals, so the totals' own statements stay on their covering indexes.
 */
function onlyHeld(sql: string, alias: 'p' | 's'): string {
  const where = `WHERE ${alias}.status IN`;
  if (!sql.includes(where)) throw new Error('progress statement without its status filter');
  return sql.replace(where, `WHERE ${alias}.id IN (SELECT value FROM json_each(@held)) AND ${alias}.status IN`);
}

export function heldPurchaseTotals(db: Database, params: TotalsParams & { held: string }): TotalsRow[] {
  return db.prepare(onlyHeld(PURCHASE_TOTALS_SQL, 'p')).all(params) as TotalsRow[];
}

export function heldScrapTotals(db: Database, params: TotalsParams & { held: string }): TotalsRow[] {
  return db.prepare(onlyHeld(SCRAP_TOTALS_SQL, 's')).all(params) as TotalsRow[];
}

export function heldMonthItems(
  db: Database,
  table: 'purchases' | 'scraps',
  counted: readonly Status[],
  townships: readonly string[],
  params: RangeParams & { held: string },
): MonthItemRow[] {
  const sql = table === 'purchases' ? onlyHeld(purchaseMonthItemSql(counted, townships), 'p') : onlyHeld(scrapMonthItemSql(counted, townships), 's');
  return db.prepare(sql).all(params) as MonthItemRow[];
}

export function purchaseMonthItemSql(counted: readonly Status[], townships: readonly string[]): string {
  return `SELECT substr(p.purchase_date, 6, 2) AS month, p.item AS item, p.terminal_kind AS terminal, count(*) AS n
    FROM purchases p
    WHERE p.status IN (${inList(counted)}) AND p.purchase_date >= @start AND p.purchase_date < @end AND p.voided_at IS NULL
      AND p.buyer_township_code IN (${codeList(townships)})
    GROUP BY month, p.item, p.terminal_kind`;
}

export function scrapMonthItemSql(counted: readonly Status[], townships: readonly string[]): string {
  return `SELECT substr(s.handover_date, 6, 2) AS month, s.item AS item, 'none' AS terminal, count(*) AS n
    FROM scraps s
    WHERE s.status IN (${inList(counted)}) AND s.handover_date >= @start AND s.handover_date < @end AND s.voided_at IS NULL
      AND s.buyer_township_code IN (${codeList(townships)})
    GROUP BY month, s.item`;
}

export function purchaseMonthItems(
  db: Database,
  counted: readonly Status[],
  townships: readonly string[],
  params: RangeParams,
): MonthItemRow[] {
  return db.prepare(purchaseMonthItemSql(counted, townships)).all(params) as MonthItemRow[];
}

export function scrapMonthItems(
  db: Database,
  counted: readonly Status[],
  townships: readonly string[],
  params: RangeParams,
): MonthItemRow[] {
  return db.prepare(scrapMonthItemSql(counted, townships)).all(params) as MonthItemRow[];
}

/** Every statement the progress methods and the report run, by name, for the plan checks and the benchmark. */
export function progressStatements(counted: readonly Status[], townships: readonly string[]): { name: string; sql: string }[] {
  return [
    { name: 'purchase totals', sql: PURCHASE_TOTALS_SQL },
    { name: 'scrap totals', sql: SCRAP_TOTALS_SQL },
    { name: 'purchase month/item', sql: purchaseMonthItemSql(counted, townships) },
    { name: 'scrap month/item', sql: scrapMonthItemSql(counted, townships) },
    { name: 'report purchases', sql: iterateSql('purchases', counted, townships) },
    { name: 'report scraps', sql: iterateSql('scraps', counted, townships) },
  ];
}

/** EXPLAIN QUERY PLAN details of a statement, for the plan checks. */
export function queryPlan(db: Database, sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

const FARMER_PART =
  'f.name AS f_name, f.id_number AS f_id_number, f.phone AS f_phone, f.township_code AS f_township_code, f.village AS f_village';

function iterateSql(table: 'purchases' | 'scraps', counted: readonly Status[], townships: readonly string[]): string {
  const [t, date, extra] = table === 'purchases' ? ['p', 'purchase_date', ''] : ['s', 'handover_date', `, ${RENEWED} AS renewed`];
  return `SELECT ${t}.*, ${FARMER_PART}${extra}
    FROM ${table} ${t} CROSS JOIN farmers f
    WHERE ${t}.status IN (${inList(counted)}) AND ${t}.${date} >= @start AND ${t}.${date} < @end AND ${t}.voided_at IS NULL
      AND ${t}.buyer_township_code IN (${codeList(townships)}) AND f.id = ${t}.farmer_id
    ORDER BY ${t}.${date}, ${t}.id`;
}

/** Counted records of a year in the given townships, one at a time, for the report's ledger sheets (with the buyer's columns). */
export function iterateCountedPurchases(db: Database, counted: readonly Status[], townships: readonly string[], range: RangeParams) {
  return db.prepare(iterateSql('purchases', counted, townships)).iterate(range) as IterableIterator<CountedPurchase>;
}

export function iterateCountedScraps(db: Database, counted: readonly Status[], townships: readonly string[], range: RangeParams) {
  return db.prepare(iterateSql('scraps', counted, townships)).iterate(range) as IterableIterator<CountedScrap>;
}

interface FarmerPart {
  farmer_id: string;
  f_name: string;
  f_id_number: string;
  f_phone: string;
  f_township_code: string;
  f_village: string;
}

export type CountedPurchase = FarmerPart & {
  id: string;
  item: string;
  band_label: string;
  maker: string;
  model: string;
  factory_no: string;
  purchase_date: string;
  price_fen: number;
  purchase_fen: number;
  scrap_part_fen: number;
  total_fen: number;
  terminal_kind: 'none' | 'beidou' | 'monitor';
  status: Status;
};

export type CountedScrap = FarmerPart & {
  id: string;
  item: string;
  band_label: string;
  maker: string;
  model: string;
  handover_date: string;
  scrap_fen: number;
  renewed: number;
  status: Status;
};
