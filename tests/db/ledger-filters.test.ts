import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { queryPlan } from '../../db/repositories/progress';
import type { CursorKey, PageRequest } from '../../db/repositories/keyset';
import { filterRowidsSql, plannedLedgerPage, SPARSE_CAP, type LedgerTable } from '../../db/repositories/ledger-plan';
import { ledgerCountFrom, ledgerFrom, type LedgerFilter } from '../../db/repositories/ledger-query';
import { pageStatements } from '../../db/repositories/ledger-page';
import { listPurchases, purchaseFilterSql } from '../../db/repositories/purchases';
import { listScraps, scrapFilterSql } from '../../db/repositories/scraps';
import { withCandidates } from '../../db/repositories/ledger-text';
import { tempDir } from '../support/core';
import { referenceIds } from '../support/ledger-reference';

/**
 * purchases.list / scraps.list with no text, every combination of the filter bar (year, township, status,
 * item) × every sort (issue 16, migration 019): the count reads a filter index, few matches are sorted
 * directly, many walk the sort index. Both plans return exactly the old query's rows, page by page.
 */
const LIULIN = '371525103';
const SORTS = ['createdAt', 'date', 'amount', 'farmer'] as const;
const ORDERS = ['asc', 'desc'] as const;
const PARTS = (item: string): Partial<LedgerFilter>[] => [{ year: 2024 }, { townshipCode: LIULIN }, { status: 'paid' }, { item }];
const ITEM = { purchases: '旋耕机', scraps: '拖拉机' } as const;

function combinations(table: LedgerTable): LedgerFilter[] {
  const parts = PARTS(ITEM[table]);
  const out: LedgerFilter[] = [];
  for (let mask = 0; mask < 1 << parts.length; mask++) {
    for (const sortBy of SORTS) {
      for (const sortOrder of ORDERS) {
        out.push(Object.assign({ q: '', includeVoided: false, sortBy, sortOrder }, ...parts.filter((_, i) => mask & (1 << i))) as LedgerFilter);
      }
    }
  }
  return out;
}

const sqlOf = (table: LedgerTable, f: LedgerFilter) => (table === 'purchases' ? purchaseFilterSql(f) : scrapFilterSql(f));

/** Every page forwards by cursor, then back again from the last; and the second offset page. */
function pagesOf(db: Database.Database, table: LedgerTable, f: LedgerFilter, cap: number, limit: number) {
  const read = (page: PageRequest) => plannedLedgerPage<{ id: string }>(db, table, 'SELECT t.id', sqlOf(table, f), page, cap);
  const forward: string[][] = [];
  let page = read({ limit });
  for (;;) {
    forward.push(page.rows.map((r) => r.id));
    if (!page.next) break;
    page = read({ limit, after: page.next as CursorKey });
  }
  const backward: string[][] = [page.rows.map((r) => r.id)];
  while (page.prev) {
    page = read({ limit, before: page.prev });
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward, backward, first: read({ limit }), second: read({ limit, offset: limit }).rows.map((r) => r.id) };
}

