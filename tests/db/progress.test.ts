import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpInstallation } from '../support/setup';
import type { ProgressByTownship, ProgressMonthly, ProgressSummary } from '../../shared/schemas/progress';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { buildProgressFixture, writeProgressFixture, type ProgressFixture } from '../fixtures/progress-fixture';
import { expectOk, steppingClock, tableCounts, tempCore, type TempCore } from '../support/core';
import { daysPassed, evenShare, expectedFor } from '../support/progress-expect';

const YEAR = 2025;
const AS_OF = '2025-07-02';
const LIULIN = '371525103';
const round1 = (x: number) => Math.round(x * 10) / 10;

let core: TempCore;
let fixture: ProgressFixture;

beforeAll(async () => {
  core = tempCore({ now: steppingClock(Date.parse(`${AS_OF}T04:00:00Z`)) });
  const settings = (await setUpInstallation(core, { role: 'county', name: '赵局长' }));
  fixture = buildProgressFixture(YEAR, AS_OF);
  writeProgressFixture(core.db, settings.stationId, fixture);
});
afterAll(() => core.dispose());

describe('progress.summary against the fixture', () => {
  it('counts the county: verified or later, by hand-over / purchase date, buyers outside the county left out', async () => {
    const want = expectedFor(fixture);
    expect(want.purchases).toBeGreaterThan(10); // the fixture is not trivially empty
    const s = expectOk<ProgressSummary>(await core.call('progress.summary', { year: YEAR }));
    expect([s.asOf, s.scope.townshipCode, s.targetsAreDefault]).toEqual([AS_OF, null, true]);
    expect([s.scraps.done, s.scraps.target, s.purchases.done, s.purchases.target]).toEqual([want.scraps, 100, want.purchases, 900]);
    expect(s.scraps.percent).toBe(round1((want.scraps / 100) * 100));
    expect([s.scraps.lastActivity, s.purchases.lastActivity]).toEqual([want.lastScrap, want.lastPurchase]);
    expect(s.terminals).toMatchObject({ beidou: want.beidou, monitor: want.monitor });
    expect(s.terminals.sharePct).toBe(round1(((want.beidou + want.monitor) / want.purchases) * 100));
    expect(s.funds.committed).toEqual({ ...want.committed, totalFen: want.committed.scrapFen + want.committed.purchaseFen });
    expect(s.funds.paid).toEqual({ ...want.paid, totalFen: want.paid.scrapFen + want.paid.purchaseFen });
    const outside = expectedFor(fixture, { township: '371521101' });
    expect(s.outside).toEqual({ scraps: outside.scraps, purchases: outside.purchases });
    expect(s.drying).toMatchObject({ operatingTpd: 0, centres: 0, points: 0, coal: { state: 'none', text: '无燃煤烘干机' } });
    expect(s.countingRule.text).toContain('已核验');
  });

  it('works out the pace by hand: expected by 2 July, projections, per-month need', async () => {
    const want = expectedFor(fixture);
    const s = expectOk<ProgressSummary>(await core.call('progress.summary', { year: YEAR }));
    const elapsed = daysPassed(YEAR, AS_OF);
    expect(elapsed).toBe(183);
    const expected = (900 * elapsed) / 365;
    expect(s.purchases.expectedByToday).toBe(round1(expected));
    expect(s.purchases.projectedYearEnd).toBe(Math.round((want.purchases * 365) / elapsed));
    expect(s.purchases.remainingMonths).toBe(6);
    expect(s.purchases.neededPerMonth).toBe(Math.ceil((900 - want.purchases) / 6));
    expect(s.purchases.status).toBe('behind'); // a small fixture against 900
    // the recent window is 4 April – 2 July
    const recent = fixture.purchases.filter(
      (p) =>
        ['verified', 'published', 'paid'].includes(p.status) &&
        p.purchaseDate >= '2025-04-04' &&
        p.purchaseDate <= AS_OF &&
        p.township.startsWith('371525'),
    ).length;
    expect(s.purchases.projectedFromRecent).toBe(Math.round(want.purchases + (recent / 90) * (365 - elapsed)));
  });

  it('drills into one township with its (even, default) share of the county target', async () => {
    const want = expectedFor(fixture, { township: LIULIN });
    const s = expectOk<ProgressSummary>(await core.call('progress.summary', { year: YEAR, townshipCode: LIULIN }));
    expect(s.scope).toEqual({ townshipCode: LIULIN, name: '柳林镇' });
    expect(s.sharesAreDefault).toBe(true);
    expect([s.scraps.done, s.scraps.target]).toEqual([want.scraps, evenShare(100, LIULIN)]);
    expect([s.purchases.done, s.purchases.target]).toEqual([want.purchases, 50]);
    expect(s.outside).toEqual({ scraps: 0, purchases: 0 });
  });

  it('counts last year separately, and never writes when read', async () => {
    const before = tableCounts(core);
    const s = expectOk<ProgressSummary>(await core.call('progress.summary', { year: YEAR - 1 }));
    const want = expectedFor(fixture, { year: YEAR - 1 });
    expect([s.scraps.done, s.purchases.done]).toEqual([want.scraps, want.purchases]);
    expect(s.purchases.remainingMonths).toBe(0); // the year is over
    expect(tableCounts(core)).toEqual(before);
  });
});

