/**
 * Keyset (cursor) paging: a page continues after the last row's sort key, or ends before the first row's,
 * so reaching page 5,000 costs what page 1 costs. The sort key ends in a unique column (the id), and every
 * ledger sort has an index on the same columns (migration 011), so SQLite seeks instead of counting rows.
 */

/** The sort key's values of one row, in ORDER BY order. */
export type CursorKey = (string | number | null)[];

export interface KeysetOrder {
  /** The ORDER BY expressions, the last one unique. */
  exprs: string[];
  dir: 'ASC' | 'DESC';
}

/** Either an offset (page numbers, kept for old callers) or a cursor to continue after/before. */
export interface PageRequest {
  limit: number;
  offset?: number;
  after?: CursorKey;
  before?: CursorKey;
}

export interface KeysetSql {
  /** Extra WHERE terms (joined with AND to the filter's); empty when paging by offset. */
  terms: string[];
  orderBy: string;
  select: string;
  params: Record<string, unknown>;
  /** Read `limit + 1` rows to know whether another page follows in the direction read. */
  limitOffset: string;
  backwards: boolean;
}

/** Totals above this are not counted: the UI says "超过 10,000 条". */
export const TOTAL_CAP = 10_000;

export function keysetSql(order: KeysetOrder, page: PageRequest): KeysetSql {
  const cursor = page.after ?? page.before;
  const backwards = !page.after && !!page.before;
  const forwardAsc = order.dir === 'ASC';
  const asc = backwards ? !forwardAsc : forwardAsc;
  const dir = asc ? 'ASC' : 'DESC';
  const select = order.exprs.map((e, i) => `${e} AS _k${i}`).join(', ');
  const orderBy = `ORDER BY ${order.exprs.map((e) => `${e} ${dir}`).join(', ')}`;
  const params: Record<string, unknown> = { _limit: page.limit + 1, _offset: cursor ? 0 : (page.offset ?? 0) };
  const terms: string[] = [];
  if (cursor) {
    if (cursor.length !== order.exprs.length) throw new Error('cursor does not fit the sort');
    cursor.forEach((v, i) => (params[`_c${i}`] = v));
    const cmp = asc ? '>' : '<';
    const marks = cursor.map((_, i) => `@_c${i}`).join(', ');
    terms.push(`(${order.exprs.join(', ')}) ${cmp} (${marks})`);
    // a row value within one table's index is a seek by itself; one spanning two tables (buyer sort) is not,
    // so the first column alone gives the outer table's seek there
    const tables = new Set(order.exprs.map((e) => /^(\w+)\./.exec(e)?.[1] ?? ''));
    if (tables.size > 1) terms.push(`${order.exprs[0]} ${cmp}= @_c0`);
  }
  return { terms, orderBy, select, params, limitOffset: 'LIMIT @_limit OFFSET @_offset', backwards };
}

type Keyed = Record<string, unknown>;

function keyOf(row: object, n: number): CursorKey {
  return Array.from({ length: n }, (_, i) => (row as Keyed)[`_k${i}`] as string | number | null);
}

/** Rows read with `keysetSql` in page order, and the cursors to the neighbouring pages (null at either end). */
export function keysetPage<T extends object>(
  rows: T[],
  order: KeysetOrder,
  page: PageRequest,
): { rows: T[]; next: CursorKey | null; prev: CursorKey | null } {
  const backwards = !page.after && !!page.before;
  const more = rows.length > page.limit;
  const kept = more ? rows.slice(0, page.limit) : rows;
  if (backwards) kept.reverse();
  const n = order.exprs.length;
  const first = kept[0];
  const last = kept.at(-1);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : !!page.after || (page.offset ?? 0) > 0;
  return {
    rows: kept,
    next: hasNext && last ? keyOf(last, n) : null,
    prev: hasPrev && first ? keyOf(first, n) : null,
  };
}

/** `SELECT count(*)` of a filter, stopping at TOTAL_CAP + 1 rows. */
export function cappedCountSql(fromWhere: string): string {
  return `SELECT count(*) AS n FROM (SELECT 1 ${fromWhere} LIMIT ${TOTAL_CAP + 1})`;
}

export function cappedTotal(n: number): { total: number; totalCapped: boolean } {
  return n > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/** Cursors travel to the renderer as opaque text. */
export function encodeCursor(key: CursorKey | null): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

/** Undefined for a cursor that is not one of ours (the service answers with a clear error). */
export function decodeCursor(text: string): CursorKey | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length < 1 || value.length > 4) return undefined;
    if (!value.every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return undefined;
    return value as CursorKey;
  } catch {
    return undefined;
  }
}
