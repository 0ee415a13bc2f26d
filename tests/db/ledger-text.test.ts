import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { COUNT_BUDGET, DENSE_MATCHES } from '../../db/repositories/bounded-count';
import type { CursorKey } from '../../db/repositories/keyset';
import { plannedLedgerPage, SPARSE_CAP, textSampleStatement } from '../../db/repositories/ledger-plan';
import { queryPlan } from '../../db/repositories/progress';
import type { LedgerFilter } from '../../db/repositories/ledger-query';
import { textCandidates } from '../../db/repositories/ledger-text';
import { countPurchases, listPurchases, purchaseFilterSql } from '../../db/repositories/purchases';
import { countScraps, listScraps, scrapFilterSql } from '../../db/repositories/scraps';
import { tempDir } from '../support/core';
import { referenceIds } from '../support/ledger-reference';

type List = typeof listPurchases | typeof listScraps;

/** Every page of the new query, forwards by cursor, as one list of ids. */
function walkedIds(db: Database.Database, list: List, filter: LedgerFilter, limit: number): string[] {
  const ids: string[] = [];
  let after: CursorKey | undefined;
  for (;;) {
    const page = list(db, filter, after ? { limit, after } : { limit });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
}

const SORTS = [
  ['createdAt', 'desc'],
  ['date', 'asc'],
  ['amount', 'desc'],
  ['farmer', 'desc'],
] as const;

describe('ledger text query through candidate rows (issue 16, migration 018)', () => {
  const tmp = tempDir('agri-ledger-text-');
  let db: Database.Database;
  const queries: string[] = [];
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 3_000, firstYear: 2022, lastYear: 2025, lastDate: '2025-12-31', seed: 11 });
    db = new Database(file);
    // varied models, makers and numbers, written after the load so the triggers of 018 keep the index in step
    db.exec(`UPDATE purchases SET model = 'RX-' || (rowid % 40) || 'b', maker = '潍柴' || char(65 + rowid % 5) || '厂', engine_no_norm = 'EN' || (rowid * 7919 % 100000)
      WHERE rowid % 3 = 0`);
    db.exec(`UPDATE scraps SET model = 'Dq_' || (rowid % 9) || '%', maker = '东方红' || (rowid % 4), frame_no_norm = 'FR' || (rowid * 31 % 5000), plate_no_norm = '鲁P' || rowid
      WHERE rowid % 2 = 0`);
    db.exec(`UPDATE farmers SET name = 'Ab' || name WHERE rowid % 50 = 0`);
    const sample = (sql: string) => db.prepare(sql).pluck().all() as string[];
    const names = sample('SELECT name FROM farmers ORDER BY rowid LIMIT 6');
    const serials = sample('SELECT factory_no_norm FROM purchases ORDER BY rowid LIMIT 3');
    const engines = sample('SELECT engine_no_norm FROM purchases WHERE engine_no_norm IS NOT NULL ORDER BY rowid LIMIT 3');
    const frames = sample('SELECT frame_no_norm FROM scraps WHERE frame_no_norm IS NOT NULL ORDER BY rowid LIMIT 2');
    const ids = sample('SELECT id_number FROM farmers ORDER BY rowid LIMIT 2');
    const pinyin = sample('SELECT name_pinyin FROM farmers ORDER BY rowid LIMIT 2');
    queries.push(
      ...names.flatMap((n) => [n, n.slice(0, 1), n.slice(1), n.slice(0, 2)]),
      ...serials.flatMap((s) => [s, s.slice(1, 6), s.slice(2, 5).toLowerCase(), s.slice(0, 4).split('').join('-')]),
      ...engines.flatMap((s) => [s, s.slice(2), s.slice(0, 3).toLowerCase()]),
      ...frames.flatMap((s) => [s, s.slice(1, 4)]),
      ...ids.flatMap((s) => [s.slice(-4), s.slice(-6), s.slice(-8)]),
      ...pinyin.flatMap((s) => [s.slice(0, 3), s.slice(0, 5), s.slice(0, 2).toUpperCase()]),
      'RX-1',
      'rx-12b',
      'x-3',
      '潍柴',
      '潍柴C厂',
      '柴c',
      '东方红2',
      '示例厂',
      'M-1',
      'M1',
      'm-1',
      'Dq_',
      'dq_3%',
      '_3%',
      '%',
      '_',
      '\\',
      'ab"c',
      '"',
      '鲁P1',
      '鲁p1',
      'Ab',
      'aB',
      'abz',
      '  ',
      '１２３４',
      'ＲＸ-2',
      'zzzzqq',
      '无此人',
      '8888',
      '9999X',
      '[1]',
      '*',
      'E?1',
    );
  }, 120_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  const FILTERS: Partial<LedgerFilter>[] = [
    {},
    { year: 2024, status: 'paid' },
    { includeVoided: true, townshipCode: '371525103', item: '旋耕机' },
  ];

  it('lists, pages and counts exactly the rows of the old query for many texts, filters and sorts', () => {
    let compared = 0;
    let throughCandidates = 0;
    let bounded = 0;
    for (const [table, list, count] of [
      ['purchases', listPurchases, countPurchases],
      ['scraps', listScraps, countScraps],
    ] as const) {
      for (const [i, q] of queries.entries()) {
        if (textCandidates(db, table, { q, includeVoided: false, sortBy: 'createdAt', sortOrder: 'desc' })) throughCandidates++;
        // every text with two filter/sort pairs, rotating so each filter meets each sort across the texts
        // (all twelve pairs for every text took minutes on a loaded 2-core machine)
        const pairs: [Partial<LedgerFilter>, (typeof SORTS)[number]][] = [
          [FILTERS[i % FILTERS.length] ?? {}, SORTS[i % SORTS.length] ?? SORTS[0]],
          [FILTERS[(i + 1) % FILTERS.length] ?? {}, SORTS[(i + 2) % SORTS.length] ?? SORTS[0]],
        ];
        for (const [f, [sortBy, sortOrder]] of pairs) {
          const filter: LedgerFilter = { includeVoided: false, ...f, q, sortBy, sortOrder };
          const label = `${table} ${JSON.stringify(filter)}`;
          const expected = referenceIds(db, table, filter);
          expect(walkedIds(db, list, filter, 701), label).toEqual(expected);
          const first = list(db, filter, { limit: 20, offset: 20 });
          expect(
            first.rows.map((r) => r.id),
            label,
          ).toEqual(expected.slice(20, 40));
          if (first.totalCapped && first.total < 10_000) {
            // a dense text over more rows than the budget: a lower bound from the sample, never above the truth
            bounded++;
            expect(first.total, label).toBeGreaterThanOrEqual(DENSE_MATCHES);
            expect(first.total, label).toBeLessThanOrEqual(Math.min(expected.length, COUNT_BUDGET + 1));
            // every row counted (a budget past the table): exact
            const sql = table === 'purchases' ? purchaseFilterSql(filter) : scrapFilterSql(filter);
            const whole = plannedLedgerPage(db, table, 'SELECT t.id', sql, { limit: 20 }, SPARSE_CAP, Number.MAX_SAFE_INTEGER);
            expect(whole, label).toMatchObject({ total: Math.min(expected.length, 10_000), totalCapped: expected.length > 10_000 });
          } else {
            expect(first.total, label).toBe(Math.min(expected.length, 10_000));
            expect(first.totalCapped, label).toBe(expected.length > 10_000);
          }
          expect(count(db, filter), label).toBe(expected.length);
          compared++;
        }
      }
    }
    expect(compared).toBe(2 * queries.length * 2);
    // most texts go through the candidate rows; the short ones walk the sort index
    expect(throughCandidates).toBeGreaterThan(queries.length);
    // the texts on every row (a maker, a letter) take the sampled total
    expect(bounded).toBeGreaterThan(0);
  }, 600_000);

  it('a dense text samples its total through the count index and reads the sampled rows by rowid', () => {
    for (const table of ['purchases', 'scraps'] as const)
      for (const f of FILTERS) {
        const filter: LedgerFilter = { includeVoided: false, sortBy: 'createdAt', sortOrder: 'desc', ...f, q: '示例厂' };
        const sql = table === 'purchases' ? purchaseFilterSql(filter) : scrapFilterSql(filter);
        const lines = queryPlan(db, textSampleStatement(table, sql), sql.params);
        const text = `${table} ${JSON.stringify(f)}: ${lines.join(' | ')}`;
        expect(lines.some((l) => /^(SCAN|SEARCH) t USING (COVERING )?INDEX \w+_(ledger|progress)/.test(l)), text).toBe(true);
        expect(lines.some((l) => /^SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(l)), text).toBe(true);
        expect(lines.filter((l) => /TEMP B-TREE|^SCAN t$/.test(l)), text).toEqual([]);
      }
  });

  it('the trigram tables follow inserts, updates and deletes', () => {
    const row = db.prepare('SELECT rowid AS r, id FROM purchases ORDER BY rowid LIMIT 1').get() as { r: number; id: string };
    const find = (q: string) => textCandidates(db, 'purchases', { q, includeVoided: true, sortBy: 'createdAt', sortOrder: 'desc' }) ?? [];
    db.prepare("UPDATE purchases SET factory_no_norm = 'QWERTY123' WHERE id = ?").run(row.id);
    expect(find('WERTY')).toEqual([row.r]);
    db.prepare("UPDATE purchases SET factory_no_norm = 'ZXCVB999' WHERE id = ?").run(row.id);
    expect(find('WERTY')).toEqual([]);
    expect(find('xcvb')).toEqual([row.r]);
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM purchases WHERE id = ?').run(row.id);
    expect(find('xcvb')).toEqual([]);
  });
});
