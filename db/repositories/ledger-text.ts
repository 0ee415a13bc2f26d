import type { Database } from 'better-sqlite3';
import { TOTAL_CAP } from './keyset';
import { ledgerText, type LedgerFilter, type LedgerSql } from './ledger-query';
import { collectUpTo, nameGramOf, trigramQuery } from './trigram-query';

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

/** The buyers the text may name, or null when there are too many to be worth listing. */
function farmerCandidates(db: Database, q: ReturnType<typeof ledgerText> & object): string[] | null {
  const ids = new Set<string>();
  const add = (sql: string, params: unknown[]): boolean => collectUpTo(ids, db.prepare(sql).pluck().iterate(...params), FARMER_CAP);
  const first = nameGramOf(q.raw);
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
  const words = trigramQuery(q.raw);
  const numbers = trigramQuery(q.upper);
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
    if (!collectUpTo(rowids, db.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${limit}`).pluck().iterate(match), CANDIDATE_CAP))
      return null;
  }
  const byFarmer = db.prepare(`SELECT rowid FROM ${table} INDEXED BY ${table}_ledger_farmer_id WHERE farmer_id = ?`).pluck();
  for (const id of farmers) if (!collectUpTo(rowids, byFarmer.iterate(id), CANDIDATE_CAP)) return null;
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
