import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { purchaseTotals } from '../../db/repositories/progress';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import { COUNTED_STATUSES } from '../../shared/domain/workflow';
import { tempDir } from '../support/core';
import { canonical, REFERENCE_YEAR_TOTALS_SQL, referencePurchaseTotalsSql } from '../support/progress-reference';

/**
 * Migration 022's year table is kept by triggers: after every kind of change a purchase can go through
 * (a stage, a void, a new date in another year, another terminal, new amounts, the buyer moving township,
 * the buyer missing, a row removed, a voided row arriving), it equals the live rows counted from scratch,
 * and the totals read from it equal the pre-021 reference statement.
 */
describe('purchase_year_totals (migration 022) follows every change of the purchases', () => {
  const tmp = tempDir('agri-year-totals-');
  let db: Database.Database;
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 3_000, firstYear: 2023, lastYear: 2025, lastDate: '2025-12-31', seed: 11 });
    db = new Database(file);
  }, 120_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  const table = () =>
    db.prepare('SELECT year, township, status, terminal, n, purchase_fen, scrap_fen FROM purchase_year_totals WHERE n > 0').all();
  const emptied = () =>
    db.prepare('SELECT count(*) FROM purchase_year_totals WHERE n = 0 AND (purchase_fen <> 0 OR scrap_fen <> 0) OR n < 0').pluck().get();

  function expectInStep(what: string) {
    expect(canonical(table()), what).toEqual(canonical(db.prepare(REFERENCE_YEAR_TOTALS_SQL).all()));
    expect(emptied(), what).toBe(0);
    for (const year of [2023, 2024, 2025, 2026])
      for (const township of [null, TOWNSHIP_CODES[0], TOWNSHIP_CODES[4] as string, '110101001']) {
        const params = { start: `${year}-01-01`, end: `${year + 1}-01-01`, recentFrom: `${year}-10-03`, township };
        expect(canonical(purchaseTotals(db, params)), `${what}: ${year} ${township}`).toEqual(
          canonical(db.prepare(referencePurchaseTotalsSql(COUNTED_STATUSES)).all(params)),
        );
      }
  }

  it('holds the generated file’s purchases', () => {
    expect((table() as unknown[]).length).toBeGreaterThan(20);
    expectInStep('generated');
  });

  it('a stage moves a row to its new status; a void takes it out', () => {
    db.exec(`UPDATE purchases SET status = 'paid', status_at = '2025-12-01T00:00:00.000Z' WHERE rowid % 7 = 0 AND status = 'published';
      UPDATE purchases SET status = 'returned', return_reason = '测试' WHERE rowid % 11 = 1;
      UPDATE purchases SET voided_at = '2025-06-01T00:00:00.000Z', void_reason = '测试' WHERE rowid % 13 = 2;`);
    expectInStep('stages and voids');
  });

  it('a new date (another year), terminal or amounts move the row’s figures', () => {
    db.exec(`UPDATE purchases SET purchase_date = '2024-12-31' WHERE rowid % 17 = 3 AND purchase_date >= '2025-01-01';
      UPDATE purchases SET purchase_date = '2026-01-02' WHERE rowid % 19 = 4;
      UPDATE purchases SET terminal_kind = CASE terminal_kind WHEN 'none' THEN 'beidou' ELSE 'none' END WHERE rowid % 23 = 5;
      UPDATE purchases SET purchase_fen = purchase_fen + 100, total_fen = total_fen + 100 WHERE rowid % 29 = 6;
      UPDATE purchases SET scrap_part_fen = scrap_part_fen + 7, total_fen = total_fen + 7 WHERE rowid % 31 = 7;`);
    expectInStep('dates, terminals, amounts');
  });

  it('the buyer moving township moves the buyer’s rows (through the farmers trigger); a missing buyer counts under null', () => {
    const moved = db
      .prepare(`UPDATE farmers SET township_code = ? WHERE rowid % 5 = 0 AND township_code <> ?`)
      .run(TOWNSHIP_CODES[4], TOWNSHIP_CODES[4]).changes;
    expect(moved).toBeGreaterThan(0);
    expectInStep('farmers moved');
    // the copy is trigger-kept; a scratch file may break it to hold the rows a missing buyer leaves
    db.exec('DROP TRIGGER purchases_buyer_township_update');
    db.exec(`UPDATE purchases SET buyer_township_code = NULL WHERE rowid % 37 = 8;
      UPDATE purchases SET buyer_township_code = '110101001' WHERE rowid % 41 = 9;`);
    expectInStep('buyers missing or outside the county');
  });

  it('a row removed takes its figures; a row arriving voided adds none; a void undone adds them back', () => {
    db.pragma('foreign_keys = OFF');
    db.exec(`DELETE FROM purchases WHERE rowid % 43 = 10 AND id NOT IN (SELECT application_id FROM vouchers)`);
    const cols = (db.pragma('table_info(purchases)') as { name: string }[]).map((c) => c.name);
    const copy = cols.map((c) => (c === 'id' ? "lower(hex(randomblob(16)))" : c === 'voided_at' ? "'2025-07-01T00:00:00.000Z'" : c)).join(', ');
    db.exec(`INSERT INTO purchases (${cols.join(', ')}) SELECT ${copy} FROM purchases WHERE rowid % 47 = 11 AND voided_at IS NULL AND scrap_id IS NULL`);
    db.exec(`UPDATE purchases SET voided_at = NULL, void_reason = NULL WHERE rowid % 13 = 2 AND rowid % 2 = 0 AND rowid <= 3000`);
    db.pragma('foreign_keys = ON');
    expectInStep('removed, arrived voided, void undone');
  });

  it('a change of columns the totals do not hold leaves the table untouched', () => {
    const before = db.prepare('SELECT count(*), total(n), total(purchase_fen) FROM purchase_year_totals').raw().get();
    db.exec(`UPDATE purchases SET maker = maker || '（改）', updated_at = '2025-12-30T00:00:00.000Z' WHERE rowid % 3 = 0`);
    expect(db.prepare('SELECT count(*), total(n), total(purchase_fen) FROM purchase_year_totals').raw().get()).toEqual(before);
    expectInStep('other columns');
  });
});
