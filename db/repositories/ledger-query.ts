import { STATUSES } from '../../shared/domain/workflow';
import type { KeysetOrder } from './keyset';

/** WHERE/ORDER BY for the scrap and purchase ledgers (台账): the same filters, each table's own date column. */
export interface LedgerFilter {
  year?: number;
  farmerId?: string;
  townshipCode?: string;
  status?: string;
  item?: string;
  q: string;
  includeVoided: boolean;
  sortBy: 'date' | 'createdAt' | 'amount' | 'farmer';
  sortOrder: 'asc' | 'desc';
}

export interface LedgerSql {
  /** The filter's WHERE terms (AND-ed); `where` is them as a clause. */
  terms: string[];
  /** The same filter for counting, written so SQLite may count in a covering index (no sort to serve). */
  countTerms: string[];
  /** The text's term among countTerms (a dense text's total is sampled, see bounded-count.ts). */
  textCount?: string;
  where: string;
  orderBy: string;
  order: KeysetOrder;
  params: Record<string, unknown>;
  /** Sorting by buyer: walk farmers in pinyin order and each one's rows (SQLite left alone would sort them all). */
  farmersFirst: boolean;
  /** Read only the rows of @_candidates (a JSON array of rowids, see ledger-text.ts), then sort them. */
  candidates?: boolean;
  /** The filters given, which choose the index the count reads (countIndex). */
  narrow: { farmer: boolean; township: boolean; item: boolean; status: boolean; year: boolean };
}

/**
 * The index a ledger's count (and its rowids, see ledger-plan.ts) reads: the one whose leading columns are
 * the filter's equalities (migration 019), so at most the matching rows' entries are read, none from the
 * table. With no status filter the count's `status IN (every status)` (a tautology, see ledgerSql) lets the
 * township and item indexes seek past their status column to the item or year.
 */
export function countIndex(table: string, sql: LedgerSql): string {
  const n = sql.narrow;
  if (n.farmer) return `${table}_ledger_farmer_id`;
  if (n.township) return `${table}_ledger_township`;
  if (n.item) return `${table}_ledger_item`;
  // purchases_progress leads with (status, purchase_date); scraps_progress holds the handover date, not the
  // ledger's date expression, so a scrap year is a range of the date index (status checked inside it)
  if (n.status && (table === 'purchases' || !n.year)) return `${table}_progress`;
  if (n.year) return `${table}_ledger_date`;
  return `${table}_ledger_created`;
}

/** The candidate rows first, in the order SQLite must join them (it cannot know the list is short). */
const CANDIDATES = (table: string) => `FROM json_each(@_candidates) _c CROSS JOIN ${table} t ON t.rowid = _c.value`;

/** FROM for counting a ledger's rows: without the buyers when no filter term reads them. */
export function ledgerCountFrom(table: string, sql: LedgerSql): string {
  // the count's terms read the buyer only through EXISTS (ledgerSql): no join
  if (sql.candidates) return CANDIDATES(table);
  return `FROM ${table} t INDEXED BY ${countIndex(table, sql)}`;
}

/** FROM for a ledger of `table` (alias t) with its buyers (alias f), in the join order the sort needs. */
export function ledgerFrom(table: string, sql: LedgerSql): string {
  if (sql.candidates) return `${CANDIDATES(table)} JOIN farmers f ON f.id = t.farmer_id`;
  return sql.farmersFirst
    ? `FROM farmers f CROSS JOIN ${table} t INDEXED BY ${table}_ledger_farmer_id ON f.id = t.farmer_id`
    : `FROM ${table} t JOIN farmers f ON f.id = t.farmer_id`;
}

/** A ledger's free text as its terms read it (null when empty). */
export function ledgerText(input: string) {
  const raw = input.normalize('NFKC').trim();
  if (!raw) return null;
  const upper = raw.replace(/[\s\-_/.·]/g, '').toUpperCase();
  return {
    /** The text itself, and escaped for LIKE. */
    raw,
    text: raw.replace(/[\\%_]/g, (c) => `\\${c}`),
    /** Machine numbers compare without separators, upper case. */
    upper: upper.replace(/[*?[\]]/g, ''),
    lower: raw.toLowerCase(),
    rev: [...upper].reverse().join(''),
    /** Letters only: also a pinyin or initials prefix. */
    letters: /^[a-z]+$/i.test(raw),
    /** Four digits or more (an X last): also the tail of an ID number. */
    idTail: /^\d{4,}X?$/i.test(upper),
  };
}

/**
 * `t` is the application table's alias, `f` the joined farmers; `dateExpr` the column a year filters on,
 * `amountExpr` the money column to sort by, `numberCols` the machine numbers free text may match.
 */
