import type { Database } from 'better-sqlite3';
import { TOTAL_CAP } from './keyset';
import { ledgerText, type LedgerFilter, type LedgerSql } from './ledger-query';

/**
 * The ledgers' free-text query (issue 16) without a scan: the rows it can match, found through indexes —
 * buyers by a piece of their name (farmer_name_grams, migration 017), pinyin/initials prefix and ID-number
 * tail (the farmers' indexes), then their rows (the ledger's farmer index); machine numbers, model and maker
 * through the trigram tables of migration 018. The set is a superset of the matches: the ledger query still
 * checks every term of the filter on each of them, so a page holds exactly the rows it held before.
 * When the set would pass CANDIDATE_CAP rows there is none: the matches are dense and the sort index,
 * walked with the filter, fills a page quickly.
 */
export const CANDIDATE_CAP = TOTAL_CAP;

/** Buyers read per query before giving up on candidates (each has a few rows). */
const FARMER_CAP = 4_000;

/**
 * The FTS5 query for the rows of a text table (migration 018) whose text may hold `text`: three characters or
 * more need all of their trigrams (the plain copy); the copy stored as \1a\1b\1 answers shorter ones, a
 * character as the trigram "\1a\1", two as "a\1b". Null for an empty text (it matches every row).
 */
function textQuery(text: string): string | null {
  const chars = Array.from(text);
  if (!chars.length) return null;
  const quote = (g: string) => `"${g.replace(/"/g, '""')}"`;
  if (chars.length === 1) return quote(`\u0001${chars[0] as string}\u0001`);
  if (chars.length === 2) return quote(`${chars[0] as string}\u0001${chars[1] as string}`);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams].map(quote).join(' AND ');
}

/** The buyers the text may name, or null when there are too many to be worth listing. */
function farmerCandidates(db: Database, q: ReturnType<typeof ledgerText> & object): string[] | null {
  const ids = new Set<string>();
  const add = (sql: string, params: unknown[]): boolean => {
    for (const id of db
      .prepare(sql)
      .pluck()
      .iterate(...params) as IterableIterator<string>) {
      ids.add(id);
      if (ids.size > FARMER_CAP) return false;
    }
    return true;
  };
  // a name holding the text holds its first one or two characters (ASCII lowercased, as LIKE and the grams fold)
  const first = Array.from(q.raw.replace(/[A-Z]/g, (c) => c.toLowerCase()))
    .slice(0, 2)
    .join('');
  const like = "f.name LIKE '%' || ? || '%' ESCAPE '\\'";
  if (
    !add(
      `SELECT DISTINCT g.id FROM farmer_name_grams g JOIN farmers f ON f.id = g.id WHERE g.gram = ? AND ${like} LIMIT ${FARMER_CAP + 1}`,
      [first, q.text],
    )
  )
    return null;
  if (q.letters) {
    const glob = `${q.lower}*`;
    if (!add(`SELECT id FROM farmers WHERE name_initials GLOB ? LIMIT ${FARMER_CAP + 1}`, [glob])) return null;
    if (!add(`SELECT id FROM farmers WHERE name_pinyin GLOB ? LIMIT ${FARMER_CAP + 1}`, [glob])) return null;
  }
  if (q.idTail && !add(`SELECT id FROM farmers WHERE id_number_rev GLOB ? LIMIT ${FARMER_CAP + 1}`, [`${q.rev}*`])) return null;
  return [...ids];
}

/**
 * The rowids of `table` the filter's text may match (at most CANDIDATE_CAP), or null: no text, or too many
 * or too short to list (the caller walks the sort index instead).
 */
export function textCandidates(db: Database, table: 'purchases' | 'scraps', filter: LedgerFilter): number[] | null {
  const q = ledgerText(filter.q);
  if (!q) return null;
  // model/maker LIKE '%text%' and the numbers GLOB '*UPPER*' (an empty UPPER matches every number)
  const words = textQuery(q.raw);
  const numbers = textQuery(q.upper);
  if (!words || !numbers) return null;
  const farmers = farmerCandidates(db, q);
  if (!farmers) return null;
  const rowids = new Set<number>();
  const fts = table === 'purchases' ? 'purchase_text' : 'scrap_text';
  const limit = CANDIDATE_CAP + 1;
  for (const match of new Set([words, numbers])) {
    // too many is known sooner by counting inside SQLite than by handing 10,001 rowids to JS
    const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${limit})`).pluck().get(match) as number;
    if (n > CANDIDATE_CAP) return null;
    for (const r of db
      .prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${limit}`)
      .pluck()
      .iterate(match) as IterableIterator<number>) {
      rowids.add(r);
      if (rowids.size > CANDIDATE_CAP) return null;
    }
  }
  const byFarmer = db.prepare(`SELECT rowid FROM ${table} INDEXED BY ${table}_ledger_farmer_id WHERE farmer_id = ?`).pluck();
  for (const id of farmers) {
    for (const r of byFarmer.iterate(id) as IterableIterator<number>) {
      rowids.add(r);
      if (rowids.size > CANDIDATE_CAP) return null;
    }
  }
  return [...rowids];
}

/**
 * The filter restricted to candidate rows: every term kept (so the rows are exactly the filter's), the rows
 * read by rowid and sorted (at most CANDIDATE_CAP of them) instead of walking the sort index.
 */
export function withCandidates(sql: LedgerSql, rowids: number[]): LedgerSql {
  return { ...sql, params: { ...sql.params, _candidates: JSON.stringify(rowids) }, farmersFirst: false, candidates: true };
}

/** The filter as the repositories run it: through candidate rows when the text query lists them. */
export function plannedSql(db: Database, table: 'purchases' | 'scraps', filter: LedgerFilter, sql: LedgerSql): LedgerSql {
  const rowids = textCandidates(db, table, filter);
  return rowids ? withCandidates(sql, rowids) : sql;
}
