import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePace, daysInYear, elapsedDays, paceStatus, recentWindow, remainingMonths } from '../../shared/domain/pace';

// Every expected number below is worked out by hand for 2025 (365 days), target 100.
const pace = (asOf: string, done: number, recentDone = 0, target = 100, year = 2025) =>
  computePace({ year, asOf, target, done, recentDone });

describe('calendar', () => {
  it('counts the days of a year and the days passed through the end of a date', () => {
    expect([daysInYear(2025), daysInYear(2024), daysInYear(2100), daysInYear(2000)]).toEqual([365, 366, 365, 366]);
    expect(elapsedDays(2025, '2025-01-01')).toBe(1);
    expect(elapsedDays(2025, '2025-07-02')).toBe(183); // 31+28+31+30+31+30 = 181, + 2
    expect(elapsedDays(2025, '2025-12-31')).toBe(365);
    expect(elapsedDays(2025, '2024-12-31')).toBe(0);
    expect(elapsedDays(2025, '2026-03-01')).toBe(365);
  });

  it('counts the months still open, the current one included', () => {
    expect(remainingMonths(2025, '2024-11-30')).toBe(12);
    expect(remainingMonths(2025, '2025-01-01')).toBe(12);
    expect(remainingMonths(2025, '2025-07-02')).toBe(6);
    expect(remainingMonths(2025, '2025-12-31')).toBe(1);
    expect(remainingMonths(2025, '2026-01-01')).toBe(0);
  });

  it('takes the last 90 days as the recent window, cut at the start of the year', () => {
    expect(recentWindow(2025, '2025-07-02')).toEqual({ from: '2025-04-04', to: '2025-07-02', days: 90 });
    expect(recentWindow(2025, '2025-02-10')).toEqual({ from: '2025-01-01', to: '2025-02-10', days: 41 });
    expect(recentWindow(2025, '2026-05-01')).toEqual({ from: '2025-10-03', to: '2025-12-31', days: 90 });
    expect(recentWindow(2025, '2024-12-01').days).toBe(0);
  });
});

describe('computePace', () => {
  it('at the start of the year: nothing expected yet, 100 spread over 12 months', () => {
    const p = pace('2025-01-01', 0);
    expect(p).toMatchObject({ elapsedDays: 1, expectedByToday: 0.3, status: 'onPace', percent: 0, remainingMonths: 12, shortfall: 100 });
    expect(p.neededPerMonth).toBe(9); // ⌈100 / 12⌉
    expect(p.projectedYearEnd).toBe(0);
    expect(p.projectedFromRecent).toBe(0);
    // one machine on 1 January projects 365 by the pace so far
    expect(pace('2025-01-01', 1, 1)).toMatchObject({ projectedYearEnd: 365, projectedFromRecent: 365, status: 'onPace' });
  });

  it('mid-year: the even pace expects 50.1 by 2 July; ±5% of it is on pace', () => {
    const behind = pace('2025-07-02', 45, 30);
    expect(behind.expectedByToday).toBe(50.1); // 100 × 183 / 365 = 50.14
    expect(behind.status).toBe('behind'); // 5.1 short, more than 2.5
    expect(behind.percent).toBe(45);
    expect(behind.projectedYearEnd).toBe(90); // 45 × 365 / 183 = 89.75
    expect(behind.projectedFromRecent).toBe(106); // 45 + 30 / 90 × 182 = 105.67
    expect(behind.neededPerMonth).toBe(10); // ⌈55 / 6⌉
    expect(pace('2025-07-02', 48).status).toBe('onPace'); // 2.1 short
    expect(pace('2025-07-02', 53).status).toBe('ahead'); // 2.9 over
    expect(pace('2025-07-02', 100).status).toBe('achieved');
  });

  it('at the end of the year: all of it expected, one month left', () => {
    const p = pace('2025-12-31', 90, 20);
    expect(p).toMatchObject({ elapsedDays: 365, expectedByToday: 100, status: 'behind', remainingMonths: 1, neededPerMonth: 10 });
    expect([p.projectedYearEnd, p.projectedFromRecent]).toEqual([90, 90]);
  });

  it('after the year: nothing left to plan; a missed target has no per-month need', () => {
    expect(pace('2026-02-01', 90)).toMatchObject({ remainingMonths: 0, neededPerMonth: null, shortfall: 10, status: 'behind' });
    expect(pace('2026-02-01', 120)).toMatchObject({
      remainingMonths: 0,
      neededPerMonth: 0,
      shortfall: 0,
      status: 'achieved',
      percent: 120,
    });
  });

  it('before the year: no projection yet', () => {
    expect(pace('2024-12-20', 0)).toMatchObject({
      elapsedDays: 0,
      expectedByToday: 0,
      projectedYearEnd: null,
      projectedFromRecent: null,
      status: 'onPace',
    });
  });

  it('a leap year has 366 days; a zero target is achieved with no percent', () => {
    expect(pace('2024-07-02', 0, 0, 366, 2024).expectedByToday).toBe(184); // 366 × 184 / 366
    expect(pace('2025-07-02', 0, 0, 0)).toMatchObject({ percent: null, status: 'achieved', neededPerMonth: 0 });
  });

  it('properties: expected within [0, target], needs cover the shortfall, elapsed never goes back', () => {
    const date = fc.date({ min: new Date(Date.UTC(2024, 10, 1)), max: new Date(Date.UTC(2026, 1, 28)), noInvalidDate: true });
    fc.assert(
      fc.property(date, date, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (a, b, target, done) => {
        const [d1, d2] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort() as [string, string];
        expect(elapsedDays(2025, d1)).toBeLessThanOrEqual(elapsedDays(2025, d2));
        const p = computePace({ year: 2025, asOf: d2, target, done, recentDone: Math.min(done, 10) });
        expect(p.expectedByToday).toBeGreaterThanOrEqual(0);
        expect(p.expectedByToday).toBeLessThanOrEqual(target);
        if (p.remainingMonths > 0) expect((p.neededPerMonth ?? 0) * p.remainingMonths).toBeGreaterThanOrEqual(p.shortfall);
        expect(p.shortfall).toBe(Math.max(0, target - done));
      }),
    );
  });

  it('paceStatus never tightens below one machine', () => {
    expect(paceStatus(100, 0, 0.9)).toBe('onPace');
    expect(paceStatus(100, 0, 1.1)).toBe('behind');
    expect(paceStatus(100, 2.1, 1)).toBe('ahead');
  });
});
