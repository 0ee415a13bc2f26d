import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { auditPageStatements } from '../../db/repositories/audit';
import type { CursorKey, PageRequest } from '../../db/repositories/keyset';
import type { PageStatements } from '../../db/repositories/ledger-page';
import type { LedgerFilter } from '../../db/repositories/ledger-query';
import { listPurchases, purchasePageStatements, type PurchaseLedgerRow } from '../../db/repositories/purchases';
import { listScraps, scrapPageStatements } from '../../db/repositories/scraps';
import { voucherPageStatements } from '../../db/repositories/vouchers';
import { queryPlan } from '../../db/repositories/progress';
import { tempDir } from '../support/core';

const LIULIN = '371525103';
const SORTS = ['date', 'createdAt', 'amount', 'farmer'] as const;
const ORDERS = ['asc', 'desc'] as const;
const CURSOR3: CursorKey = ['x', 'y', 'z'];
const CURSOR2: CursorKey = ['x', 'z'];

/** Every optional filter of the ledger filter bar, each alone and in every combination. */
const FILTER_PARTS: Partial<LedgerFilter>[] = [
  { year: 2024 },
  { townshipCode: LIULIN },
  { status: 'paid' },
  { item: '旋耕机' },
  { q: '农户12' },
  { q: 'nh' },
  { q: '0012' },
];

function filterCombinations(): Partial<LedgerFilter>[] {
  const out: Partial<LedgerFilter>[] = [];
  const textless = FILTER_PARTS.filter((p) => p.q === undefined);
  // every combination with no text and with the text that adds the most alternatives (letters); other texts alone
  for (let mask = 0; mask < 1 << textless.length; mask++) {
    for (const text of [{}, { q: 'nh' }]) out.push(Object.assign({}, ...textless.filter((_, i) => mask & (1 << i)), text));
  }
  return [...out, { q: '农户12' }, { q: '0012' }];
}

/** The page requests a ledger makes: the first page, next and previous by cursor, and a page number. */
function pageRequests(sortBy: string): PageRequest[] {
  const c = sortBy === 'farmer' ? CURSOR3 : CURSOR2;
  return [{ limit: 20 }, { limit: 20, after: c }, { limit: 20, before: c }];
}

/**
 * No table read whole (a SCAN without an index) and no sorting of the rows (a temporary B-tree). The capped
 * count may scan (it stops at 10,001 matching rows) but never sorts.
 */
function expectIndexed(db: Database.Database, label: string, st: PageStatements) {
  expect(st.count, label).toMatch(/LIMIT 10001\)$/);
  expect(queryPlan(db, st.count, st.countParams).filter((l) => /TEMP B-TREE/.test(l)), label).toEqual([]);
  {
    const plan = queryPlan(db, st.list, st.listParams);
    const text = `${label}: ${plan.join(' | ')}`;
    expect(
      plan.filter((l) => /^SCAN /.test(l) && !/USING|^SCAN \(subquery/.test(l)),
      text,
    ).toEqual([]);
    expect(
      plan.filter((l) => /TEMP B-TREE/.test(l)),
      text,
    ).toEqual([]);
  }
}

const filterOf = (f: Partial<LedgerFilter>, sortBy: LedgerFilter['sortBy'], sortOrder: LedgerFilter['sortOrder']): LedgerFilter => ({
  q: '',
  includeVoided: false,
  ...f,
  sortBy,
  sortOrder,
});

/** The ledger query as it was before keyset paging (issue 16): OFFSET pages, the old year filter, every row counted. */
function oldPurchasePage(db: Database.Database, f: LedgerFilter, limit: number, offset: number): string[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit, offset };
  if (f.year) {
    where.push('t.purchase_date >= @ys AND t.purchase_date < @ye');
    Object.assign(params, { ys: `${f.year}-01-01`, ye: `${f.year + 1}-01-01` });
  }
  if (f.townshipCode) {
    where.push('f.township_code = @tc');
    params.tc = f.townshipCode;
  }
  if (f.status) {
    where.push('t.status = @st');
    params.st = f.status;
  } else if (!f.includeVoided) where.push('t.voided_at IS NULL');
  if (f.item) {
    where.push('t.item = @item');
    params.item = f.item;
  }
  const col = { date: 't.purchase_date', createdAt: 't.created_at', amount: 't.total_fen', farmer: 'f.name_pinyin' }[f.sortBy];
  const dir = f.sortOrder.toUpperCase();
  const sql = `SELECT t.id FROM purchases t JOIN farmers f ON f.id = t.farmer_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${col} ${dir}, ${f.sortBy === 'farmer' ? `f.id ${dir}, ` : ''}t.id ${dir} LIMIT @limit OFFSET @offset`;
  return db.prepare(sql).pluck().all(params) as string[];
}