describe('progress.byTownship', () => {
  it('has all 18 townships, each with its numbers, laggards behind the even pace on either measure', async () => {
    const t = expectOk<ProgressByTownship>(await core.call('progress.byTownship', { year: YEAR }));
    expect(t.rows.map((r) => r.townshipCode)).toEqual(TOWNSHIPS.map((x) => x.code));
    const elapsed = daysPassed(YEAR, AS_OF);
    for (const row of t.rows) {
      const want = expectedFor(fixture, { township: row.townshipCode });
      expect([row.scraps.done, row.purchases.done], row.townshipName).toEqual([want.scraps, want.purchases]);
      expect(row.terminals).toBe(want.beidou + want.monitor);
      expect(row.committedFen).toBe(want.committed.scrapFen + want.committed.purchaseFen);
      const behind = (target: number, done: number) => {
        const expected = (target * elapsed) / 365;
        return done < target && expected - done > Math.max(1, expected * 0.05);
      };
      const lag = behind(evenShare(100, row.townshipCode), want.scraps) || behind(50, want.purchases);
      expect(row.laggard, row.townshipName).toBe(lag);
      const last = [want.lastScrap, want.lastPurchase].filter(Boolean).sort().at(-1) ?? null;
      expect(row.lastActivity).toBe(last);
    }
    const county = expectedFor(fixture);
    expect(t.totals).toEqual({ scrapTarget: 100, scraps: county.scraps, purchaseTarget: 900, purchases: county.purchases });
    // 万善乡 has two buyers at most: behind
    expect(t.rows.find((r) => r.townshipCode === '371525209')?.laggard).toBe(true);
  });
});

describe('progress.monthly', () => {
  it('counts by month with running totals up to the as-of month, by item and by terminal', async () => {
    const want = expectedFor(fixture);
    const m = expectOk<ProgressMonthly>(await core.call('progress.monthly', { year: YEAR }));
    expect(m.months.map((x) => x.scraps)).toEqual(want.scrapsByMonth);
    expect(m.months.map((x) => x.purchases)).toEqual(want.purchasesByMonth);
    let run = 0;
    const cumulative = want.purchasesByMonth.map((n, i) => ((run += n), i < 7 ? run : null));
    expect(m.months.map((x) => x.cumulativePurchases)).toEqual(cumulative);
    expect(Object.fromEntries(m.byItem.purchases.map((i) => [i.item, i.count]))).toEqual(want.purchasesByItem);
    expect(m.terminals).toEqual({ beidou: want.beidou, monitor: want.monitor, none: want.purchases - want.beidou - want.monitor });
    expect(m.targets).toEqual({ scrapCount: 100, purchaseCount: 900 });
  });

  it('scopes to a township', async () => {
    const want = expectedFor(fixture, { township: LIULIN });
    const m = expectOk<ProgressMonthly>(await core.call('progress.monthly', { year: YEAR, townshipCode: LIULIN }));
    expect(m.months.map((x) => x.purchases)).toEqual(want.purchasesByMonth);
    expect(m.targets.purchaseCount).toBe(50);
  });
});

describe('the counting rule', () => {
  it('counts only paid machines when the county sets 仅已兑付, and verified-or-later again when set back', async () => {
    const set = (countingStage: string) =>
      core.call('targets.set', { year: YEAR, scrapCount: 100, purchaseCount: 900, mechanizationRate: 94, countingStage } as never);
    expectOk(await set('paid'));
    const paid = expectedFor(fixture, { counted: ['paid'] });
    const s = expectOk<ProgressSummary>(await core.call('progress.summary', { year: YEAR }));
    expect([s.countingRule.stage, s.scraps.done, s.purchases.done]).toEqual(['paid', paid.scraps, paid.purchases]);
    // funds committed do not depend on the rule
    expect(s.funds.committed.purchaseFen).toBe(expectedFor(fixture).committed.purchaseFen);
    expectOk(await set('verified'));
    expect(expectOk<ProgressSummary>(await core.call('progress.summary', { year: YEAR })).purchases.done).toBe(
      expectedFor(fixture).purchases,
    );
  });
});
