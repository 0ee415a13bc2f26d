import type { Database } from 'better-sqlite3';
import { cappedCountSql, cappedTotal, keysetPage, keysetSql, type CursorKey, type KeysetOrder, type PageRequest } from './keyset';

export interface LedgerPage<T> {
  rows: T[];
  /** Exact up to TOTAL_CAP; above it `totalCapped` and total = TOTAL_CAP. */
  total: number;
  totalCapped: boolean;
  next: CursorKey | null;
  prev: CursorKey | null;
}

/** A filter as WHERE terms (AND-ed) with their parameters, and the sort. */
export interface FilterSql {
  terms: string[];
  /** The filter as the count reads it, when it differs (see LedgerSql.countTerms). */
  countTerms?: string[];
  order: KeysetOrder;
  params: Record<string, unknown>;
}

export interface PageStatements {
  list: string;
  listParams: Record<string, unknown>;
  count: string;
  countParams: Record<string, unknown>;
}

/** The two statements of a page (the query-plan tests read them too). */
export function pageStatements(select: string, from: string, sql: FilterSql, page: PageRequest, countFrom?: string): PageStatements {
  const k = keysetSql(sql.order, page);
  const terms = [...sql.terms, ...k.terms];
  const where = terms.length ? `WHERE ${terms.join(' AND ')}` : '';
  const countTerms = sql.countTerms ?? sql.terms;
  const filterWhere = countTerms.length ? `WHERE ${countTerms.join(' AND ')}` : '';
  return {
    list: `${select}, ${k.select} ${from} ${where} ${k.orderBy} ${k.limitOffset}`,
    listParams: { ...sql.params, ...k.params },
    // at most TOTAL_CAP + 1 matching rows are read, in whatever order is cheapest
    count: cappedCountSql(`${countFrom ?? from} ${filterWhere}`),
    countParams: sql.params,
  };
}

/** One page of `SELECT … FROM … WHERE filter ORDER BY sort`, by offset or keyset, with a capped total. */
export function ledgerPage<T extends object>(
  db: Database,
  select: string,
  from: string,
  sql: FilterSql,
  page: PageRequest,
  /** A cheaper FROM for counting when the filter does not need every join. */
  countFrom?: string,
  /** The total when the caller found it otherwise (a dense text's sample, bounded-count.ts): no count run. */
  known?: { total: number; totalCapped: boolean },
): LedgerPage<T> {
  const st = pageStatements(select, from, sql, page, countFrom);
  const rows = db.prepare(st.list).all(st.listParams) as T[];
  const total = known ?? cappedTotal((db.prepare(st.count).get(st.countParams) as { n: number }).n);
  const { rows: kept, next, prev } = keysetPage(rows, sql.order, page);
  return { rows: kept, ...total, next, prev };
}

/** Rows only, no count: an export reads a ledger in keyset chunks (no statement stays open between them). */
export function ledgerRows<T extends object>(
  db: Database,
  select: string,
  from: string,
  sql: FilterSql,
  page: PageRequest,
): { rows: T[]; next: CursorKey | null } {
  const st = pageStatements(select, from, sql, page);
  const { rows, next } = keysetPage(db.prepare(st.list).all(st.listParams) as T[], sql.order, page);
  return { rows, next };
}

/** The exact number of rows a filter matches (an export's progress total). */
export function ledgerCount(db: Database, countFrom: string, sql: FilterSql): number {
  const terms = sql.countTerms ?? sql.terms;
  const where = terms.length ? `WHERE ${terms.join(' AND ')}` : '';
  return (db.prepare(`SELECT count(*) AS n ${countFrom} ${where}`).get(sql.params) as { n: number }).n;
}
