import { cappedTotal } from './keyset';

/**
 * A dense text query's total without reading every row its other filters keep (issue 16): a text most rows
 * match (a maker on every machine, a common surname) is checked on the filter's first COUNT_BUDGET + 1
 * entries only. When the filter keeps no more than that, the count is exact; when it keeps more and the text
 * matched at least DENSE_MATCHES of them, the total is that many as a lower bound (`totalCapped`, the page
 * says "至少 … 条"); otherwise the text is rare among them and the caller counts exactly, as before.
 * The rows of a page never depend on this: only the total does.
 */
export const COUNT_BUDGET = 1_000;

/** Matches in the sample (1 % of it) that make a lower bound worth showing; the sort walk finds a page quickly. */
export const DENSE_MATCHES = COUNT_BUDGET / 100;

export interface TextSample {
  entries: number;
  matches: number;
  /** The matching rows' ids as a JSON array (when the sample is the whole filter, its rows to sort). */
  ids: string;
}

/**
 * The sample's SQL: `entries` is how many rows the filter yielded (at most budget + 1), `matches` how many of
 * them the text term holds and `ids` their `idExpr`. `inner` selects the filter's rows (alias s for the outer
 * query), `join` brings the columns the text term reads.
 */
export function textSampleSql(inner: string, join: string, textTerm: string, idExpr: string, budget = COUNT_BUDGET): string {
  return `SELECT count(*) AS entries, coalesce(sum(_m), 0) AS matches, json_group_array(_id) FILTER (WHERE _m) AS ids
    FROM (SELECT ${idExpr} AS _id, CASE WHEN ${textTerm} THEN 1 ELSE 0 END AS _m FROM (${inner} LIMIT ${budget + 1}) s ${join})`;
}

/** The total a sample gives: exact, a lower bound, or null (count exactly). */
export function sampledTotal(s: TextSample, budget = COUNT_BUDGET): { total: number; totalCapped: boolean } | null {
  if (s.entries <= budget) return cappedTotal(s.matches);
  if (s.matches >= DENSE_MATCHES) return { total: s.matches, totalCapped: true };
  return null;
}
