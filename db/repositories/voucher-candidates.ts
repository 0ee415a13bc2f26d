import type { Database } from 'better-sqlite3';
import { TOTAL_CAP } from './keyset';
import { collectUpTo, nameGramOf, trigramQuery } from './trigram-query';

/**
 * vouchers.list without a scan (issue 16): the rows a filter can match, found through indexes, when they are
 * few — the vouchers of one application (the issue button), or those of the search text: buyers whose name
 * holds it (farmer_name_grams, migration 017) or whose initials start with it (farmers_name_initials), and
 * numbers holding it (voucher_text, migration 020). The set is a superset of the matches: the list query
 * still checks every term of the filter on each row, so a page holds exactly the rows it held before.
 * Null when there is no such filter or the set would pass CANDIDATE_CAP rows: the matches are dense, and the
 * sort index walked with the filter fills a page quickly.
 */
export const CANDIDATE_CAP = TOTAL_CAP;

/** Buyers read per query before giving up on candidates (each has a few vouchers). */
const FARMER_CAP = 4_000;

/** The search text as the list query binds it: the LIKE and GLOB wildcards dropped. */
export const voucherSearchText = (q: string): string => q.replace(/[%_*?[\]]/g, '');

/** SQLite's lower() and LIKE fold ASCII letters only. */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The buyers whose name holds the text, as SQL over farmer_name_grams: a name holds a text of one or two
 * characters exactly when it holds that piece (the index alone); a longer one is checked on the row.
 */
function namedBuyersSql(text: string): string {
  return Array.from(text).length <= 2
    ? 'SELECT id FROM farmer_name_grams WHERE gram = @_gram'
    : "SELECT g.id FROM farmer_name_grams g JOIN farmers f ON f.id = g.id WHERE g.gram = @_gram AND f.name LIKE '%' || @q || '%'";
}

/** Buyers the text may name (name LIKE '%text%', initials GLOB 'text*'), or null when too many to list. */
function farmerCandidates(db: Database, text: string): string[] | null {
  const ids = new Set<string>();
  const byName = db.prepare(`${namedBuyersSql(text)} LIMIT ${FARMER_CAP + 1}`).pluck();
  if (!collectUpTo(ids, byName.iterate({ _gram: nameGramOf(text), q: text }), FARMER_CAP)) return null;
  // bound whole, so the GLOB prefix is an index range
  const byInitials = db.prepare(`SELECT id FROM farmers WHERE name_initials GLOB ? LIMIT ${FARMER_CAP + 1}`).pluck();
  if (!collectUpTo(ids, byInitials.iterate(`${asciiLower(text)}*`), FARMER_CAP)) return null;
  return [...ids];
}

/**
 * The search box's term for counting dense matches without reading any buyer row: a voucher's buyer matches
 * the name or initials exactly when its farmer_id is among those buyers (every voucher has its buyer: a
 * foreign key), found through their indexes once; with vouchers_ledger_text (020) the count reads one index.
 */
export function denseTextCount(text: string): { term: string; params: Record<string, unknown> } {
  return {
    term: `(v.number LIKE '%' || @q || '%' OR v.farmer_id IN (${namedBuyersSql(text)})
      OR v.farmer_id IN (SELECT id FROM farmers WHERE name_initials GLOB @_glob))`,
    params: { _gram: nameGramOf(text), _glob: `${asciiLower(text)}*` },
  };
}

/** The voucher rowids the search text may match, or null (no text, or too many to list). */
function textCandidates(db: Database, text: string): number[] | null {
  const match = trigramQuery(text);
  if (!match) return null;
  const farmers = farmerCandidates(db, text);
  if (!farmers) return null;
  const rowids = new Set<number>();
  const numbers = db.prepare(`SELECT rowid FROM voucher_text WHERE voucher_text MATCH ? LIMIT ${CANDIDATE_CAP + 1}`).pluck();
  if (!collectUpTo(rowids, numbers.iterate(match), CANDIDATE_CAP)) return null;
  const byFarmer = db.prepare('SELECT rowid FROM vouchers INDEXED BY vouchers_farmer WHERE farmer_id = ?').pluck();
  for (const id of farmers) if (!collectUpTo(rowids, byFarmer.iterate(id), CANDIDATE_CAP)) return null;
  return [...rowids];
}

/** The vouchers of one application, live (vouchers_live_application) and voided (vouchers_voided_application). */
function applicationCandidates(db: Database, applicationId: string): number[] {
  const live = db.prepare('SELECT rowid FROM vouchers WHERE application_id = ? AND voided_at IS NULL').pluck();
  const voided = db.prepare('SELECT rowid FROM vouchers WHERE application_id = ? AND voided_at IS NOT NULL').pluck();
  return [...(live.all(applicationId) as number[]), ...(voided.all(applicationId) as number[])];
}

/** The rows a voucher filter can match when they are few enough to list, else null. */
export function voucherCandidates(db: Database, f: { q: string; applicationId?: string }): number[] | null {
  if (f.applicationId) return applicationCandidates(db, f.applicationId);
  return f.q ? textCandidates(db, voucherSearchText(f.q)) : null;
}
