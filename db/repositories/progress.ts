import type { Database } from 'better-sqlite3';
import { COUNTED_STATUSES, type Status } from '../../shared/domain/workflow';
import { wholeYear, yearTotalsParams, yearTotalsStatements } from './progress-year-totals';

/**
 * The progress facts of one year, in two shapes, each one walk per table over a covering index in the
 * GROUP BY's order (*_progress_groups / *_progress_months, migration 021). The buyer's township is the row's trigger-kept copy
 * (buyer_township_code), so there is no join. Verified-or-later rows are read (funds committed counts them
 * all); which of them count toward targets is the counting rule's business, applied by the service.
 * A calendar year's purchase totals come from the trigger-kept year table instead (migration 022,
 * progress-year-totals.ts); the index walk stays for the held records and any other range.
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

/**
 * Every buyer township on file, by a skip-scan of the table's progress_groups index (one seek per township,
 * a few hundred at most), so the totals can walk that index township by township in GROUP BY order.
 */
const towns = (table: 'purchases' | 'scraps') => `towns(code) AS (
    SELECT min(buyer_township_code) FROM ${table}
    UNION ALL SELECT (SELECT min(buyer_township_code) FROM ${table} WHERE buyer_township_code > towns.code) FROM towns WHERE towns.code IS NOT NULL)`;

/** Every terminal kind (the column is NOT NULL and CHECKed to these): a tautology that lets the walk seek past it to the date. */
const TERMINALS = "'none', 'beidou', 'monitor'";

/**
 * One scope's totals from the progress_groups index (migration 021): township, status and terminal are
 * equalities (IN lists), the year a range inside each group, so the rows stream out in GROUP BY order with
 * no temporary B-tree. `township` is the scope term.
 */
const purchaseTotalsOf = (township: string) => `SELECT p.buyer_township_code AS township, p.status AS status, p.terminal_kind AS terminal, count(*) AS n,
    sum(p.purchase_fen) AS purchase_fen, sum(p.scrap_part_fen) AS scrap_fen, max(p.purchase_date) AS last_date,
    sum(p.purchase_date >= @recentFrom) AS recent
  FROM purchases p INDEXED BY purchases_progress_groups
  WHERE p.status IN (${READ}) AND ${township} AND p.terminal_kind IN (${TERMINALS})
    AND p.purchase_date >= @start AND p.purchase_date < @end AND p.voided_at IS NULL
  GROUP BY p.buyer_township_code, p.status, p.terminal_kind`;

const scrapTotalsOf = (township: string) => `SELECT s.buyer_township_code AS township, s.status AS status, 'none' AS terminal, count(*) AS n,
    0 AS purchase_fen, sum(CASE WHEN ${RENEWED} THEN 0 ELSE s.scrap_fen END) AS scrap_fen, max(s.handover_date) AS last_date,
    sum(s.handover_date >= @recentFrom) AS recent
  FROM scraps s INDEXED BY scraps_progress_groups
  WHERE s.status IN (${READ}) AND ${township}
    AND s.handover_date >= @start AND s.handover_date < @end AND s.voided_at IS NULL
  GROUP BY s.buyer_township_code, s.status`;

/** Every township on file, then the rows whose buyer is missing (township null), each part in index order. */
const allTownships = (table: 'purchases' | 'scraps', of: (township: string) => string, alias: 'p' | 's') =>
  `WITH RECURSIVE ${towns(table)}
  ${of(`${alias}.buyer_township_code IN (SELECT code FROM towns)`)}
  UNION ALL
  ${of(`${alias}.buyer_township_code IS NULL`)}`;

/** The county's purchase totals (every buyer township, and buyers missing from the file). */
export const PURCHASE_TOTALS_SQL = allTownships('purchases', purchaseTotalsOf, 'p');
/** One township's purchase totals (@township). */
export const PURCHASE_TOWNSHIP_TOTALS_SQL = purchaseTotalsOf('p.buyer_township_code = @township');
export const SCRAP_TOTALS_SQL = allTownships('scraps', scrapTotalsOf, 's');
export const SCRAP_TOWNSHIP_TOTALS_SQL = scrapTotalsOf('s.buyer_township_code = @township');