describe('ledger filters and sorts without text (issue 16, migration 019)', () => {
  const tmp = tempDir('agri-ledger-filters-');
  let db: Database.Database;
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 4_000, firstYear: 2020, lastYear: 2025, lastDate: '2025-12-31', seed: 5 });
    db = new Database(file);
    // ties in every sort key (same pinyin for many buyers, same creation time and amount for many rows), a few
    // scraps without a handover date (their date is the day they were created), some voided rows
    db.exec(`UPDATE farmers SET name_pinyin = 'n' || (rowid % 37)`);
    db.exec(`UPDATE purchases SET created_at = purchase_date || 'T0' || (rowid % 4) || ':00:00.000Z', total_fen = 1000 * (rowid % 7), purchase_fen = 1000 * (rowid % 7), scrap_part_fen = 0`);
    db.exec(`UPDATE scraps SET handover_date = NULL WHERE rowid % 5 = 0`);
  }, 120_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  for (const table of ['purchases', 'scraps'] as const) {
    it(`${table}: both plans page exactly the old query's rows, forwards, backwards and by offset, with exact totals`, () => {
      let sparse = 0;
      let dense = 0;
      for (const f of combinations(table)) {
        const expected = referenceIds(db, table, f);
        const limit = Math.max(7, Math.ceil(expected.length / 4));
        const pages: string[][] = [];
        for (let i = 0; i < expected.length || i === 0; i += limit) pages.push(expected.slice(i, i + limit));
        const label = `${table} ${JSON.stringify(f)}`;
        // the filter's rowids are the count: exactly the matching rows
        const rowids = db.prepare(filterRowidsSql(table, sqlOf(table, f))).pluck().all(sqlOf(table, f).params);
        expect(rowids.length, label).toBe(expected.length);
        if (expected.length <= SPARSE_CAP) sparse++;
        else dense++;
        for (const cap of [0, Infinity]) {
          const got = pagesOf(db, table, f, cap, limit);
          expect(got.forward, `${label} cap ${cap}`).toEqual(pages);
          expect(got.backward, `${label} cap ${cap}`).toEqual(pages);
          expect(got.second, `${label} cap ${cap}`).toEqual(pages[1] ?? []);
          expect(got.first, `${label} cap ${cap}`).toMatchObject({ total: expected.length, totalCapped: false });
        }
        // and as the app calls it
        const list = table === 'purchases' ? listPurchases : listScraps;
        expect(
          list(db, f, { limit: 20 }).rows.map((r) => r.id),
          label,
        ).toEqual(expected.slice(0, 20));
      }
      // the generated file holds filters on both sides of SPARSE_CAP for purchases (the scraps are fewer)
      if (table === 'purchases') expect(Math.min(sparse, dense)).toBeGreaterThan(10);
    }, 300_000);
  }

  it('every count reads only a covering filter index, seeking its equalities (a scan only with no filter at all)', () => {
    for (const table of ['purchases', 'scraps'] as const) {
      for (const f of combinations(table).filter((c) => c.sortBy === 'createdAt' && c.sortOrder === 'desc')) {
        const sql = sqlOf(table, f);
        const plan = queryPlan(db, filterRowidsSql(table, sql), sql.params);
        const label = `${table} ${JSON.stringify(f)}: ${plan.join(' | ')}`;
        expect(plan, label).toHaveLength(1);
        const filtered = f.year || f.townshipCode || f.status || f.item;
        expect(plan[0], label).toMatch(filtered ? /^SEARCH t USING COVERING INDEX \w+ \(/ : /^SCAN t USING COVERING INDEX \w+_ledger_created$/);
        // the township and item indexes seek every column the filter gives (status IN … when none is chosen)
        if (f.townshipCode && f.item) expect(plan[0], label).toMatch(/buyer_township_code=\? AND status=\? AND item=\?/);
        if (f.item && !f.townshipCode && f.year) expect(plan[0], label).toMatch(/item=\? AND status=\? AND .*>\? AND .*<\?/);
      }
    }
  });

  it('few matches are sorted directly: the candidates by rowid, one bounded sort; many walk the sort index in order', () => {
    for (const table of ['purchases', 'scraps'] as const) {
      for (const f of combinations(table)) {
        const sql = withCandidates(sqlOf(table, f), [1, 2, 3]);
        for (const page of [{ limit: 20 }, { limit: 20, after: f.sortBy === 'farmer' ? ['x', 'y', 'z'] : ['x', 'z'] }]) {
          const from = f.sortBy === 'farmer' ? ledgerFrom(table, sql) : ledgerCountFrom(table, sql);
          const st = pageStatements('SELECT t.rowid AS _r', from, sql, page);
          const plan = queryPlan(db, st.list, st.listParams);
          const label = `${table} ${JSON.stringify(f)}: ${plan.join(' | ')}`;
          expect(plan[0], label).toMatch(/^SCAN _c VIRTUAL TABLE/);
          expect(plan.filter((l) => /^SEARCH t /.test(l)), label).toEqual([expect.stringMatching(/USING INTEGER PRIMARY KEY \(rowid=\?\)/)]);
          // at most SPARSE_CAP rows reach this sort
          expect(plan.filter((l) => /TEMP B-TREE/.test(l)), label).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
        }
      }
    }
  });
});
