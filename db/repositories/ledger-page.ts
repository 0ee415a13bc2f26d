import type { Database } from 'better-sqlite3';
import { cappedCountSql, cappedTotal, keysetPage, keysetSql, type CursorKey, type PageRequest } from './keyset';
import type { LedgerSql } from './ledger-query';

export interface LedgerPage<T> {
  rows: T[];
  /** Exact up to TOTAL_CAP; above it `totalCapped` and total = TOTAL_CAP. */
  total: number;
  totalCapped: boolean;
  next: CursorKey | null;
  prev: CursorKey | null;
}

/** One page of `SELECT … FROM … WHERE filter ORDER BY sort`, by offset or keyset, with a capped total. */
export function ledgerPage<T extends object>(
  db: Database,
  select: string,
  from: string,
  sql: Pick<LedgerSql, 'terms' | 'order' | 'params'>,
  page: PageRequest,
): LedgerPage<T> {
  const k = keysetSql(sql.order, page);
  const terms = [...sql.terms, ...k.terms];
  const where = terms.length ? `WHERE ${terms.join(' AND ')}` : '';
  const rows = db
    .prepare(`${select}, ${k.select} ${from} ${where} ${k.orderBy} ${k.limitOffset}`)
    .all({ ...sql.params, ...k.params }) as T[];
  const filterWhere = sql.terms.length ? `WHERE ${sql.terms.join(' AND ')}` : '';
  const { n } = db.prepare(cappedCountSql(`${from} ${filterWhere}`)).get(sql.params) as { n: number };
  const { rows: kept, next, prev } = keysetPage(rows, sql.order, page);
  return { rows: kept, ...cappedTotal(n), next, prev };
}
