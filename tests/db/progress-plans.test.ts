import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { loadMigrations, migrate } from '../../db/migrate';
import { progressStatements, queryPlan } from '../../db/repositories/progress';
import { yearTotalsParams } from '../../db/repositories/progress-year-totals';
import { COUNTED_STATUSES } from '../../shared/domain/workflow';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import { expectOk, farmerInput, stationCore, tempDir } from '../support/core';
import { tractorPurchase, tractorScrap } from '../support/counter';

const PARAMS = {
  ...yearTotalsParams({ start: '2025-01-01', end: '2026-01-01', recentFrom: '2025-10-03', township: null }, '2025'),
  // the report's ledger chunks: after a keyset, so many rows
  afterDate: '2025-03-01',
  afterId: '',
  limit: 500,
};

/** Every statement of the progress screen and report: an index search on its progress index, never a full scan nor a sort for GROUP BY. */
function checkPlans(db: Database.Database) {
  for (const { name, sql } of progressStatements(COUNTED_STATUSES, TOWNSHIP_CODES)) {
    const plan = queryPlan(db, sql, PARAMS);
    expect(
      // (the list of buyer townships, a few hundred rows the skip-scan built, is the one thing read whole)
      plan.filter((l) => /^SCAN (?!towns$)/.test(l)),
      `${name}: ${plan.join(' | ')}`,
    ).toEqual([]);
    if (name.includes('from year totals')) {
      // migration 022: a year is one range of the year table's key, read in order; each group's latest date
      // and recent days are seeks into the 021 group index, never a scan nor a sort
      expect(plan[0], `${name}: ${plan.join(' | ')}`).toMatch(/^SEARCH y USING PRIMARY KEY \(year=\?/);
      expect(plan.join(' | '), name).not.toMatch(/TEMP B-TREE/);
      const seeks = plan.filter((l) => l.includes('SEARCH p USING'));
      expect(seeks.length, `${name}: ${plan.join(' | ')}`).toBe(2);
      for (const l of seeks)
        expect(l).toContain('USING COVERING INDEX purchases_progress_groups (buyer_township_code=? AND status=? AND terminal_kind=? AND purchase_date>? AND purchase_date<?)');
      continue;
    }
    const table = name.includes('purchase') ? 'p USING' : 's USING';
    const main = plan.find((l) => l.startsWith(`SEARCH ${table}`)) ?? '';
    const table_ = name.includes('purchase') ? 'purchases' : 'scraps';
    const index = name.includes('month') ? `${table_}_progress_months` : `${table_}_progress_groups`;
    expect(main, `${name}: ${plan.join(' | ')}`).not.toBe('');
    if (name.startsWith('report')) {
      // the ledger rows need every column, so the table is read; each chunk seeks its keyset in the date
      // index that also holds the id, and walks it in the order wanted: no sort of the rest of the year
      const seek = name.includes('purchase')
        ? 'USING INDEX purchases_ledger_date ((purchase_date,id)>(?,?) AND purchase_date<?)'
        : 'USING INDEX scraps_ledger_date (<expr>>? AND <expr><?)';
      expect(main, `${name}: ${plan.join(' | ')}`).toContain(seek);
      expect(plan.join(' | '), name).not.toMatch(/TEMP B-TREE/);
      expect(
        plan.some((l) => /^SEARCH f USING .*\(id=\?\)/.test(l)),
        `${name}: farmers by id`,
      ).toBe(true);
    } else {
      // migration 021: the rows come out of the index in the GROUP BY's order, never sorted in a temporary B-tree
      const seek = name.includes('month') ? '(<expr>>? AND <expr><?)' : '(buyer_township_code=? AND status=? AND';
      expect(main, `${name}: ${plan.join(' | ')}`).toContain(`USING COVERING INDEX ${index} ${seek}`);
      expect(plan.join(' | '), name).not.toMatch(/TEMP B-TREE/);
      expect(plan.join(' '), name).not.toMatch(/farmers|SEARCH f /);
    }
  }
}

describe('query plans of the progress queries', () => {
  const tmp = tempDir('agri-plans-');
  let db: Database.Database;
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 20_000, firstYear: 2016, lastYear: 2025, lastDate: '2025-12-31', seed: 3 });
    db = new Database(file);
  }, 60_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  it('use the covering progress indexes on a fresh file (no ANALYZE, as in the field)', () => {
    checkPlans(db);
  });

  it('still do after ANALYZE has gathered statistics', () => {
    db.exec('ANALYZE');
    checkPlans(db);
  });

  it('the generated file keeps every application’s copy of its buyer’s township', () => {
    const drift = db.prepare(
      'SELECT count(*) FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE p.buyer_township_code IS NOT f.township_code',
    );
    expect(drift.pluck().get()).toBe(0);
  });
});

