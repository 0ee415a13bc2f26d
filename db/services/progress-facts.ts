import { chinaDate } from '../../shared/domain/civil-date';
import { countedStatuses, type CountingStage } from '../../shared/domain/counting';
import { recentWindow } from '../../shared/domain/pace';
import { TOWNSHIPS } from '../../shared/domain/townships';
import type { ServiceContext } from '../context';
import {
  heldMonthItems,
  heldPurchaseTotals,
  heldScrapTotals,
  purchaseMonthItems,
  purchaseTotals,
  scrapMonthItems,
  scrapTotals,
  type MonthItemRow,
  type TotalsRow,
} from '../repositories/progress';
import { heldJson, heldRecords } from './progress-held';
import { getConfig } from './config';

/** Today in China (Guan County), YYYY-MM-DD, whatever the PC's zone. */
export function today(ctx: ServiceContext): string {
  return chinaDate(ctx.now());
}

export const currentYear = (ctx: ServiceContext): number => Number(today(ctx).slice(0, 4));

/** The year's township totals, read once per call; the counting rule is applied here, not in SQL. */
export interface YearFacts {
  year: number;
  asOf: string;
  stage: CountingStage;
  counted: ReadonlySet<string>;
  scraps: TotalsRow[];
  purchases: TotalsRow[];
  /** 待核查: records of open duplicate conflicts left out of the rows above (counted once, by the earliest). */
  held: { scraps: TotalsRow[]; purchases: TotalsRow[] };
}

const sameGroup = (a: { township: string | null; status: string; terminal: string }, b: typeof a) =>
  a.township === b.township && a.status === b.status && a.terminal === b.terminal;

/**
 * Totals with the held rows' machines taken off: a disputed record is not counted toward the targets,
 * but its money stays (paid money was paid, and committed money stays owed until the record is voided).
 * The latest date stays too: it is only the last activity.
 */
function minus(rows: TotalsRow[], held: TotalsRow[]): TotalsRow[] {
  if (!held.length) return rows;
  return rows
    .map((r) => {
      const h = held.find((x) => sameGroup(x, r));
      return h ? { ...r, n: r.n - h.n, recent: r.recent - h.recent } : r;
    })
    .filter((r) => r.n > 0 || r.purchase_fen !== 0 || r.scrap_fen !== 0);
}

function minusItems(rows: MonthItemRow[], held: MonthItemRow[]): MonthItemRow[] {
  if (!held.length) return rows;
  return rows
    .map((r) => {
      const h = held.find((x) => x.month === r.month && x.item === r.item && x.terminal === r.terminal);
      return h ? { ...r, n: r.n - h.n } : r;
    })
    .filter((r) => r.n > 0);
}

const yearRange = (year: number) => ({ start: `${year}-01-01`, end: `${year + 1}-01-01` });

/** Every township's totals, or (given a code) only that township's: the scan is the same, the sort much smaller. */
export function loadFacts(ctx: ServiceContext, year: number, townshipCode: string | null = null): YearFacts {
  const asOf = today(ctx);
  const stage = getConfig(ctx, 'progressCountingStage');
  const params = { ...yearRange(year), recentFrom: recentWindow(year, asOf).from, township: townshipCode };
  const held = heldRecords(ctx.db);
  const heldScraps = held.scraps.size ? heldScrapTotals(ctx.db, { ...params, held: heldJson(held.scraps) }) : [];
  const heldPurchases = held.purchases.size ? heldPurchaseTotals(ctx.db, { ...params, held: heldJson(held.purchases) }) : [];
  return {
    year,
    asOf,
    stage,
    counted: new Set(countedStatuses(stage)),
    scraps: minus(scrapTotals(ctx.db, params), heldScraps),
    purchases: minus(purchaseTotals(ctx.db, params), heldPurchases),
    held: { scraps: heldScraps, purchases: heldPurchases },
  };
}

export interface Tally {
  n: number;
  recent: number;
  last: string | null;
  beidou: number;
  monitor: number;
  committedPurchaseFen: number;
  committedScrapFen: number;
  paidPurchaseFen: number;
  paidScrapFen: number;
}

export const emptyTally = (): Tally => ({
  n: 0,
  recent: 0,
  last: null,
  beidou: 0,
  monitor: 0,
  committedPurchaseFen: 0,
  committedScrapFen: 0,
  paidPurchaseFen: 0,
  paidScrapFen: 0,
});

/**
 * Adds up total rows (those `keep` accepts): machines only in the counting rule's statuses; funds committed
 * over every verified-or-later row, funds paid over paid rows.
 */
export function tally(counted: ReadonlySet<string>, rows: readonly TotalsRow[], keep: (r: TotalsRow) => boolean = () => true): Tally {
  const t = emptyTally();
  for (const r of rows) {
    if (!keep(r)) continue;
    t.committedPurchaseFen += r.purchase_fen;
    t.committedScrapFen += r.scrap_fen;
    if (r.status === 'paid') {
      t.paidPurchaseFen += r.purchase_fen;
      t.paidScrapFen += r.scrap_fen;
    }
    if (!counted.has(r.status) || r.n <= 0) continue;
    t.n += r.n;
    t.recent += r.recent;
    if (!t.last || r.last_date > t.last) t.last = r.last_date;
    if (r.terminal === 'beidou') t.beidou += r.n;
    if (r.terminal === 'monitor') t.monitor += r.n;
  }
  return t;
}

const COUNTY_CODES = new Set<string>(TOWNSHIPS.map((t) => t.code));

export const isCountyTownship = (code: string): boolean => COUNTY_CODES.has(code);

export const inCounty = (r: { township: string | null }): boolean => r.township !== null && COUNTY_CODES.has(r.township);

/** Rows of the scope: one township, or every township of the county (buyers registered elsewhere are left out). */
export function scopeFilter(townshipCode: string | null): (r: { township: string | null }) => boolean {
  return townshipCode ? (r) => r.township === townshipCode : inCounty;
}

/** The township codes of a scope, for the queries that filter in SQL. */
export const scopeCodes = (townshipCode: string | null): string[] => (townshipCode ? [townshipCode] : [...COUNTY_CODES]);

/** Counted machines per township, for the township table and the split by last year's results. */
export function countsByTownship(facts: YearFacts, rows: readonly TotalsRow[]): Map<string, Tally> {
  const byCode = new Map<string, TotalsRow[]>();
  for (const r of rows) if (r.township) byCode.set(r.township, [...(byCode.get(r.township) ?? []), r]);
  return new Map(TOWNSHIPS.map((t) => [t.code as string, tally(facts.counted, byCode.get(t.code) ?? [])]));
}

/** Counted machines of the scope by month, item and terminal, for the charts. */
export function loadMonthItems(ctx: ServiceContext, facts: Pick<YearFacts, 'year' | 'stage'>, townshipCode: string | null) {
  const counted = countedStatuses(facts.stage);
  const codes = scopeCodes(townshipCode);
  const range = yearRange(facts.year);
  const held = heldRecords(ctx.db);
  const off = (table: 'scraps' | 'purchases') =>
    held[table].size ? heldMonthItems(ctx.db, table, counted, codes, { ...range, held: heldJson(held[table]) }) : [];
  return {
    scraps: minusItems(scrapMonthItems(ctx.db, counted, codes, range), off('scraps')),
    purchases: minusItems(purchaseMonthItems(ctx.db, counted, codes, range), off('purchases')),
  };
}
