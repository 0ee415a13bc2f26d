import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../db/migrate';
import { farmerSearchStatements, searchFarmers, type FarmerQuery } from '../../db/repositories/farmers';
import { queryPlan } from '../../db/repositories/progress';
import { nameMaker, phoneFor, timeOn } from '../../db/bench/names';
import { rowWriter, seededRandom } from '../../db/bench/rows';
import { parseFarmerQuery } from '../../db/services/farmers';
import { TOWNSHIPS } from '../../shared/domain/townships';
import type { Farmer } from '../../shared/schemas/farmers';
import { expectOk, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';

/**
 * farmers.search by a piece of a name through farmer_name_grams (migration 017) returns exactly what the
 * LIKE '%…%' scan it replaces returned, on a generated station of a few thousand buyers with realistic
 * names, odd names (Latin letters in both cases, LIKE's own wildcard characters, long names), voided
 * farmers, several townships and edits made through the app.
 */
let core: TempCore;
const FARMERS = 4000;
const ODD = ['AB农机合作社', 'ab农机合作社', '张_三', '李%四', '王\\五', '欧阳娜娜', '司马光明', '冠县长青家庭农场有限公司第二分公司', 'Z'];
const townships = TOWNSHIPS.slice(0, 3).map((t) => t.code);

beforeAll(async () => {
  core = await stationCore();
  const stationId = core.db.prepare('SELECT station_id FROM installation').pluck().get() as string;
  const rnd = seededRandom(17);
  const nextName = nameMaker(rnd);
  const w = rowWriter(core.db);
  core.db.transaction(() => {
    for (let i = 0; i < FARMERS; i++) {
      const name = i < ODD.length ? { name: ODD[i] as string } : nextName();
      // some farmers share an update instant, so the id decides their order
      const at = i % 10 === 0 ? '2024-05-01T02:00:00.000Z' : timeOn(`20${16 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`, rnd);
      w.farmer({ id: randomUUID(), stationId, townshipCode: townships[i % 3] as string, ...name, idNumber: `37152519800101${String(i).padStart(4, '0')}`, phone: phoneFor(i, rnd), at });
    }
  })();
  core.db.prepare("UPDATE farmers SET voided_at = updated_at, void_reason = '重复登记' WHERE rowid % 7 = 0").run();
  // edits through the app: renamed, voided
  for (let n = 1; n <= 6; n++) {
    const f = expectOk<Farmer>(await core.call('farmers.create', farmerInput(n, { name: n % 2 ? '张三丰' : '王建国' })));
    if (n === 1) expectOk(await core.call('farmers.update', { ...farmerInput(n, { name: '张三' }), id: f.id }));
    if (n === 2) expectOk(await core.call('farmers.void', { id: f.id, reason: '登记错误' }));
  }
}, 120_000);
afterAll(() => core.dispose());

/** farmers.search by name as it was before migration 017: a LIKE scan of farmers. */
function oldNameSearch(db: Database.Database, q: FarmerQuery): { ids: string[]; total: number } {
  const where = ["name LIKE '%' || @nameLike || '%' ESCAPE '\\'"];
  if (!q.includeVoided) where.push('voided_at IS NULL');
  if (q.townshipCode) where.push('township_code = @townshipCode');
  const p = { nameLike: q.nameLike, townshipCode: q.townshipCode ?? null, limit: q.limit, offset: q.offset };
  return {
    ids: db.prepare(`SELECT id FROM farmers WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`).pluck().all(p) as string[],
    total: db.prepare(`SELECT count(*) FROM farmers WHERE ${where.join(' AND ')}`).pluck().get(p) as number,
  };
}

function nameQueries(db: Database.Database): string[] {
  const names = db.prepare('SELECT name FROM farmers WHERE rowid % 97 = 1').pluck().all() as string[];
  const qs = new Set<string>(['三', '张三', '张三丰', '建国', '王建国', 'ab农机', 'Ab', 'B农', '_', '%', '\\', '张_', '李%', '王\\五', '农场有限', '没有这个人', '光明']);
  for (const n of names) {
    const chars = Array.from(n);
    qs.add(chars[0] as string);
    qs.add(chars.slice(-2).join(''));
    qs.add(n);
  }
  return [...qs];
}

describe('farmers.search by name through farmer_name_grams (issue 16)', () => {
  it('gives the same rows, order and totals as the LIKE scan, with and without voided farmers, by township, on later pages', () => {
    const queries = nameQueries(core.db);
    expect(queries.length).toBeGreaterThan(40);
    let compared = 0;
    for (const text of queries) {
      const parsed = parseFarmerQuery(text);
      if (!parsed.nameLike) continue;
      for (const includeVoided of [false, true]) {
        for (const townshipCode of [undefined, townships[1]]) {
          for (const offset of [0, 20]) {
            const q: FarmerQuery = { ...parsed, includeVoided, townshipCode, limit: 20, offset };
            const got = searchFarmers(core.db, q);
            const want = oldNameSearch(core.db, q);
            expect({ ids: got.rows.map((r) => r.id), total: got.total }, `${text} ${includeVoided} ${townshipCode} ${offset}`).toEqual(want);
            compared += want.ids.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('through the dispatcher: farmers.search finds a renamed farmer by the new name only and hides the voided one', async () => {
    const byNew = expectOk<{ items: Farmer[]; total: number }>(await core.call('farmers.search', { q: '张三', pageSize: 200 }));
    const want = oldNameSearch(core.db, { nameLike: '张三', includeVoided: false, limit: 200, offset: 0 });
    expect(byNew.items.map((f) => f.id)).toEqual(want.ids);
    expect(byNew.total).toBe(want.total);
    const wang = oldNameSearch(core.db, { nameLike: '王建国', includeVoided: true, limit: 200, offset: 0 });
    const live = expectOk<{ items: Farmer[] }>(await core.call('farmers.search', { q: '王建国', pageSize: 200 }));
    expect(live.items.length).toBeLessThan(wang.ids.length);
  });

  it('every name query shape reads the name index in the search order: no farmers scan, no sort', () => {
    for (const text of ['王', '张三', '王建国', 'Ab农']) {
      for (const includeVoided of [false, true]) {
        for (const townshipCode of [undefined, townships[0]]) {
          const st = farmerSearchStatements({ ...parseFarmerQuery(text), includeVoided, townshipCode, limit: 20, offset: 0 });
          for (const sql of [st.list, st.count]) {
            const plan = queryPlan(core.db, sql, st.params);
            const label = `${text} ${includeVoided} ${townshipCode}: ${plan.join(' | ')}`;
            expect(plan.filter((l) => /^SCAN /.test(l) || /TEMP B-TREE/.test(l)), label).toEqual([]);
            expect(plan.some((l) => /SEARCH g USING PRIMARY KEY \(gram=/.test(l)), label).toBe(true);
          }
        }
      }
    }
  });

  it('migration 017 on a populated file builds the same index the triggers keep', () => {
    const tmp = tempDir('agri-grams-');
    try {
      const migrations = loadMigrations();
      const before = new Database(join(tmp.dir, 'v16.db'));
      migrate(before, migrations.filter((m) => m.version < 17));
      const after = new Database(join(tmp.dir, 'v17.db'));
      migrate(after, migrations);
      const copy = (db: Database.Database) => {
        db.exec(`ATTACH '${core.dbPath.replace(/'/g, "''")}' AS src`);
        db.exec('INSERT INTO farmers SELECT * FROM src.farmers');
        db.exec('DETACH src');
      };
      copy(before);
      copy(after);
      migrate(before, migrations);
      const grams = (db: Database.Database) => db.prepare('SELECT * FROM farmer_name_grams ORDER BY gram, updated_at DESC, id').all();
      const built = grams(before);
      expect(built.length).toBeGreaterThan(FARMERS * 3);
      expect(built).toEqual(grams(after));
      expect(built).toEqual(grams(core.db));
      before.close();
      after.close();
    } finally {
      tmp.dispose();
    }
  });
});
