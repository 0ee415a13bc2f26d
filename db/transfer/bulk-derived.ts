import type Database from 'better-sqlite3';
import { CHAR_SPLIT_FUNCTION, registerCharSplit, withCharSplitFunction } from './char-split';

/**
 * Derived rows written once per merge instead of once per row (issue 16). Migration 018's text index
 * (`purchase_text`, `scrap_text`, FTS5 trigram), 020's `voucher_text` and 017's name pieces (`farmer_name_grams`) are kept by
 * AFTER INSERT triggers that read only the new row itself. Fired row by row during a merge they cost more
 * than everything else the merge does (on purchases about 4× the same rows written by one statement).
 * While a table takes a file's rows, these triggers are set aside; afterwards each trigger statement runs
 * once over every row added meanwhile (rowid above the table's largest before the merge, since rows are
 * never deleted and SQLite gives a new row the largest rowid + 1), and the trigger is created again from
 * the very text stored in the schema. Nothing else changes: the UPDATE and DELETE triggers stay in place
 * (the merge updates only rows that were already there), and it all runs inside the caller's transaction,
 * so a refused file rolls everything back.
 *
 * The set-aside statements are derived from the stored trigger text, so they never drift from it:
 * `INSERT … VALUES (exprs of new.*)` becomes `INSERT … SELECT exprs FROM <table> AS new WHERE new.rowid > ?`,
 * and `INSERT … SELECT exprs FROM json_each(args of new.*) [WHERE c]` becomes
 * `INSERT … SELECT exprs FROM <table> AS new, json_each(args) WHERE new.rowid > ? [AND (c)]`.
 * A trigger whose text has another shape stays in place (slower, never wrong). In the set-wise statements
 * the text indexes' character-splitting expression is then replaced by a function of the same value
 * (char-split.ts), registered on this connection only.
 */

/** Triggers whose rows depend on the new row alone (no order, no other table), so one pass equals many. */
export const DERIVED_INSERT_TRIGGERS: Readonly<Record<string, string>> = {
  purchases_text_insert: 'purchases',
  scraps_text_insert: 'scraps',
  farmers_name_grams_insert: 'farmers',
  vouchers_text_insert: 'vouchers',
};

/** Rowids beyond this are never handed out in order by SQLite's "largest + 1" (at 2^63 − 1 it picks at random). */
const MAX_ORDERED_ROWID = 2 ** 53;

/** Statements of a trigger body, split at top-level semicolons (outside quotes and parentheses). */
function statements(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ';' && depth === 0) {
      out.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  const rest = body.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** Index just past the parenthesis that closes the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const HEAD = /^(INSERT(?: OR IGNORE)? INTO \w+ \([\w, ]+\))\s+/i;

/** One trigger statement run once for every row of `table` with rowid > :after, or null for another shape. */
function setWise(stmt: string, table: string): string | null {
  if (/\bold\./i.test(stmt)) return null;
  const head = HEAD.exec(stmt);
  if (!head) return null;
  const rest = stmt.slice(head[0].length);
  const from = `FROM "${table}" AS new`;
  if (/^VALUES\s*\(/i.test(rest)) {
    const open = rest.indexOf('(');
    if (closing(rest, open) !== rest.length) return null;
    return `${head[1]} SELECT ${rest.slice(open + 1, -1)} ${from} WHERE new.rowid > :after`;
  }
  const each = /^SELECT ([\s\S]+?)\s+FROM json_each\(/i.exec(rest);
  if (!each) return null;
  const open = each[0].length - 1;
  const end = closing(rest, open);
  if (end < 0) return null;
  const tail = rest.slice(end).trim();
  const where = /^WHERE\s+([\s\S]+)$/i.exec(tail);
  if (tail && !where) return null;
  return `${head[1]} SELECT ${each[1]} ${from}, json_each${rest.slice(open, end)} WHERE new.rowid > :after${where ? ` AND (${where[1]})` : ''}`;
}

/** The trigger's statements as set-wise ones, or null when its text is not the expected simple shape. */
export function setWiseInsertTrigger(sql: string, table: string): string[] | null {
  const m = /^CREATE TRIGGER "?(\w+)"? AFTER INSERT ON "?(\w+)"?\s+BEGIN\s+([\s\S]*)\bEND$/i.exec(sql.trim());
  if (!m || m[2] !== table) return null;
  const parts = statements(m[3] as string).map((s) => setWise(s, table));
  return parts.length && parts.every((p): p is string => p !== null) ? parts : null;
}

/**
 * Sets aside the table's derived-row insert triggers; the returned function writes the derived rows of
 * every row added since, in one statement each, and creates the triggers again. Null when there is none
 * to set aside (or rowids are past the ordered range).
 */
export function setAsideDerivedInserts(db: Database.Database, table: string): (() => void) | null {
  const after = (db.prepare(`SELECT coalesce(max(rowid), 0) FROM "${table}"`).pluck().get() as number) ?? 0;
  if (after >= MAX_ORDERED_ROWID) return null;
  const names = Object.entries(DERIVED_INSERT_TRIGGERS)
    .filter(([, t]) => t === table)
    .map(([n]) => n);
  const found = names
    .map((name) => ({ name, sql: db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined }))
    .filter((t): t is { name: string; sql: string } => typeof t.sql === 'string')
    .map((t) => ({ ...t, fills: setWiseInsertTrigger(t.sql, table)?.map(withCharSplitFunction) ?? null }))
    .filter((t): t is { name: string; sql: string; fills: string[] } => t.fills !== null);
  if (!found.length) return null;
  if (found.some((t) => t.fills.some((sql) => sql.includes(CHAR_SPLIT_FUNCTION)))) registerCharSplit(db);
  for (const t of found) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of found) {
      for (const fill of t.fills) db.prepare(fill).run({ after });
      db.exec(t.sql);
    }
  };
}