/** `township` null: every township (and buyers outside the county); a code: that township's rows only. */
export type TotalsParams = RangeParams & { recentFrom: string; township: string | null };

/** The statement of a scope: a township's own (an equality), or every township's. */
const purchaseTotalsSql = (params: TotalsParams) => (params.township === null ? PURCHASE_TOTALS_SQL : PURCHASE_TOWNSHIP_TOTALS_SQL);
const scrapTotalsSql = (params: TotalsParams) => (params.township === null ? SCRAP_TOTALS_SQL : SCRAP_TOWNSHIP_TOTALS_SQL);

const YEAR_TOTALS = yearTotalsStatements(COUNTED_STATUSES);

/** The year's purchase totals: from the year table (022) for a calendar year, as the progress methods ask; else the index walk. */
export function purchaseTotals(db: Database, params: TotalsParams): TotalsRow[] {
  const year = wholeYear(params);
  if (year === null) return db.prepare(purchaseTotalsSql(params)).all(params) as TotalsRow[];
  const sql = params.township === null ? YEAR_TOTALS.county : YEAR_TOTALS.township;
  return db.prepare(sql).all(yearTotalsParams(params, year)) as TotalsRow[];
}

export function scrapTotals(db: Database, params: TotalsParams): TotalsRow[] {
  return db.prepare(scrapTotalsSql(params)).all(params) as TotalsRow[];
}

/**
 * The same totals over the held (待核查) records only, by primary key from a JSON array @held: the caller
 * takes them off the totals, so the totals' own statements stay on their covering indexes. The held
 * statement is free to pick its own index (the primary key), so the INDEXED BY is taken off.
 */
function onlyHeld(sql: string, alias: 'p' | 's'): string {
  const where = `WHERE ${alias}.status IN`;
  if (!sql.includes(where)) throw new Error('progress statement without its status filter');
  return sql
    .replaceAll(/ INDEXED BY \w+/g, '')
    .replaceAll(where, `WHERE ${alias}.id IN (SELECT value FROM json_each(@held)) AND ${alias}.status IN`);
}

export function heldPurchaseTotals(db: Database, params: TotalsParams & { held: string }): TotalsRow[] {
  return db.prepare(onlyHeld(purchaseTotalsSql(params), 'p')).all(params) as TotalsRow[];
}

export function heldScrapTotals(db: Database, params: TotalsParams & { held: string }): TotalsRow[] {
  return db.prepare(onlyHeld(scrapTotalsSql(params), 's')).all(params) as TotalsRow[];
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

/**
 * Month, item and terminal counts from the progress_months index (migration 021), whose leading column is the
 * year-month: the range on it (a superset of the date range, which is checked too) walks the months in order,
 * so the groups stream out with no temporary B-tree. The range is one calendar year (yearRange), so each
 * year-month is one month.
 */
export function purchaseMonthItemSql(counted: readonly Status[], townships: readonly string[]): string {
  return `SELECT substr(substr(p.purchase_date, 1, 7), 6, 2) AS month, p.item AS item, p.terminal_kind AS terminal, count(*) AS n
    FROM purchases p INDEXED BY purchases_progress_months
    WHERE p.status IN (${inList(counted)})
      AND substr(p.purchase_date, 1, 7) >= substr(@start, 1, 7) AND substr(p.purchase_date, 1, 7) <= substr(@end, 1, 7) AND p.purchase_date >= @start AND p.purchase_date < @end AND p.voided_at IS NULL
      AND p.buyer_township_code IN (${codeList(townships)})
    GROUP BY substr(p.purchase_date, 1, 7), p.item, p.terminal_kind`;
}

export function scrapMonthItemSql(counted: readonly Status[], townships: readonly string[]): string {
  return `SELECT substr(substr(s.handover_date, 1, 7), 6, 2) AS month, s.item AS item, 'none' AS terminal, count(*) AS n
    FROM scraps s INDEXED BY scraps_progress_months
    WHERE s.status IN (${inList(counted)})
      AND substr(s.handover_date, 1, 7) >= substr(@start, 1, 7) AND substr(s.handover_date, 1, 7) <= substr(@end, 1, 7) AND s.handover_date >= @start AND s.handover_date < @end AND s.voided_at IS NULL
      AND s.buyer_township_code IN (${codeList(townships)})
    GROUP BY substr(s.handover_date, 1, 7), s.item`;
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
    { name: 'purchase totals from year totals', sql: YEAR_TOTALS.county },
    { name: 'purchase totals of a township from year totals', sql: YEAR_TOTALS.township },
    { name: 'purchase totals by index walk (held records, other ranges)', sql: PURCHASE_TOTALS_SQL },
    { name: 'purchase totals of a township by index walk', sql: PURCHASE_TOWNSHIP_TOTALS_SQL },
    { name: 'scrap totals', sql: SCRAP_TOTALS_SQL },
    { name: 'scrap totals of a township', sql: SCRAP_TOWNSHIP_TOTALS_SQL },
    { name: 'purchase month/item', sql: purchaseMonthItemSql(counted, townships) },
    { name: 'scrap month/item', sql: scrapMonthItemSql(counted, townships) },
    { name: 'report purchases', sql: chunkSql('purchases', counted, townships) },
    { name: 'report scraps', sql: chunkSql('scraps', counted, townships) },
  ];
}