describe('ledger pages on a generated county file (issue 16)', () => {
  const tmp = tempDir('agri-ledger-scale-');
  let db: Database.Database;
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 6_000, firstYear: 2016, lastYear: 2025, lastDate: '2025-12-31', seed: 7 });
    db = new Database(file);
    // varied sort keys: distinct pinyin per farmer group, creation times spread over the years
    db.exec(`UPDATE farmers SET name_pinyin = 'n' || (rowid % 97)`);
    db.exec(`UPDATE purchases SET created_at = purchase_date || 'T0' || (rowid % 10) || ':00:00.000Z'`);
  }, 120_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  it('every purchase and scrap ledger shape the UI can produce reads an index in order', () => {
    let shapes = 0;
    for (const f of filterCombinations()) {
      for (const sortBy of SORTS) {
        for (const sortOrder of ORDERS) {
          const filter = filterOf(f, sortBy, sortOrder);
          for (const page of pageRequests(sortBy)) {
            const label = `${JSON.stringify(filter)} ${JSON.stringify(page)}`;
            expectIndexed(db, `purchases ${label}`, purchasePageStatements(filter, page));
            expectIndexed(db, `scraps ${label}`, scrapPageStatements(filter, page));
            shapes += 2;
          }
        }
      }
    }
    // the farmer page and the purchase form's linkable scraps: one buyer's rows, voided included
    const own = filterOf({ farmerId: '00000000-0000-4000-8000-000000000000', includeVoided: true }, 'createdAt', 'desc');
    expectIndexed(db, 'purchases of a farmer', purchasePageStatements(own, { limit: 200 }));
    expectIndexed(db, 'scraps of a farmer', scrapPageStatements(own, { limit: 200 }));
    expect(shapes).toBe(34 * 8 * 3 * 2);
  });

  it('a text query with candidate rows (ledger-text.ts) reads only those rows, by rowid, and sorts at most CANDIDATE_CAP of them', () => {
    for (const f of filterCombinations().filter((p) => p.q)) {
      for (const sortBy of SORTS) {
        for (const page of pageRequests(sortBy)) {
          const filter = filterOf(f, sortBy, 'desc');
          for (const st of [purchasePageStatements(filter, page, [1, 2, 3]), scrapPageStatements(filter, page, [1, 2, 3])]) {
            const label = `${JSON.stringify(filter)} ${JSON.stringify(page)}`;
            for (const [sql, params] of [
              [st.list, st.listParams],
              [st.count, st.countParams],
            ] as const) {
              const plan = queryPlan(db, sql, params);
              const text = `${label}: ${plan.join(' | ')}`;
              // the candidate list drives; every table after it is a rowid or primary-key lookup
              expect(plan.find((l) => /^SCAN /.test(l)), text).toMatch(/^SCAN _c VIRTUAL TABLE/);
              expect(plan.filter((l) => /^SCAN /.test(l) && !/^SCAN _c VIRTUAL TABLE|^SCAN \(subquery/.test(l)), text).toEqual([]);
              expect(plan.filter((l) => /^SEARCH t /.test(l)), text).toEqual([expect.stringMatching(/USING INTEGER PRIMARY KEY \(rowid=\?\)/)]);
            }
          }
        }
      }
    }
  });

  it('every voucher and audit list shape reads an index in order', () => {
    for (const q of ['', 'GX2025', 'zs']) {
      for (const year of [undefined, 2025]) {
        for (const includeVoided of [false, true]) {
          for (const page of [{ limit: 20 }, { limit: 20, after: ['x', 1, 'y'] }, { limit: 20, before: ['x', 1, 'y'] }]) {
            expectIndexed(db, `vouchers ${q} ${year} ${includeVoided}`, voucherPageStatements({ q, year, includeVoided }, page));
          }
        }
      }
    }
    expectIndexed(db, 'voucher of an application', voucherPageStatements({ q: '', applicationId: 'a', includeVoided: false }, { limit: 1 }));
    for (const f of [{}, { entityId: 'e' }, { entity: 'purchase' }]) {
      for (const page of [{ limit: 50 }, { limit: 50, after: ['x', 1] }, { limit: 50, before: ['x', 1] }]) {
        expectIndexed(db, `audit ${JSON.stringify(f)}`, auditPageStatements(f, page));
      }
    }
  });

  it('keyset pages, forwards and backwards, hold exactly the rows of the old offset pages', () => {
    const cases: Partial<LedgerFilter>[] = [{}, { year: 2024 }, { townshipCode: LIULIN, item: '旋耕机' }];
    for (const f of cases) {
      for (const sortBy of SORTS) {
        for (const sortOrder of ORDERS) {
          const filter = filterOf(f, sortBy, sortOrder);
          const limit = 400;
          const oldPages: string[][] = [];
          for (let offset = 0; ; offset += limit) {
            const ids = oldPurchasePage(db, filter, limit, offset);
            if (!ids.length) break;
            oldPages.push(ids);
          }
          const forward: string[][] = [];
          let page = listPurchases(db, filter, { limit });
          const ids = (rows: PurchaseLedgerRow[]) => rows.map((r) => r.id);
          for (;;) {
            forward.push(ids(page.rows));
            if (!page.next) break;
            page = listPurchases(db, filter, { limit, after: page.next });
          }
          const label = JSON.stringify(filter);
          expect(forward, label).toEqual(oldPages.length ? oldPages : [[]]);
          // and back again from the last page
          const backward: string[][] = [ids(page.rows)];
          while (page.prev) {
            page = listPurchases(db, filter, { limit, before: page.prev });
            backward.unshift(ids(page.rows));
          }
          expect(backward, label).toEqual(forward);
          // offset pages through the new query agree as well
          expect(ids(listPurchases(db, filter, { limit, offset: limit }).rows), label).toEqual(oldPages[1] ?? []);
        }
      }
    }
  }, 300_000);

  it('counts exactly up to 10,000 and says "more" above it', () => {
    const all = listScraps(db, filterOf({ includeVoided: true }, 'createdAt', 'desc'), { limit: 5 });
    const n = db.prepare('SELECT count(*) FROM scraps').pluck().get() as number;
    expect(all).toMatchObject({ total: n, totalCapped: false });
    const big = listPurchases(db, filterOf({ includeVoided: true }, 'createdAt', 'desc'), { limit: 5 });
    const m = db.prepare('SELECT count(*) FROM purchases').pluck().get() as number;
    expect(m).toBeLessThanOrEqual(10_000);
    expect(big).toMatchObject({ total: m, totalCapped: false });
  });
});
