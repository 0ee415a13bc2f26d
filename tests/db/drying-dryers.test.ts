import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dryer, Site } from '../../shared/schemas/drying';
import type { DryingSummary } from '../../shared/schemas/drying-summary';
import type { Scrap } from '../../shared/schemas/scraps';
import { createFarmer, expectFail, expectOk, farmerInput, stationCore, steppingClock, type TempCore } from '../support/core';
import { tractorScrap } from '../support/counter';
import { dryerInput, siteInput } from '../support/drying';

let core: TempCore;

beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2025, 2, 15, 4, 0, 0)) });
});
afterEach(() => core.dispose());

async function siteAt(
  stage: 'planned' | 'building' | 'built' | 'operating' | 'closed',
  overrides: Record<string, unknown> = {},
): Promise<Site> {
  let s = expectOk<Site>(await core.call('drying.sites.create', siteInput(overrides)));
  const path = ['building', 'built', 'operating'];
  const steps = stage === 'closed' ? [...path, 'closed'] : path.slice(0, path.indexOf(stage) + 1);
  for (const to of steps) s = expectOk<Site>(await core.call('drying.sites.transition', { id: s.id, to, date: '2025-02-01' } as never));
  return s;
}
const addDryer = async (siteId: string, overrides: Record<string, unknown> = {}) =>
  expectOk<Dryer>(await core.call('drying.dryers.create', dryerInput(siteId, overrides)));
const retire = (dryerId: string, input: Record<string, unknown>) => core.call('drying.dryers.retire', { dryerId, ...input } as never);

describe('dryers (烘干机)', () => {
  it('derives t/日 from t/批 × the batches-per-day factor unless entered; continuous dryers enter it', async () => {
    const s = await siteAt('operating');
    expect((await addDryer(s.id)).dailyT).toBe(30);
    expect((await addDryer(s.id, { batchT: 15, dailyT: 40 })).dailyT).toBe(40);
    const e = expectFail(await core.call('drying.dryers.create', dryerInput(s.id, { kind: 'continuous', batchT: null })), 'VALIDATION');
    expect(e.issues).toEqual([{ path: ['dailyT'], message: '连续式烘干机请填写日处理量（吨/日）' }]);
    const batchless = expectFail(await core.call('drying.dryers.create', dryerInput(s.id, { batchT: null })), 'VALIDATION');
    expect(batchless.issues?.[0]?.message).toBe('循环式烘干机请填写批处理量（吨/批）');
    // the factor is configurable: derived figures follow it, entered ones do not
    expectOk(await core.call('drying.config.update', { batchesPerDay: 2.5 }));
    const after = expectOk<Site>(await core.call('drying.sites.get', { id: s.id }));
    expect(after.batchesPerDay).toBe(2.5);
    expect(after.dryers.map((d) => d.dailyT)).toEqual([37.5, 40]);
    expect(after.operatingT).toBe(77.5);
    expect(expectFail(await core.call('drying.dryers.create', dryerInput(s.id, { yearInstalled: 2026 })), 'VALIDATION').message).toBe(
      '安装年份不能晚于今年',
    );
  });

  it('capacity sums: operating = in use at 投产 sites; planned = not retired at sites not 停用', async () => {
    // 柳林镇: an operating centre and a site under construction
    const op = await siteAt('operating');
    await addDryer(op.id, { heatSource: 'electric' }); // 30 operating, 30 planned
    await addDryer(op.id, { kind: 'continuous', batchT: null, dailyT: 100, status: 'stopped', heatSource: 'gas' }); // 100 planned only
    const converted = await addDryer(op.id, { batchT: 10 }); // coal, 20 t/d, converted below: still working
    expectOk(
      await retire(converted.id, { plan: 'convert', plannedDate: '2025-03-01', actualDate: '2025-03-01', newHeatSource: 'biomass' }),
    );
    const building = await siteAt('building', { name: '柳林二号烘干点', kind: 'point' });
    await addDryer(building.id, { batchT: 20, heatSource: 'electric' }); // 40 planned
    // 清泉街道: a closed site and an operating one with a scrapped dryer
    const closed = await siteAt('closed', { name: '清泉老烘干点', kind: 'point', townshipCode: '371525001' });
    await addDryer(closed.id, { batchT: 10, heatSource: 'oil' }); // nothing: the site is 停用
    const qq = await siteAt('operating', { name: '清泉烘干中心', townshipCode: '371525001' });
    const old = await addDryer(qq.id, { batchT: 12 }); // coal, scrapped below: nothing
    expectOk(await retire(old.id, { plan: 'scrap', plannedDate: '2025-01-15', actualDate: '2025-01-20', subsidyFen: 500_000 }));
    await addDryer(qq.id, { kind: 'continuous', batchT: null, dailyT: 25, heatSource: 'electric' }); // 25 and 25

    const sum = expectOk<DryingSummary>(await core.call('drying.summary', {}));
    const row = (code: string) => sum.townships.find((t) => t.townshipCode === code);
    expect(row('371525103')).toMatchObject({ operatingT: 50, plannedT: 190, centres: 1, points: 1, dryers: 4 });
    expect(row('371525103')?.byStage).toEqual({ planned: 0, building: 1, built: 0, operating: 1, closed: 0 });
    expect(row('371525001')).toMatchObject({ operatingT: 25, plannedT: 25, centres: 1, points: 1, dryers: 2, coalRemaining: 0 });
    expect(sum.townships).toHaveLength(18);
    expect(row('371525101')).toMatchObject({ operatingT: 0, plannedT: 0, dryers: 0 });
    expect(sum.county).toMatchObject({ townshipName: '全县', operatingT: 75, plannedT: 215, centres: 2, points: 2 });
    // heat sources as they are now: the converted coal dryer counts as biomass
    const share = Object.fromEntries(sum.heatShares.map((h) => [h.heatSource, [h.dryers, h.operatingT, h.plannedT]]));
    expect(share).toEqual({
      coal: [0, 0, 0],
      oil: [0, 0, 0],
      gas: [1, 0, 100],
      biomass: [1, 20, 20],
      electric: [3, 55, 95],
      solar: [0, 0, 0],
    });
    // one township's view
    const one = expectOk<DryingSummary>(await core.call('drying.summary', { townshipCode: '371525001' }));
    expect(one.townships.map((t) => t.townshipName)).toEqual(['清泉街道']);
    expect(one.county).toMatchObject({ townshipName: '清泉街道', operatingT: 25 });
  });
});

