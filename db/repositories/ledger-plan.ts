import type { Database } from 'better-sqlite3';
import { cappedTotal, keysetPage, TOTAL_CAP, type PageRequest } from './keyset';
import { pageStatements, type LedgerPage } from './ledger-page';
import { ledgerCountFrom, ledgerFrom, type LedgerSql } from './ledger-query';
import { withCandidates } from './ledger-text';
import { COUNT_BUDGET, sampledTotal, textSampleSql, type TextSample } from './bounded-count';

/**
 * A filter matching at most this many rows is read by sorting its rows (found through the filter indexes of
 * migration 019); one matching more walks the sort's index, which carries the filter's columns, so a page
 * reads about 20 × (rows in the table / matches) index entries and only its own rows from the table.
 * Both stay within a few thousand index entries or rows at the crossover (measured in db/bench/scale.bench.ts).
 */
export const SPARSE_CAP = 1_500;

export type LedgerTable = 'purchases' | 'scraps';

/**
 * The rowids a filter matches, at most TOTAL_CAP + 1 of them, read from whichever filter index narrows it
 * (migration 019: township, item or status first, the year as a range after them). Their number is the
 * page's capped total.
 */
export function filterRowidsSql(table: LedgerTable, sql: LedgerSql): string {
  const terms = sql.countTerms;
  return `SELECT t.rowid ${ledgerCountFrom(table, sql)} ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''} LIMIT ${TOTAL_CAP + 1}`;
}

/**
 * A text query's total checked on the filter's first rows only (bounded-count.ts): the filter's rowids from
 * its count index, the text term on their rows. The statement is exported for the query-plan tests.
 */
export function textSampleStatement(table: LedgerTable, sql: LedgerSql, budget = COUNT_BUDGET): string {
  const others = sql.countTerms.filter((t) => t !== sql.textCount);
  const inner = `SELECT t.rowid AS r ${ledgerCountFrom(table, sql)} ${others.length ? `WHERE ${others.join(' AND ')}` : ''}`;
  return textSampleSql(inner, `CROSS JOIN ${table} t ON t.rowid = s.r`, sql.textCount as string, 's.r', budget);
}

const textSample = (db: Database, table: LedgerTable, sql: LedgerSql, budget: number): TextSample =>
  db.prepare(textSampleStatement(table, sql, budget)).get(sql.params) as TextSample;

/**
 * The rowids of one page among candidate rows, in page order: the filter, the keyset and the sort applied to
 * the candidates alone, reading only the columns that decide the order (no result columns, no subqueries).
 */
function pageRowids(db: Database, table: LedgerTable, sql: LedgerSql, page: PageRequest): number[] {
  // the buyers are joined only when the sort or the text reads them
  const from = [...sql.terms, ...sql.order.exprs].some((e) => /\bf\./.test(e)) ? ledgerFrom(table, sql) : ledgerCountFrom(table, sql);
  const st = pageStatements('SELECT t.rowid AS _r', from, sql, page);
  return (db.prepare(st.list).all(st.listParams) as { _r: number }[]).map((r) => r._r);
}

/**
 * One ledger page and its capped total, as purchases.list / scraps.list answer it. The rows are exactly
 * those of the one ORDER BY … LIMIT query over the whole filter (tests/db/ledger-filters.test.ts,
 * ledger-text.test.ts and ledger-scale.test.ts compare them with the old query).
 * - Text with candidate rows (ledger-text.ts): the candidates are sorted, then the page's rows read.
 * - Otherwise (no text, or a text too common to list): the filter's matches are counted first from a filter
 *   index (text checked on each); at most `sparseCap` of them are sorted the same way; more walk the sort index.
 */
export function plannedLedgerPage<T extends object>(
  db: Database,
  table: LedgerTable,
  select: string,
  sql: LedgerSql,
  page: PageRequest,
  /** Tests pass 0 or Infinity to read every filter by one plan or the other. */
  sparseCap = SPARSE_CAP,
  /** Filter rows a dense text is checked on for its total (bounded-count.ts); tests pass a small one. */
  countBudget = COUNT_BUDGET,
): LedgerPage<T> {
  let total: { total: number; totalCapped: boolean };
  let planned = sql;
  if (sql.candidates) {
    const st = pageStatements(select, ledgerFrom(table, sql), sql, page, ledgerCountFrom(table, sql));
    total = cappedTotal((db.prepare(st.count).get(st.countParams) as { n: number }).n);
  } else {
    // a text query: its total sampled over the filter's first rows (exact when they are all of them)
    const sample = sql.textCount ? textSample(db, table, sql, countBudget) : null;
    const sampled = sample && sampledTotal(sample, countBudget);
    if (sample && sampled && !sampled.totalCapped) {
      total = sampled;
      if (sampled.total <= sparseCap) planned = withCandidates(sql, JSON.parse(sample.ids) as number[]);
    } else if (sampled) {
      total = sampled; // a lower bound: the text is dense, the sort index walked finds a page quickly
    } else {
      // counted inside SQLite (10,001 rowids handed to JS cost more than the count); read when few
      const n = db.prepare(`SELECT count(*) FROM (${filterRowidsSql(table, sql)})`).pluck().get(sql.params) as number;
      total = cappedTotal(n);
      if (n <= sparseCap) planned = withCandidates(sql, db.prepare(filterRowidsSql(table, sql)).pluck().all(sql.params) as number[]);
    }
  }
  if (!planned.candidates) {
    const st = pageStatements(select, ledgerFrom(table, planned), planned, page);
    const { rows, next, prev } = keysetPage(db.prepare(st.list).all(st.listParams) as T[], planned.order, page);
    return { rows, ...total, next, prev };
  }
  // the page's rowids (a sort of the candidates' keys), then its rows with every column: the same query on
  // the page's own rows, so the keyset, the order and the one extra row read ahead are unchanged
  const own = withCandidates(sql, pageRowids(db, table, planned, page));
  const st = pageStatements(select, ledgerFrom(table, own), own, { ...page, offset: 0 });
  const { rows, next, prev } = keysetPage(db.prepare(st.list).all(st.listParams) as T[], own.order, page);
  return { rows, ...total, next, prev };
}
