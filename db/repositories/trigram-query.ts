/**
 * The FTS5 trigram queries of the text tables (migration 018's purchase_text/scrap_text and 020's
 * voucher_text), which store each text twice: once with char(1) around every character (so a query of one or
 * two characters is a lookup: one is the trigram "\1a\1", two are "a\1b"), then as it is, where three
 * characters or more need all of their trigrams. Null for an empty text (it matches every row).
 */
export function trigramQuery(text: string): string | null {
  const chars = Array.from(text);
  if (!chars.length) return null;
  const quote = (g: string) => `"${g.replace(/"/g, '""')}"`;
  if (chars.length === 1) return quote(`\u0001${chars[0] as string}\u0001`);
  if (chars.length === 2) return quote(`${chars[0] as string}\u0001${chars[1] as string}`);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams].map(quote).join(' AND ');
}

/** Adds the rows a statement yields to `into`; false once more than `cap` were collected (the caller gives up). */
export function collectUpTo<T>(into: Set<T>, rows: IterableIterator<unknown>, cap: number): boolean {
  for (const r of rows) {
    into.add(r as T);
    if (into.size > cap) return false;
  }
  return true;
}

/** A name holding a text holds its first one or two characters (ASCII lowercased, as LIKE and farmer_name_grams fold). */
export const nameGramOf = (text: string): string =>
  Array.from(text.replace(/[A-Z]/g, (c) => c.toLowerCase()))
    .slice(0, 2)
    .join('');
