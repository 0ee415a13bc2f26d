import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { farmerSearchStatements } from '../../db/repositories/farmers';
import { parseFarmerQuery } from '../../db/services/farmers';
import { queryPlan } from '../../db/repositories/progress';
import type { Farmer } from '../../shared/schemas/farmers';
import { expectOk, farmerInput, stationCore, type TempCore } from '../support/core';

let core: TempCore;
const NAMES = ['张三', '张三丰', '李四', '王五', '欧阳娜娜', '张珊'];

beforeAll(async () => {
  core = await stationCore();
  for (let n = 1; n <= 60; n++) {
    expectOk<Farmer>(await core.call('farmers.create', farmerInput(n, { name: NAMES[n % NAMES.length] ?? '张三' })));
  }
}, 60_000);
afterAll(() => core.dispose());

/** farmers.search as it was before issue 16: patterns built in SQL, the phone tail by a scan. */
function oldSearch(q: string): string[] {
  const p = parseFarmerQuery(q);
  const any: string[] = [];
  if (p.idNumber) any.push('id_number = @idNumber');
  if (p.idTailReversed) any.push("id_number_rev GLOB @idTailReversed || '*'");
  if (p.phoneTail) any.push("phone GLOB '*' || @phoneTail");
  if (p.pinyinPrefix) any.push("name_initials GLOB @pinyinPrefix || '*'", "name_pinyin GLOB @pinyinPrefix || '*'");
  if (p.nameLike) any.push("name LIKE '%' || @nameLike || '%' ESCAPE '\\'");
  const rank = p.pinyinPrefix ? '(name_initials = @pinyinPrefix OR name_pinyin = @pinyinPrefix) DESC,' : '';
  const sql = `SELECT id FROM farmers WHERE (${any.join(' OR ')}) AND voided_at IS NULL ORDER BY ${rank} updated_at DESC, id LIMIT 200`;
  return core.db
    .prepare(sql)
    .pluck()
    .all({
      idNumber: p.idNumber ?? null,
      idTailReversed: p.idTailReversed ?? null,
      phoneTail: p.phoneTail ?? null,
      pinyinPrefix: p.pinyinPrefix ?? null,
      nameLike: p.nameLike ?? null,
    }) as string[];
}

describe('farmers.search through indexes (issue 16)', () => {
  it('finds exactly what the old queries found, for names, pinyin, ID and phone tails', async () => {
    const sample = expectOk<Farmer>(await core.call('farmers.get', { id: oldSearch('张三')[0] }));
    const queries = ['张三', '三', '欧阳', 'zs', 'zhangsan', 'oynn', sample.idNumber.slice(-6), sample.idNumber.slice(-4)];
    queries.push(sample.phone.slice(-4), sample.phone.slice(-7), '12', sample.idNumber);
    for (const q of queries) {
      const got = expectOk<{ items: Farmer[] }>(await core.call('farmers.search', { q, pageSize: 200 })).items.map((f) => f.id);
      expect(got, q).toEqual(oldSearch(q));
    }
    expect(oldSearch(sample.phone.slice(-4)).length).toBeGreaterThan(0);
  });

  it('ID and phone tails of four digits or more, and pinyin, read indexes only (no table scan)', () => {
    for (const q of ['0012', '13800138000', 'zs', 'zhangsan']) {
      const st = farmerSearchStatements({ ...parseFarmerQuery(q), includeVoided: false, limit: 20, offset: 0 });
      for (const sql of [st.list, st.count]) {
        const plan = queryPlan(core.db, sql, st.params);
        expect(
          plan.filter((l) => /^SCAN farmers/.test(l)),
          `${q}: ${plan.join(' | ')}`,
        ).toEqual([]);
      }
    }
  });
});