/** EXPLAIN QUERY PLAN details of a statement, for the plan checks. */
export function queryPlan(db: Database, sql: string, params: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

const FARMER_PART =
  'f.name AS f_name, f.id_number AS f_id_number, f.phone AS f_phone, f.township_code AS f_township_code, f.village AS f_village';

/**
 * The report's ledger rows, a chunk at a time after a keyset (date, id), in the order of the date index that
 * holds both (016's ledger date index): each chunk is a seek and a short walk, never a sort of the rest of
 * the year. The other terms are kept off the indexes (unary +) so no other index, whose order would need a
 * temporary B-tree per chunk, looks cheaper. A scrap's date key is the index's expression, which is its
 * handover date here (the report takes only scraps handed over within the year); the expression index takes
 * no row-value bound, so its walk also starts at the chunk's date.
 */
function chunkSql(table: 'purchases' | 'scraps', counted: readonly Status[], townships: readonly string[]): string {
  const scraps = table === 'scraps';
  const t = scraps ? 's' : 'p';
  const key = scraps ? `COALESCE(s.handover_date, substr(s.created_at, 1, 10))` : 'p.purchase_date';
  const dated = scraps ? ` AND ${key} >= @afterDate AND +s.handover_date >= @start AND +s.handover_date < @end` : ` AND ${key} >= @start`;
  return `SELECT ${t}.*, ${FARMER_PART}${scraps ? `, ${RENEWED} AS renewed` : ''}
    FROM ${table} ${t} CROSS JOIN farmers f
    WHERE (${key}, ${t}.id) > (@afterDate, @afterId) AND ${key} < @end${dated}
      AND +${t}.status IN (${inList(counted)}) AND ${t}.voided_at IS NULL
      AND +${t}.buyer_township_code IN (${codeList(townships)}) AND f.id = ${t}.farmer_id
    ORDER BY ${key}, ${t}.id
    LIMIT @limit`;
}

/** Where the next chunk of the report's ledger starts: after the last row's date and id (the year's start at first). */
export interface CountedKey {
  afterDate: string;
  afterId: string;
}

/** Counted records of a year in the given townships, with the buyer's columns, for the report's ledger sheets. */
export function countedChunk(db: Database, table: 'purchases', ...args: ChunkArgs): CountedPurchase[];
export function countedChunk(db: Database, table: 'scraps', ...args: ChunkArgs): CountedScrap[];
export function countedChunk(db: Database, table: 'purchases' | 'scraps', ...[counted, townships, range, after, limit]: ChunkArgs) {
  const key = after ?? { afterDate: range.start, afterId: '' };
  return db.prepare(chunkSql(table, counted, townships)).all({ ...range, ...key, limit });
}

type ChunkArgs = [counted: readonly Status[], townships: readonly string[], range: RangeParams, after: CountedKey | null, limit: number];

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
