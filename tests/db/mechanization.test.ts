import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpInstallation } from '../support/setup';
import type { MechanizationSummary, MechanizationTownship } from '../../shared/schemas/mechanization';
import type { ProgressSummary } from '../../shared/schemas/progress';
import { expectFail, expectOk, stationCore, steppingClock, tableCounts, tempCore, type TempCore } from '../support/core';

const LIULIN = '371525103';
const QINGQUAN = '371525001';
let county: TempCore;

beforeEach(async () => {
  county = tempCore({ now: steppingClock(Date.parse('2025-10-10T04:00:00Z')) });
  (await setUpInstallation(county, { role: 'county', name: '赵局长' }));
});
afterEach(() => county.dispose());

// DOMAIN.md §5: 195,000 of 200,000 mu tilled, 186,000 sown and 182,000 harvested by machine → 94.2%
const wheat = {
  crop: '小麦',
  tillageBaseMu: 120_000,
  tilledMu: 117_000,
  sownMu: 120_000,
  machineSownMu: 111_600,
  machineHarvestedMu: 109_200,
};
const maize = { crop: '玉米', tillageBaseMu: 80_000, tilledMu: 78_000, sownMu: 80_000, machineSownMu: 74_400, machineHarvestedMu: 72_800 };

const save = (townshipCode: string, rows: unknown[], year = 2025) =>
  county.call('mechanization.save', { year, townshipCode, rows } as never);

describe('mechanization.save and .summary', () => {
  it('the DOMAIN example over two crops: 97.5 / 93.0 / 91.0 → 94.2%, meeting 94%', async () => {
    const t = expectOk<MechanizationTownship>(await save(LIULIN, [wheat, maize]));
    expect(t.totals).toEqual({
      tillageBaseMu: 200_000,
      tilledMu: 195_000,
      sownMu: 200_000,
      machineSownMu: 186_000,
      machineHarvestedMu: 182_000,
    });
    expect(t.rates).toEqual({ tillage: 97.5, sowing: 93, harvest: 91, comprehensive: 94.2 });
    expect([t.meets, t.gap.minimumMu]).toEqual([true, 0]);
    expect(t.crops.map((c) => c.crop).sort()).toEqual(['小麦', '玉米']);
    const s = expectOk<MechanizationSummary>(await county.call('mechanization.summary', { year: 2025 }));
    expect(s.townships).toHaveLength(18);
    expect(s.total.rates.comprehensive).toBe(94.2);
    expect(s.total.townshipsEntered).toBe(1);
    const p = expectOk<ProgressSummary>(await county.call('progress.summary', { year: 2025 }));
    expect(p.mechanization).toEqual({ ratePct: 94.2, targetPct: 94, entered: true });
  });

  it('weights the county by area: a small township at 60% hardly moves a large one at 94.2%', async () => {
    expectOk(await save(LIULIN, [wheat, maize]));
    const small = { crop: '棉花', tillageBaseMu: 10_000, tilledMu: 6_000, sownMu: 10_000, machineSownMu: 6_000, machineHarvestedMu: 6_000 };
    const q = expectOk<MechanizationTownship>(await save(QINGQUAN, [small]));
    expect(q.rates.comprehensive).toBe(60);
    expect(q.meets).toBe(false);
    // 34 points short: tillage first (0.4 / 10,000 per mu) fills its 4,000 mu (16 points), sowing its 4,000 (12), harvest 2,000 more (6)
    expect(q.gap.shortfallPct).toBe(34);
    expect(q.gap.plan).toEqual({ tillage: 4000, sowing: 4000, harvest: 2000 });
    expect(q.gap.minimumMu).toBe(10_000);
    const s = expectOk<MechanizationSummary>(await county.call('mechanization.summary', { year: 2025 }));
    // (201,000 / 210,000) × 0.4 + (192,000 / 210,000) × 0.3 + (188,000 / 210,000) × 0.3 = 92.57%
    expect(s.total.totals.tillageBaseMu).toBe(210_000);
    expect(s.total.rates.comprehensive).toBe(92.57);
    expect(s.total.meets).toBe(false);
  });

  it('replaces a township’s crops: changed ones updated, missing ones voided, one audit row per save', async () => {
    expectOk(await save(LIULIN, [wheat, maize]));
    const audits = tableCounts(county).audit_log ?? 0;
    const t = expectOk<MechanizationTownship>(await save(LIULIN, [{ ...wheat, tilledMu: 120_000 }]));
    expect(t.crops.map((c) => [c.crop, c.tilledMu])).toEqual([['小麦', 120_000]]);
    expect(county.db.prepare('SELECT count(*) AS n, count(voided_at) AS voided FROM mechanization_areas').get()).toEqual({
      n: 2,
      voided: 1,
    });
    expect(tableCounts(county).audit_log).toBe(audits + 1);
    // maize again: a new live row beside the voided one
    expectOk(await save(LIULIN, [wheat, maize]));
    expect(county.db.prepare('SELECT count(*) AS n FROM mechanization_areas WHERE voided_at IS NULL').get()).toEqual({ n: 2 });
  });

  it('refuses a machine area above its base, negative areas and a crop twice, writing nothing', async () => {
    const e = expectFail(await save(LIULIN, [{ ...wheat, machineHarvestedMu: 130_000 }]), 'VALIDATION');
    expect(e.issues).toEqual([{ path: ['rows', 0, 'machineHarvestedMu'], message: '机收面积不能大于农作物播种面积' }]);
    expectFail(await save(LIULIN, [{ ...wheat, tilledMu: -1 }]), 'VALIDATION');
    expect(expectFail(await save(LIULIN, [wheat, wheat]), 'VALIDATION').issues?.[0]?.path).toEqual(['rows', 1, 'crop']);
    expectFail(await save('371599999', [wheat]), 'VALIDATION');
    expect(tableCounts(county).mechanization_areas).toBe(0);
  });

  it('a station reads its own township only and cannot save', async () => {
    expectOk(await save(LIULIN, [wheat, maize]));
    const station = await stationCore();
    try {
      expectFail(await station.call('mechanization.save', { year: 2025, townshipCode: LIULIN, rows: [wheat] }), 'FORBIDDEN');
      const s = expectOk<MechanizationSummary>(await station.call('mechanization.summary', { year: 2025 }));
      expect(s.townships.map((t) => t.townshipCode)).toEqual([LIULIN]);
    } finally {
      station.dispose();
    }
  });
});
