// The set-wise copy counts purchases' year totals (022) with one grouped upsert instead of the insert
// trigger's upsert per row (issue 16). The totals must come out exactly as the triggers leave them, also
// when the buyer-township trigger corrects copied rows (which moves them between groups row by row) and
// when some copied rows are voided; and the triggers must be back as stored afterwards.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStationFile } from '../../db/bench/station-files';
import { openDatabase } from '../../db/connection';
import { setAsideYearTotals } from '../../db/transfer/bulk-totals';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import { tempDir } from '../support/core';

const dir = tempDir();
let source = '';

const cols = (table: string) => (TRAVELLING_TABLES.find((t) => t.name === table)?.columns ?? []).join(', ');

beforeAll(() => {
  const file = generateStationFile(dir.dir, 0, { farmers: 200, scraps: 40, purchases: 900 }).path;
  source = join(dir.dir, 'tampered.db');
  copyFileSync(file, source);
  const w = new Database(source);
  // rows naming another township than their farmer's (the county's trigger corrects them), and voided rows
  // (this source is read only by the test: its own correcting trigger is dropped first)
  w.exec(`DROP TRIGGER purchases_buyer_township_update;
    UPDATE purchases SET buyer_township_code = '371525199' WHERE rowid % 7 = 0;
    UPDATE purchases SET voided_at = '2026-01-05T08:00:00.000Z', void_reason = '录入错误' WHERE rowid % 11 = 0;`);
  w.close();
}, 120_000);

afterAll(() => dir.dispose());

const triggers = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'purchases' ORDER BY name").all();

/** A fresh county file with the source's farmers and purchases, the purchases copied with or without the set-aside. */
function copied(name: string, setAside: boolean): Database.Database {
  const db = openDatabase(join(dir.dir, `${name}.db`));
  db.prepare('ATTACH DATABASE ? AS src').run(source);
  db.transaction(() => {
    db.exec(`INSERT INTO farmers (${cols('farmers')}) SELECT ${cols('farmers')} FROM src.farmers ORDER BY id`);
    // a first share row by row, so the set-wise count adds to groups that already hold rows
    db.exec(`INSERT INTO purchases (${cols('purchases')}) SELECT ${cols('purchases')} FROM src.purchases WHERE rowid <= 300 ORDER BY id`);
    const after = db.prepare('SELECT max(rowid) FROM purchases').pluck().get() as number;
    const count = setAside ? setAsideYearTotals(db, 'purchases', after) : null;
    if (setAside) expect(count).not.toBeNull();
    db.exec(`INSERT INTO purchases (${cols('purchases')}) SELECT ${cols('purchases')} FROM src.purchases WHERE rowid > 300 ORDER BY id`);
    count?.();
  })();
  db.exec('DETACH DATABASE src');
  return db;
}

describe('year totals counted once per copy', () => {
  it('equal what the per-row triggers leave, with corrected townships and voided rows, and the triggers are back', () => {
    const plain = copied('plain', false);
    const setWise = copied('set-wise', true);
    try {
      // row by row, a corrected row leaves its first group behind at n = 0; every read skips such groups (y.n > 0)
      const totals = (db: Database.Database) => db.prepare('SELECT * FROM purchase_year_totals WHERE n > 0 ORDER BY 1, 2, 3, 4').all();
      expect(plain.prepare('SELECT count(*) FROM purchase_year_totals WHERE n = 0').pluck().get()).toBeGreaterThan(0);
      expect(totals(plain).length).toBeGreaterThan(3);
      expect(totals(setWise)).toEqual(totals(plain));
      // the case that matters happened: copied rows were corrected to their farmer's township, and some are void
      const src = new Database(source, { readonly: true });
      expect(src.prepare("SELECT count(*) FROM purchases WHERE buyer_township_code = '371525199' AND rowid > 300").pluck().get()).toBeGreaterThan(50);
      src.close();
      expect(plain.prepare("SELECT count(*) FROM purchases WHERE buyer_township_code = '371525199'").pluck().get()).toBe(0);
      expect(plain.prepare('SELECT count(*) FROM purchases WHERE voided_at IS NOT NULL AND rowid > 300').pluck().get()).toBeGreaterThan(0);
      // and both equal 022's own count from scratch
      const scratch = plain
        .prepare(
          `SELECT substr(purchase_date, 1, 4) AS year, coalesce(buyer_township_code, '') AS township, status, terminal_kind AS terminal,
             count(*) AS n, sum(purchase_fen) AS purchase_fen, sum(scrap_part_fen) AS scrap_fen
           FROM purchases WHERE voided_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        )
        .all();
      expect(totals(setWise)).toEqual(scratch);
      expect(triggers(setWise)).toEqual(triggers(plain));
    } finally {
      plain.close();
      setWise.close();
    }
  }, 120_000);

  it('leaves other tables, and triggers stored with another text, alone', () => {
    const db = openDatabase(join(dir.dir, 'other.db'));
    try {
      expect(setAsideYearTotals(db, 'scraps', 0)).toBeNull();
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'purchase_year_totals_insert'").pluck().get() as string;
      db.exec(`DROP TRIGGER purchase_year_totals_insert; ${sql.replace('n = n + 1', 'n = n + 1 + 0')};`);
      expect(setAsideYearTotals(db, 'purchases', 0)).toBeNull();
      expect(triggers(db).map((t) => (t as { name: string }).name)).toContain('purchase_year_totals_update');
    } finally {
      db.close();
    }
  });
});
