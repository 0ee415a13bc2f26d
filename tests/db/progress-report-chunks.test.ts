import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { countedChunk, type CountedKey } from '../../db/repositories/progress';
import { COUNTED_STATUSES } from '../../shared/domain/workflow';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import { tempDir } from '../support/core';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** The report's ledger query before it was read in keyset chunks: the whole year in one ordered statement. */
function wholeYear(
  db: Database.Database,
  table: 'purchases' | 'scraps',
  townships: readonly string[],
  range: { start: string; end: string },
) {
  const [t, date, extra] =
    table === 'purchases'
      ? ['p', 'purchase_date', '']
      : ['s', 'handover_date', ', EXISTS (SELECT 1 FROM purchases x WHERE x.scrap_id = s.id AND x.voided_at IS NULL) AS renewed'];
  return db
    .prepare(
      `SELECT ${t}.*, f.name AS f_name, f.id_number AS f_id_number, f.phone AS f_phone, f.township_code AS f_township_code, f.village AS f_village${extra}
       FROM ${table} ${t} CROSS JOIN farmers f
       WHERE ${t}.status IN (${list(COUNTED_STATUSES)}) AND ${t}.${date} >= @start AND ${t}.${date} < @end AND ${t}.voided_at IS NULL
         AND +${t}.buyer_township_code IN (${list(townships)}) AND f.id = ${t}.farmer_id
       ORDER BY ${t}.${date}, ${t}.id`,
    )
    .all(range);
}

function chunked<T extends { id: string }>(read: (after: CountedKey | null) => T[], date: (r: T) => string, limit: number): T[] {
  const all: T[] = [];
  let after: CountedKey | null = null;
  for (;;) {
    const rows = read(after);
    all.push(...rows);
    if (rows.length < limit) return all;
    const last = rows[rows.length - 1] as T;
    after = { afterDate: date(last), afterId: last.id };
  }
}

describe('the progress report’s ledgers read in keyset chunks', () => {
  const tmp = tempDir('agri-report-chunks-');
  let db: Database.Database;
  beforeAll(async () => {
    const file = join(tmp.dir, 'county.db');
    await generateCountyFile({ file, purchases: 3_000, firstYear: 2023, lastYear: 2025, lastDate: '2025-12-31', seed: 11 });
    db = new Database(file);
    // many records on one day, so chunks end inside a day and the next must go on by id
    db.exec(`UPDATE purchases SET purchase_date = '2025-06-01' WHERE purchase_date LIKE '2025%' AND rowid % 4 = 0`);
    db.exec(`UPDATE scraps SET handover_date = '2025-06-01' WHERE handover_date LIKE '2025%' AND rowid % 3 = 0`);
  }, 60_000);
  afterAll(() => {
    db.close();
    tmp.dispose();
  });

  const range = { start: '2025-01-01', end: '2026-01-01' };
  for (const [scope, codes] of [
    ['the county', TOWNSHIP_CODES],
    ['one township', [TOWNSHIP_CODES[3] as string]],
  ] as const) {
    for (const limit of [3, 500]) {
      it(`give exactly the rows of the whole-year query, in its order (${scope}, ${limit} a chunk)`, () => {
        const purchases = chunked(
          (after) => countedChunk(db, 'purchases', COUNTED_STATUSES, codes, range, after, limit),
          (r) => r.purchase_date,
          limit,
        );
        const scraps = chunked(
          (after) => countedChunk(db, 'scraps', COUNTED_STATUSES, codes, range, after, limit),
          (r) => r.handover_date,
          limit,
        );
        const wantPurchases = wholeYear(db, 'purchases', codes, range);
        const wantScraps = wholeYear(db, 'scraps', codes, range);
        expect(wantPurchases.length).toBeGreaterThan(limit === 3 ? 3 : 0);
        expect(wantScraps.length).toBeGreaterThan(limit === 3 ? 3 : 0);
        expect(purchases).toEqual(wantPurchases);
        expect(scraps).toEqual(wantScraps);
      });
    }
  }
});