export function ledgerSql(filter: LedgerFilter, dateExpr: string, amountExpr: string, numberCols: string[]): LedgerSql {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.year && filter.sortBy === 'date') {
    // a range of the date index that also orders the page
    parts.push(`${dateExpr} >= @yearStart AND ${dateExpr} < @yearEnd`);
    params.yearStart = `${filter.year}-01-01`;
    params.yearEnd = `${filter.year + 1}-01-01`;
  } else if (filter.year) {
    // the same rows (dates are YYYY-MM-DD), written as the (year, sort) indexes of migration 011 spell it
    parts.push(`substr(${dateExpr}, 1, 4) = @yearText`);
    params.yearText = String(filter.year);
  }
  if (filter.farmerId) {
    parts.push('t.farmer_id = @farmerId');
    params.farmerId = filter.farmerId;
  }
  if (filter.townshipCode) {
    // the buyer's township as each application carries it (kept equal to the farmer's by migration 005's triggers)
    parts.push('+t.buyer_township_code = @townshipCode');
    params.townshipCode = filter.townshipCode;
  }
  // `+` keeps SQLite from choosing a township/status/item index and sorting: the sort's index drives, filters
  // sift inside it (migration 019); the count reads them without `+` (countTerms), from the filter indexes
  if (filter.status) {
    parts.push('+t.status = @status');
    params.status = filter.status;
  } else if (!filter.includeVoided) {
    parts.push('t.voided_at IS NULL');
  }
  if (filter.item) {
    parts.push('+t.item = @item');
    params.item = filter.item;
  }
  const q = ledgerText(filter.q);
  let textCount: string | undefined;
  if (q) {
    const any = [
      "f.name LIKE '%' || @qText || '%' ESCAPE '\\'",
      "t.model LIKE '%' || @qText || '%' ESCAPE '\\'",
      "t.maker LIKE '%' || @qText || '%' ESCAPE '\\'",
      ...numberCols.map((c) => `t.${c} GLOB '*' || @qUpper || '*'`),
    ];
    if (q.letters) any.push("f.name_initials GLOB @qLower || '*'", "f.name_pinyin GLOB @qLower || '*'");
    if (q.idTail) any.push("f.id_number_rev GLOB @qRev || '*'");
    parts.push(`(${any.join(' OR ')})`);
    Object.assign(params, { qText: q.text, qUpper: q.upper, qLower: q.lower, qRev: q.rev });
    // the count checks the application's own columns first and reads its buyer only when they fail
    // (the buyer always exists: farmer_id is a foreign key), so a text most rows match counts without a join
    const own = any.filter((a) => a.startsWith('t.'));
    const buyer = any.filter((a) => a.startsWith('f.')).map((a) => a.replace(/^f\./, 'fx.'));
    textCount = `(${[...own, `EXISTS (SELECT 1 FROM farmers fx WHERE fx.id = t.farmer_id AND (${buyer.join(' OR ')}))`].join(' OR ')})`;
  }
  const exprs = {
    date: [dateExpr, 't.id'],
    createdAt: ['t.created_at', 't.id'],
    amount: [amountExpr, 't.id'],
    // one buyer's rows together (walks farmers in pinyin order, then each one's rows by id)
    farmer: ['f.name_pinyin', 'f.id', 't.id'],
  }[filter.sortBy];
  const dir = filter.sortOrder === 'asc' ? 'ASC' : 'DESC';
  const farmersFirst = filter.sortBy === 'farmer' && !filter.farmerId;
  const listTerms = [...parts];
  // walking buyers in pinyin order, only the township's buyers (farmers_ledger_township, migration 019): every
  // application's buyer_township_code is its buyer's township_code (migration 005's triggers), so the rows
  // are the same; the count reads the applications alone and leaves this term out
  if (farmersFirst && filter.townshipCode) listTerms.push('f.township_code = @townshipCode');
  const countTerms = parts.map((p) =>
    p.startsWith('(') && textCount
      ? textCount
      : p.replace(/^\+t\./, 't.').replace(/^substr\((.+), 1, 4\) = @yearText$/, '$1 >= @yearStart AND $1 < @yearEnd'),
  );
  // every row has one of these (a NOT NULL column with this CHECK): the count's indexes seek each status
  if (!filter.status) countTerms.push(`t.status IN (${STATUSES.map((st) => `'${st}'`).join(', ')})`);
  if (filter.year) {
    params.yearStart = `${filter.year}-01-01`;
    params.yearEnd = `${filter.year + 1}-01-01`;
  }
  return {
    terms: listTerms,
    countTerms,
    textCount,
    where: listTerms.length ? `WHERE ${listTerms.join(' AND ')}` : '',
    orderBy: `ORDER BY ${exprs.map((e) => `${e} ${dir}`).join(', ')}`,
    order: { exprs, dir },
    params,
    farmersFirst,
    narrow: {
      farmer: !!filter.farmerId,
      township: !!filter.townshipCode,
      item: !!filter.item,
      status: !!filter.status,
      year: !!filter.year,
    },
  };
}

/** The farmer columns a ledger row carries for its masked summary. */
export const FARMER_COLUMNS =
  'f.name AS f_name, f.id_number AS f_id_number, f.phone AS f_phone, f.township_code AS f_township_code, f.village AS f_village';

export interface FarmerColumns {
  farmer_id: string;
  f_name: string;
  f_id_number: string;
  f_phone: string;
  f_township_code: string;
  f_village: string;
}