describe('the buyer’s township on each application (migration 005 triggers)', () => {
  it('is filled on insert, follows a change of buyer, and moves when the buyer moves', async () => {
    const core = await stationCore();
    try {
      const zhang = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1, { name: '张三' })));
      const li = expectOk<Farmer>(await core.call('farmers.create', farmerInput(2, { name: '李四', townshipCode: '371525001' })));
      const scrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(zhang.id)));
      const purchase = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id)));
      const township = (table: string, id: string) =>
        core.db.prepare(`SELECT buyer_township_code FROM ${table} WHERE id = ?`).pluck().get(id);
      expect([township('scraps', scrap.id), township('purchases', purchase.id)]).toEqual(['371525103', '371525103']);

      expectOk(await core.call('purchases.update', { ...tractorPurchase(li.id), id: purchase.id }));
      expect(township('purchases', purchase.id)).toBe('371525001');

      const {
        id: _id,
        stationId: _s,
        townshipName: _t,
        createdAt: _c,
        updatedAt,
        voidedAt: _v,
        voidReason: _r,
        birthDate: _b,
        ...rest
      } = zhang;
      const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
      expectOk(
        await core.call('farmers.update', { ...fields, townshipCode: '371525108', id: zhang.id, expectedUpdatedAt: updatedAt } as never),
      );
      expect(township('scraps', scrap.id)).toBe('371525108');
      // a stray write of the copy is put right
      core.db.prepare("UPDATE scraps SET buyer_township_code = '371525001' WHERE id = ?").run(scrap.id);
      expect(township('scraps', scrap.id)).toBe('371525108');
    } finally {
      core.dispose();
    }
  });

  it('is backfilled for rows written before migration 005', () => {
    const tmp = tempDir('agri-m5-');
    const db = new Database(join(tmp.dir, 'old.db'));
    try {
      const all = loadMigrations();
      migrate(
        db,
        all.filter((m) => m.version <= 4),
      );
      const at = '2025-01-01T00:00:00.000Z';
      db.prepare(
        `INSERT INTO farmers (id, station_id, kind, name, name_pinyin, name_initials, id_number, id_number_rev, phone, township_code, village, created_at, updated_at)
         VALUES ('f1', 's', 'individual', '张三', 'zhangsan', 'zs', '371525198001010012', '2100101008915257', '13800000000', '371525103', '东街', ?, ?)`,
      ).run(at, at);
      db.prepare(
        `INSERT INTO purchases (id, station_id, farmer_id, catalog_year, category, item, band_label, maker, product_name, model, model_norm, factory_no,
           factory_no_norm, invoice_no, invoice_date, price_fen, purchase_date, terminal_kind, purchase_fen, scrap_part_fen, total_fen, status, status_at,
           created_at, updated_at)
         VALUES ('p1', 's', 'f1', 2025, '类', '拖拉机', '档', '厂', '拖拉机', 'M', 'M', 'S1', 'S1', 'I', '2025-01-02', 100, '2025-01-02', 'none', 0, 0, 0,
           'paid', ?, ?, ?)`,
      ).run(at, at, at);
      migrate(db, all);
      expect(db.prepare("SELECT buyer_township_code FROM purchases WHERE id = 'p1'").pluck().get()).toBe('371525103');
      expect(db.pragma('user_version', { simple: true })).toBe(all.at(-1)?.version);
    } finally {
      db.close();
      tmp.dispose();
    }
  });
});
