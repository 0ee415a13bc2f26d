// The county import writes the text indexes' char(1)-separated texts with a function of its own
// (db/transfer/char-split.ts) instead of the triggers' json_each expression (issue 16). It must give the
// very same value for every text, and the rewrite must catch every copy of the expression in the
// set-aside statements, so the set-wise fill holds what the triggers would have written.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { DERIVED_INSERT_TRIGGERS, setWiseInsertTrigger } from '../../db/transfer/bulk-derived';
import { CHAR_SPLIT_FUNCTION, registerCharSplit, splitChars, withCharSplitFunction } from '../../db/transfer/char-split';
import { tempDir } from '../support/core';

const dir = tempDir();
afterAll(() => dir.dispose());

/** The triggers' expression for a text given as the parameter :s (as 018 writes it). */
const EXPRESSION = (e: string) =>
  `(SELECT char(1) || group_concat(substr(${e}, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(${e}))), '00', '0,'), ',') || ']'))`;

const TEXTS = [
  null,
  '',
  'a',
  '东方红-LX1004',
  '雷沃\n潍柴',
  'ab\u0000cd',
  '\u0000',
  '😀x𠀀',
  'é',
  ' leading and trailing ',
  'x'.repeat(5_000),
];

describe('the character-splitting function', () => {
  it('gives what the triggers’ SQL expression gives, for every kind of text', () => {
    const db = new Database(':memory:');
    const sql = db.prepare(`SELECT ${EXPRESSION(':s')} AS v`).pluck();
    for (const s of TEXTS) expect(splitChars(s), JSON.stringify(s)).toBe(sql.get({ s }) ?? null);
    registerCharSplit(db);
    const viaSql = db.prepare(`SELECT ${withCharSplitFunction(EXPRESSION(':s'))}`).pluck();
    for (const s of TEXTS) expect(viaSql.get({ s }) ?? null, JSON.stringify(s)).toBe(sql.get({ s }) ?? null);
    db.close();
  });

  it('refuses anything but a text, so a statement never writes a value the trigger would not', () => {
    expect(() => splitChars(12)).toThrow(TypeError);
    expect(() => splitChars(Buffer.from('ab'))).toThrow(TypeError);
    const db = new Database(':memory:');
    registerCharSplit(db);
    registerCharSplit(db); // once per connection: a second call is harmless
    expect(() => db.prepare(`SELECT ${CHAR_SPLIT_FUNCTION}(12)`).get()).toThrow();
    db.close();
  });

  it('replaces every copy of the expression in each set-aside statement, and nothing else', () => {
    const db = openDatabase(`${dir.dir}/county.db`);
    const replaced: Record<string, number> = {};
    for (const [name, table] of Object.entries(DERIVED_INSERT_TRIGGERS)) {
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
      for (const fill of setWiseInsertTrigger(sql, table) ?? []) {
        const rewritten = withCharSplitFunction(fill);
        // the name pieces are rows of one or two characters (json_each stays); the text indexes keep none
        if (name !== 'farmers_name_grams_insert') expect(rewritten).not.toContain('hex(zeroblob(');
        replaced[name] = (replaced[name] ?? 0) + (rewritten.split(`${CHAR_SPLIT_FUNCTION}(`).length - 1);
      }
    }
    // two texts per purchase and per scrap (words, numbers), one per voucher; names are split into rows, not rewritten
    expect(replaced).toEqual({ purchases_text_insert: 2, scraps_text_insert: 2, vouchers_text_insert: 1, farmers_name_grams_insert: 0 });
    // two different texts in one expression are not the triggers' shape and stay as written
    const odd = EXPRESSION('a').replace('length(a)', 'length(b)');
    expect(withCharSplitFunction(odd)).toBe(odd);
    db.close();
  });
});
