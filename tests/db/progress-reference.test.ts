import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import {
  heldMonthItems,
  heldPurchaseTotals,
  heldScrapTotals,
  purchaseMonthItems,
  purchaseTotals,
  scrapMonthItems,
  scrapTotals,
} from '../../db/repositories/progress';
import { COUNTING_STAGES, countedStatuses } from '../../shared/domain/counting';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import { COUNTED_STATUSES } from '../../shared/domain/workflow';
import { tempDir } from '../support/core';
import {
  canonical,
  referencePurchaseMonthItemSql,
  referencePurchaseTotalsSql,
  referenceScrapMonthItemSql,
  referenceScrapTotalsSql,
} from '../support/progress-reference';

/**
 * The index-ordered progress statements (migration 021) against the statements they replace, on a generated
 * county file with the awkward rows added: buyers missing from the file (township null), buyers registered
 * outside the county, voided rows, scraps without a handover date, renewals whose purchase was voided.
 */
describe('progress statements equal the pre-021 reference on a generated county file', () => {
  const tmp = tempDir('agri-progress-ref-');
  let db: Database.Database;
  let outside: string;
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 12_000, firstYear: 2021, lastYear: 2025, lastDate: '2025-12-31', seed: 7 });
    db = new Database(file);
    // the copy is trigger-kept; a scratch file may break it to hold the rows a missing buyer leaves (township null)
    db.exec('DROP TRIGGER purchases_buyer_township_update; DROP TRIGGER scraps_buyer_township_update');
    db.exec(`UPDATE purchases SET buyer_township_code = NULL WHERE rowid % 97 = 0;
      UPDATE scraps SET buyer_township_code = NULL WHERE rowid % 89 = 0;
      UPDATE purchases SET buyer_township_code = '110101001' WHERE rowid % 101 = 1;
      UPDATE scraps SET buyer_township_code = '110101001' WHERE rowid % 83 = 1;
      UPDATE purchases SET voided_at = '2025-06-01T00:00:00.000Z', void_reason = '测试' WHERE rowid % 53 = 2;
      UPDATE scraps SET voided_at = '2025-06-01T00:00:00.000Z', void_reason = '测试' WHERE rowid % 59 = 2;
      UPDATE scraps SET handover_date = NULL WHERE rowid % 61 = 3;`);
    outside = '110101001';
  }, 120_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  const counts = () => ({
    nullTownship: db.prepare('SELECT count(*) FROM purchases WHERE buyer_township_code IS NULL').pluck().get() as number,
    renewedVoided: db
      .prepare('SELECT count(*) FROM scraps s WHERE EXISTS (SELECT 1 FROM purchases x WHERE x.scrap_id = s.id AND x.voided_at IS NOT NULL)')
      .pluck()
      .get() as number,
  });

  const years = [2021, 2023, 2025, 2026];
  const scopes = (): (string | null)[] => [null, TOWNSHIP_CODES[0], TOWNSHIP_CODES[5] as string, outside];

  it('the file holds the awkward rows', () => {
    const c = counts();
    expect(c.nullTownship).toBeGreaterThan(0);
    expect(c.renewedVoided).toBeGreaterThan(0);
  });

  it('year totals per township, status and terminal: county and each township, purchases and scraps', () => {
    let groups = 0;
    for (const year of years)
      for (const township of scopes()) {
        const params = { start: `${year}-01-01`, end: `${year + 1}-01-01`, recentFrom: `${year}-10-03`, township };
        const p = purchaseTotals(db, params);
        const s = scrapTotals(db, params);
        expect(canonical(p), `purchases ${year} ${township}`).toEqual(
          canonical(db.prepare(referencePurchaseTotalsSql(COUNTED_STATUSES)).all(params)),
        );
        expect(canonical(s), `scraps ${year} ${township}`).toEqual(
          canonical(db.prepare(referenceScrapTotalsSql(COUNTED_STATUSES)).all(params)),
        );
        groups += p.length + s.length;
      }
    expect(groups).toBeGreaterThan(100);
  });

  it('the held records’ totals (by primary key) equal the reference over the same ids', () => {
    const ids = (table: string) => JSON.stringify(db.prepare(`SELECT id FROM ${table} WHERE rowid % 37 = 5`).pluck().all());
    for (const township of scopes()) {
      const params = { start: '2025-01-01', end: '2026-01-01', recentFrom: '2025-10-03', township };
      const ref = (sql: string, alias: string, held: string) =>
        db
          .prepare(
            sql.replace(`WHERE ${alias}.status IN`, `WHERE ${alias}.id IN (SELECT value FROM json_each(@held)) AND ${alias}.status IN`),
          )
          .all({ ...params, held });
      const hp = ids('purchases');
      const hs = ids('scraps');
      const p = heldPurchaseTotals(db, { ...params, held: hp });
      expect(canonical(p)).toEqual(canonical(ref(referencePurchaseTotalsSql(COUNTED_STATUSES), 'p', hp)));
      expect(canonical(heldScrapTotals(db, { ...params, held: hs }))).toEqual(
        canonical(ref(referenceScrapTotalsSql(COUNTED_STATUSES), 's', hs)),
      );
      if (township === null) expect(p.length).toBeGreaterThan(0);
    }
  });

  it('month, item and terminal counts for every counting rule, the county and one township, held ones too', () => {
    for (const stage of COUNTING_STAGES)
      for (const year of years)
        for (const codes of [[...TOWNSHIP_CODES], [TOWNSHIP_CODES[3] as string]]) {
          const counted = countedStatuses(stage);
          const range = { start: `${year}-01-01`, end: `${year + 1}-01-01` };
          expect(canonical(purchaseMonthItems(db, counted, codes, range)), `${stage} ${year}`).toEqual(
            canonical(db.prepare(referencePurchaseMonthItemSql(counted, codes)).all(range)),
          );
          expect(canonical(scrapMonthItems(db, counted, codes, range)), `${stage} ${year}`).toEqual(
            canonical(db.prepare(referenceScrapMonthItemSql(counted, codes)).all(range)),
          );
        }
    const held = JSON.stringify(db.prepare('SELECT id FROM purchases WHERE rowid % 41 = 0').pluck().all());
    const range = { start: '2024-01-01', end: '2025-01-01' };
    const sql = referencePurchaseMonthItemSql(COUNTED_STATUSES, TOWNSHIP_CODES).replace(
      'WHERE p.status IN',
      'WHERE p.id IN (SELECT value FROM json_each(@held)) AND p.status IN',
    );
    const got = heldMonthItems(db, 'purchases', COUNTED_STATUSES, TOWNSHIP_CODES, { ...range, held });
    expect(got.length).toBeGreaterThan(0);
    expect(canonical(got)).toEqual(canonical(db.prepare(sql).all({ ...range, held })));
  });
});
