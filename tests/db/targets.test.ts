import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpInstallation } from '../support/setup';
import type { ApportionOutput, TargetsView } from '../../shared/schemas/targets';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { buildProgressFixture, writeProgressFixture } from '../fixtures/progress-fixture';
import { expectFail, expectOk, stationCore, steppingClock, tableCounts, tempCore, type TempCore } from '../support/core';
import { expectedFor } from '../support/progress-expect';

const clock = () => steppingClock(Date.parse('2025-07-02T04:00:00Z'));
let county: TempCore;
let stationId: string;

beforeEach(async () => {
  county = tempCore({ now: clock() });
  stationId = (await setUpInstallation(county, { role: 'county', name: '赵局长' })).stationId;
});
afterEach(() => county.dispose());

const targets = (year?: number) => county.call('targets.get', year ? { year } : {});
const sumOf = (shares: { scrapCount: number; purchaseCount: number }[], key: 'scrapCount' | 'purchaseCount') =>
  shares.reduce((a, s) => a + s[key], 0);

describe('targets.get', () => {
  it('shows the county plan (DOMAIN §1) as defaults for this year and the next, without writing', async () => {
    const before = tableCounts(county);
    for (const year of [undefined, 2026]) {
      const t = expectOk<TargetsView>(await targets(year));
      expect(t.year).toBe(year ?? 2025);
      expect(t.isDefault).toBe(true);
      expect(t.county).toEqual({
        scrapCount: 100,
        purchaseCount: 900,
        mechanizationRate: 94,
        beidouCount: null,
        dryingCapacityTpd: null,
        coalDryersZeroByYear: 2025,
      });
      expect(t.sharesAreDefault).toBe(true);
      expect(t.shares).toHaveLength(18);
      expect([sumOf(t.shares, 'scrapCount'), sumOf(t.shares, 'purchaseCount')]).toEqual([100, 900]);
      expect(t.countingRule.stage).toBe('verified');
      expect(t.mechanizationWeights).toEqual({ tillage: 0.4, sowing: 0.3, harvest: 0.3 });
    }
    expect(tableCounts(county)).toEqual(before);
  });
});

describe('targets.set', () => {
  it('stores a year’s targets with shares, weights and the counting rule, with one audit row; a second save updates', async () => {
    const shares = TOWNSHIPS.map((t, i) => ({ townshipCode: t.code, scrapCount: i < 12 ? 7 : 6, purchaseCount: 60, beidouCount: 10 }));
    const audits = tableCounts(county).audit_log ?? 0;
    const saved = expectOk<TargetsView>(
      await county.call('targets.set', {
        year: 2025,
        scrapCount: 120,
        purchaseCount: 1000,
        mechanizationRate: 94.5,
        beidouCount: 180,
        dryingCapacityTpd: 1200,
        coalDryersZeroByYear: 2025,
        shares,
        countingStage: 'published',
        mechanizationWeights: { tillage: 0.5, sowing: 0.25, harvest: 0.25 },
      }),
    );
    expect(saved).toMatchObject({
      isDefault: false,
      sharesAreDefault: false,
      county: { scrapCount: 120, beidouCount: 180, dryingCapacityTpd: 1200 },
    });
    expect(saved.shares.find((s) => s.townshipCode === '371525103')).toMatchObject({ scrapCount: 7, purchaseCount: 60, beidouCount: 10 });
    expect(saved.countingRule.stage).toBe('published');
    expect(saved.mechanizationWeights.tillage).toBe(0.5);
    expect(tableCounts(county).audit_log).toBe(audits + 1);
    expect(tableCounts(county)).toMatchObject({ targets: 1, target_shares: 18 });
    // another year is untouched
    expect(expectOk<TargetsView>(await targets(2026)).isDefault).toBe(true);

    const again = expectOk<TargetsView>(
      await county.call('targets.set', {
        year: 2025,
        scrapCount: 100,
        purchaseCount: 900,
        mechanizationRate: 94,
        shares: shares.slice(0, 17).map((s) => ({ ...s, scrapCount: 6, purchaseCount: 53 })),
      }),
    );
    expect(again.county.scrapCount).toBe(100);
    expect(again.shares.find((s) => s.townshipCode === '371525209')).toMatchObject({ scrapCount: 0, purchaseCount: 0 }); // left out: removed
    const rows = county.db.prepare('SELECT count(*) AS n, count(voided_at) AS voided FROM target_shares').get();
    expect(rows).toEqual({ n: 18, voided: 1 });
    expect(tableCounts(county).targets).toBe(1);
  });

  it('refuses shares that add up to less than the county target, twice the same township, bad weights', async () => {
    const base = { year: 2025, scrapCount: 100, purchaseCount: 900, mechanizationRate: 94 };
    const short = TOWNSHIPS.map((t) => ({ townshipCode: t.code, scrapCount: 5, purchaseCount: 50 }));
    const e = expectFail(await county.call('targets.set', { ...base, shares: short }), 'VALIDATION');
    expect(e.message).toContain('各乡镇报废分解数之和（90）少于全县目标（100）');
    const twice = [...short.slice(0, 17), { ...short[0]!, scrapCount: 100, purchaseCount: 900 }];
    expect(expectFail(await county.call('targets.set', { ...base, shares: twice }), 'VALIDATION').issues?.[0]?.path).toEqual([
      'shares',
      17,
      'townshipCode',
    ]);
    expectFail(
      await county.call('targets.set', { ...base, mechanizationWeights: { tillage: 0.5, sowing: 0.3, harvest: 0.3 } }),
      'VALIDATION',
    );
    expectFail(await county.call('targets.set', { ...base, mechanizationRate: 101 }), 'VALIDATION');
    expect(tableCounts(county).targets).toBe(0);
  });

  it('is the county’s: a station may read its own share but not set or apportion', async () => {
    const station = await stationCore({ now: clock() });
    try {
      expectFail(await station.call('targets.set', { year: 2025, scrapCount: 1, purchaseCount: 1, mechanizationRate: 94 }), 'FORBIDDEN');
      expectFail(await station.call('targets.apportion', { year: 2025, basis: 'even' }), 'FORBIDDEN');
      const t = expectOk<TargetsView>(await station.call('targets.get', {}));
      expect(t.shares).toEqual([
        { townshipCode: '371525103', townshipName: '柳林镇', scrapCount: 6, purchaseCount: 50, beidouCount: null },
      ]);
    } finally {
      station.dispose();
    }
  });
});