describe('retiring a coal dryer (淘汰/改造)', () => {
  it('plans a conversion, then completes it: 已改造 on the new heat source', async () => {
    const s = await siteAt('operating');
    const d = await addDryer(s.id);
    expect(expectFail(await retire(d.id, { plan: 'convert', plannedDate: '2025-06-30' }), 'VALIDATION').issues?.[0]).toEqual({
      path: ['newHeatSource'],
      message: '改造须选择新热源',
    });
    const planned = expectOk<Dryer>(
      await retire(d.id, { plan: 'convert', plannedDate: '2025-06-30', newHeatSource: 'electric', subsidyFen: 3_000_000 }),
    );
    expect([planned.status, planned.currentHeatSource, planned.retirement?.plannedDate]).toEqual(['in_use', 'coal', '2025-06-30']);
    expect(
      expectFail(
        await retire(d.id, { plan: 'convert', plannedDate: '2025-06-30', newHeatSource: 'electric', actualDate: '2025-03-16' }),
        'VALIDATION',
      ).message,
    ).toBe('完成日期不能晚于今天（2025-03-15）');
    const done = expectOk<Dryer>(
      await retire(d.id, {
        plan: 'convert',
        plannedDate: '2025-06-30',
        newHeatSource: 'electric',
        actualDate: '2025-03-10',
        subsidyFen: 3_000_000,
      }),
    );
    expect(done).toMatchObject({
      status: 'converted',
      heatSource: 'coal',
      currentHeatSource: 'electric',
      retirement: { actualDate: '2025-03-10', subsidyFen: 3_000_000 },
    });
    // still one plan per dryer
    expect(core.db.prepare('SELECT count(*) FROM dryer_retirements WHERE dryer_id = ?').pluck().get(d.id)).toBe(1);
    // a done dryer is not edited directly; taking the completion back puts it in use again
    const { siteId: _omit, ...fields } = dryerInput(s.id);
    expect(expectFail(await core.call('drying.dryers.update', { ...fields, id: d.id }), 'FORBIDDEN').message).toContain('已改造');
    const undone = expectOk<Dryer>(await retire(d.id, { plan: 'convert', plannedDate: '2025-06-30', newHeatSource: 'electric' }));
    expect([undone.status, undone.currentHeatSource]).toEqual(['in_use', 'coal']);
    // with a plan in place, the heat source is not changed by hand
    const e = expectFail(await core.call('drying.dryers.update', { ...fields, id: d.id, heatSource: 'electric' }), 'VALIDATION');
    expect(e.issues?.[0]?.path).toEqual(['heatSource']);
    const methods = core.db.prepare("SELECT method FROM audit_log WHERE entity = 'dryer' ORDER BY at").pluck().all();
    expect(methods).toEqual(['drying.dryers.create', 'drying.dryers.retire', 'drying.dryers.retire', 'drying.dryers.retire']);
  });

  it('refuses a conversion to the same heat source and odd combinations', async () => {
    const s = await siteAt('operating');
    const d = await addDryer(s.id, { heatSource: 'oil' });
    expect(expectFail(await retire(d.id, { plan: 'convert', plannedDate: '2025-06-30', newHeatSource: 'oil' }), 'VALIDATION').message).toBe(
      '新热源与原热源（燃油）相同，不是改造',
    );
    expect(
      expectFail(await retire(d.id, { plan: 'convert', plannedDate: '2025-06-30', newHeatSource: 'coal' }), 'VALIDATION').message,
    ).toBe('改造后的热源不能仍为燃煤');
    expect(expectFail(await retire(d.id, { plan: 'scrap', plannedDate: '2025-06-30', newHeatSource: 'gas' }), 'VALIDATION')).toBeTruthy();
    const old = await addDryer(s.id, { yearInstalled: 2024 });
    expect(
      expectFail(await retire(old.id, { plan: 'scrap', plannedDate: '2023-06-30', actualDate: '2023-12-01' }), 'VALIDATION').message,
    ).toBe('完成日期不能早于安装年份（2024年）');
  });

  it('links a scrapped dryer to its 报废登记, one dryer per scrap record', async () => {
    const farmer = await createFarmer(core, farmerInput(1, { name: '张三' }));
    const tractor = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(farmer.id)));
    const dryerScrap = expectOk<Scrap>(
      await core.call('scraps.create', tractorScrap(farmer.id, { engineNo: 'HG-1', frameNo: 'HG-F1', plateNo: '鲁15-00001' })),
    );
    // the sample catalogue has no dryers yet: stand in for an imported 2025 catalogue that does
    core.db.prepare("UPDATE scraps SET item = '谷物烘干机', model = '5HXG-12' WHERE id = ?").run(dryerScrap.id);
    const s = await siteAt('operating');
    const [a, b] = [await addDryer(s.id), await addDryer(s.id)];
    const plan = { plan: 'scrap', plannedDate: '2025-03-01', actualDate: '2025-03-05' };
    expect(expectFail(await retire(a!.id, { ...plan, scrapId: tractor.id }), 'VALIDATION').message).toBe(
      '所选报废登记的机具是“拖拉机”，不是烘干机',
    );
    const linked = expectOk<Dryer>(await retire(a!.id, { ...plan, scrapId: dryerScrap.id }));
    expect(linked.retirement).toMatchObject({ scrapId: dryerScrap.id, scrapLabel: '谷物烘干机 5HXG-12（张三）' });
    expect(linked.status).toBe('retired');
    expect(expectFail(await retire(b!.id, { ...plan, scrapId: dryerScrap.id }), 'CONFLICT').message).toBe('该报废登记已关联另一台烘干机');
    expect(
      expectFail(
        await retire(b!.id, { plan: 'convert', plannedDate: '2025-03-01', newHeatSource: 'gas', scrapId: dryerScrap.id }),
        'VALIDATION',
      ),
    ).toBeTruthy();
  });

  it('voiding a site voids its dryers and their plans', async () => {
    const s = await siteAt('operating');
    const d = await addDryer(s.id);
    expectOk(await retire(d.id, { plan: 'scrap', plannedDate: '2025-06-30' }));
    expectOk(await core.call('drying.sites.void', { id: s.id, reason: '重复录入' }));
    const live = (t: string) => core.db.prepare(`SELECT count(*) FROM ${t} WHERE voided_at IS NULL`).pluck().get();
    expect([live('dryers'), live('dryer_retirements')]).toEqual([0, 0]);
    expect(expectOk<DryingSummary>(await core.call('drying.summary', {})).coal.total).toBe(0);
    expect(expectFail(await core.call('drying.dryers.create', dryerInput(s.id)), 'FORBIDDEN').message).toBe(
      '该烘干设施已作废，不能添加烘干机',
    );
  });
});
