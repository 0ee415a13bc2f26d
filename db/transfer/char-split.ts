import type Database from 'better-sqlite3';

/**
 * The text indexes of migrations 018 and 020 store a text with char(1) between and around its characters.
 * Their triggers build that in plain SQL (json_each over a zeroblob of the text's length, then an ordered
 * group_concat), so every writer keeps the index in step without functions of our own. Written set-wise
 * by a county import (bulk-derived.ts), that expression is about four fifths of the text index's cost
 * (issue 16: 3.1 s against 0.7 s per 100,000 purchases). The import's own connection therefore gets a
 * function that returns the very same value, and its set-wise statements call it instead; the triggers
 * themselves, and every other writer, are untouched.
 */

export const CHAR_SPLIT_FUNCTION = 'agri_split_chars';

/**
 * What the SQL expression gives for a text: NULL for NULL or an empty text; otherwise char(1), then each
 * character followed by char(1). SQLite's length() stops at a NUL character, so only the characters
 * before the first NUL count; characters are Unicode code points, as in SQLite's UTF-8 length and substr.
 * Anything but a text is refused (the import's checks pass only texts into these columns), so the
 * statement fails rather than write a value the trigger would not.
 */
export function splitChars(text: unknown): string | null {
  if (text === null) return null;
  if (typeof text !== 'string') throw new TypeError(`${CHAR_SPLIT_FUNCTION}: 只接受文本`);
  const nul = text.indexOf('\0');
  const before = nul < 0 ? text : text.slice(0, nul);
  return before ? `\u0001${Array.from(before).join('\u0001')}\u0001` : null;
}

// the triggers' expression for a text E, E appearing twice (a backreference, so both must be the same)
const EXPRESSION =
  /\(SELECT char\(1\) \|\| group_concat\(substr\((.+?), key \+ 1, 1\), char\(1\) ORDER BY key\) \|\| char\(1\) FROM json_each\('\[' \|\| rtrim\(replace\(hex\(zeroblob\(length\(\1\)\)\), '00', '0,'\), ','\) \|\| '\]'\)\)/g;

/** The statement with each of the triggers' character-splitting expressions replaced by the function. */
export function withCharSplitFunction(sql: string): string {
  return sql.replace(EXPRESSION, (_whole, text: string) => `${CHAR_SPLIT_FUNCTION}(${text})`);
}

const registered = new WeakSet<Database.Database>();

/** Makes the function callable on this connection (once per connection). */
export function registerCharSplit(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function(CHAR_SPLIT_FUNCTION, { deterministic: true }, splitChars);
  registered.add(db);
}