describe('targets.apportion', () => {
  it('splits evenly and sums exactly', async () => {
    const a = expectOk<ApportionOutput>(
      await county.call('targets.apportion', { year: 2026, basis: 'even', scrapCount: 101, purchaseCount: 907, beidouCount: 37 }),
    );
    expect(a.shares).toHaveLength(18);
    expect([sumOf(a.shares, 'scrapCount'), sumOf(a.shares, 'purchaseCount')]).toEqual([101, 907]);
    expect(a.shares.reduce((x, s) => x + (s.beidouCount ?? 0), 0)).toBe(37);
    expect(new Set(a.shares.map((s) => s.purchaseCount))).toEqual(new Set([50, 51]));
    expect(a.lastYear).toBeNull();
  });

  it('splits in proportion to last year’s counted machines, summing exactly, idle townships getting none', async () => {
    const fixture = buildProgressFixture(2025, '2025-07-02');
    writeProgressFixture(county.db, stationId, fixture);
    const a = expectOk<ApportionOutput>(await county.call('targets.apportion', { year: 2025, basis: 'lastYear' }));
    expect([sumOf(a.shares, 'scrapCount'), sumOf(a.shares, 'purchaseCount')]).toEqual([100, 900]);
    const last = Object.fromEntries(TOWNSHIPS.map((t) => [t.code, expectedFor(fixture, { year: 2024, township: t.code })]));
    const total = Object.values(last).reduce((x, e) => x + e.purchases, 0);
    for (const s of a.shares) {
      const quota = (900 * (last[s.townshipCode]?.purchases ?? 0)) / total;
      expect(Math.abs(s.purchaseCount - quota), s.townshipName).toBeLessThan(1);
    }
    expect(a.shares.find((s) => s.townshipCode === '371525002')?.purchaseCount).toBe(0); // 崇文街道 had none
    expect(a.lastYear?.map((b) => [b.scraps, b.purchases])).toEqual(TOWNSHIPS.map((t) => [last[t.code]?.scraps, last[t.code]?.purchases]));
    expect(a.notes[0]).toContain('按2024年');
  });

  it('falls back to an even split, saying so, when last year has nothing', async () => {
    const a = expectOk<ApportionOutput>(await county.call('targets.apportion', { year: 2025, basis: 'lastYear' }));
    expect(sumOf(a.shares, 'scrapCount')).toBe(100);
    expect(a.notes.join('')).toContain('按平均分配');
  });
});
