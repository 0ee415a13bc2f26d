import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burndownRange, coalBurndown, countDryers, monthEnd, monthsBetween, type CoalDryerFact } from '../../shared/domain/drying-burndown';
import { COAL_EXPECTED, COAL_FIXTURE, COAL_FROM, COAL_TO, COAL_TODAY } from '../support/drying';

describe('month arithmetic', () => {
  it('knows month ends, leap years included', () => {
    expect(['2024-02', '2025-02', '2025-04', '2025-12', '2000-02', '2100-02'].map(monthEnd)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2025-04-30',
      '2025-12-31',
      '2000-02-29',
      '2100-02-28',
    ]);
  });

  it('lists months across years, inclusive', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-03', '2025-03')).toEqual(['2025-03']);
    expect(monthsBetween('2025-04', '2025-03')).toEqual([]);
  });
});

describe('coal dryers remaining at each month-end', () => {
  it('matches the hand-computed fixture', () => {
    const months = monthsBetween(COAL_FROM, COAL_TO);
    expect(coalBurndown(Object.values(COAL_FIXTURE), months, COAL_TODAY)).toEqual(COAL_EXPECTED);
  });

  it('counts a dryer gone on the last day of the month in that month', () => {
    const d: CoalDryerFact = { yearInstalled: 2020, plan: 'scrap', plannedDate: '2025-01-31', actualDate: '2025-01-31' };
    const [jan, feb] = coalBurndown([d], ['2025-01', '2025-02'], '2025-02-10');
    expect([jan?.remaining, jan?.retired, feb?.remaining]).toEqual([0, 1, 0]);
  });

  const fact = fc.record({
    yearInstalled: fc.option(fc.integer({ min: 2015, max: 2026 }), { nil: null }),
    plan: fc.constantFrom('scrap' as const, 'convert' as const, null),
    plannedDate: fc.option(
      fc
        .date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    actualDate: fc.option(
      fc
        .date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
  });

  it('never counts more than exist, and the plan line never lies above the actual line', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), (dryers) => {
        const months = monthsBetween('2023-01', '2027-12');
        const points = coalBurndown(dryers, months, '2025-06-30');
        for (const p of points) {
          expect(p.plannedRemaining).toBeLessThanOrEqual(dryers.length);
          if (p.remaining !== null) expect(p.plannedRemaining).toBeLessThanOrEqual(p.remaining);
          expect(p.remaining === null).toBe(p.month > '2025-06');
        }
        // every completion is counted in exactly one month's bars
        const done = dryers.filter((d) => d.actualDate && d.plan).length;
        const total = points.reduce((n, p) => n + p.retired + p.converted, 0);
        expect(total).toBe(done);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the range a dashboard shows', () => {
  it('runs from last year to the end of the target year', () => {
    expect(burndownRange([], 2025, '2025-03-15')).toEqual({ from: '2024-01', to: '2025-12' });
    expect(burndownRange([], 2025, '2026-05-01')).toEqual({ from: '2024-01', to: '2026-12' });
  });

  it('reaches back to the earliest plan, at most ten years', () => {
    expect(burndownRange([COAL_FIXTURE.A], 2025, '2025-03-15').from).toBe('2024-01');
    const old: CoalDryerFact = { yearInstalled: 2000, plan: 'scrap', plannedDate: '2021-05-01', actualDate: null };
    expect(burndownRange([old], 2025, '2025-03-15').from).toBe('2021-01');
    const ancient: CoalDryerFact = { ...old, plannedDate: '1990-05-01' };
    expect(burndownRange([ancient], 2025, '2025-03-15').from).toBe('2015-01');
  });
});

describe('grouped facts (a count per fact, as the dashboards read them)', () => {
  it('give the same series as the facts written out one dryer at a time', () => {
    const months = monthsBetween(COAL_FROM, COAL_TO);
    const grouped = Object.values(COAL_FIXTURE).map((d, i) => ({ ...d, count: (i % 4) + 1 }));
    const expanded = grouped.flatMap(({ count, ...d }) => Array.from({ length: count }, () => d));
    expect(expanded.length).toBeGreaterThan(Object.keys(COAL_FIXTURE).length);
    expect(coalBurndown(grouped, months, COAL_TODAY)).toEqual(coalBurndown(expanded, months, COAL_TODAY));
    expect(countDryers(grouped)).toBe(expanded.length);
    expect(countDryers(grouped, (d) => d.plan === 'scrap')).toBe(expanded.filter((d) => d.plan === 'scrap').length);
  });
});
