/**
 * The purchases' year totals from purchase_year_totals (migration 022): per (year, township, status, terminal)
 * the trigger-kept count and amounts of live purchases, so a year's totals are a few hundred rows read in key
 * order instead of ~85,000 index entries summed. Two figures need the day, and each group reads them from
 * purchases_progress_groups (021) with seeks: its latest date (one entry, read backwards from the year's end)
 * and `recent`, the rows dated in the recent window (only the window's entries).
 * The result equals the index walk it replaces (PURCHASE_TOTALS_SQL) row for row; tests hold the two side by side.
 */
import type { TotalsParams } from './progress';

/** Statuses as SQL literals (the caller's known list). */
const literals = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ');

/** One group's live rows in the 021 index: township (null for a buyer missing from the file), status and terminal as in `y`. */
const GROUP_ROWS = `FROM purchases p INDEXED BY purchases_progress_groups
      WHERE p.buyer_township_code IS nullif(y.township, '') AND p.status = y.status AND p.terminal_kind = y.terminal
        AND p.purchase_date < @end AND p.voided_at IS NULL`;

function yearTotalsSql(read: readonly string[], scope: 'county' | 'township'): string {
  return `SELECT nullif(y.township, '') AS township, y.status AS status, y.terminal AS terminal, y.n AS n,
    y.purchase_fen AS purchase_fen, y.scrap_fen AS scrap_fen,
    (SELECT max(p.purchase_date) ${GROUP_ROWS} AND p.purchase_date >= @start) AS last_date,
    (SELECT count(*) ${GROUP_ROWS} AND p.purchase_date >= @recentStart) AS recent
  FROM purchase_year_totals y
  WHERE y.year = @year AND y.status IN (${literals(read)})${scope === 'township' ? ' AND y.township = @township' : ''} AND y.n > 0`;
}

export interface YearTotalsStatements {
  county: string;
  township: string;
}

export const yearTotalsStatements = (read: readonly string[]): YearTotalsStatements => ({
  county: yearTotalsSql(read, 'county'),
  township: yearTotalsSql(read, 'township'),
});

/** The range's calendar year when it is exactly one (as the progress methods ask), else null: the caller walks the index. */
export function wholeYear(params: { start: string; end: string }): string | null {
  const m = /^(\d{4})-01-01$/.exec(params.start);
  if (!m) return null;
  const year = m[1] as string;
  return params.end === `${String(Number(year) + 1).padStart(4, '0')}-01-01` ? year : null;
}

/** The bound parameters for one calendar year: the recent window starts no earlier than the year. */
export function yearTotalsParams(params: TotalsParams, year: string) {
  return { ...params, year, recentStart: params.recentFrom > params.start ? params.recentFrom : params.start };
}
