import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, dayOfWeek, isRealDate } from '../../shared/domain/civil-date';
import { noticePeriod, paymentTooEarly } from '../../shared/domain/notice-period';
import { officialCalendar, OFFICIAL_CALENDARS } from '../../shared/domain/official-calendar';
import { addWorkdays, isWorkday, workdaysBetween } from '../../shared/domain/workdays';

const cal = officialCalendar();
const work = (d: string) => isWorkday(d, cal.holidays, cal.makeupDays);

/** Runs `fn` with the process time zone set to `tz` (Node re-reads TZ when it changes). */
function inZone<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    process.env.TZ = saved;
  }
}

describe('official calendar (DOMAIN §9)', () => {
  it('knows the 2025 and 2026 holidays and make-up days', () => {
    expect(work('2025-10-01')).toBe(false);
    expect(work('2025-10-08')).toBe(false);
    expect(work('2025-10-09')).toBe(true);
    expect(work('2025-09-28')).toBe(true); // Sunday worked in lieu
    expect(work('2025-10-11')).toBe(true); // Saturday worked in lieu
    expect(work('2025-01-26')).toBe(true);
    expect(work('2025-02-03')).toBe(false); // Spring Festival, a Monday
    expect(work('2026-02-14')).toBe(true); // Saturday worked in lieu
    expect(work('2026-02-23')).toBe(false);
    expect(work('2026-02-28')).toBe(true);
    expect(work('2026-01-04')).toBe(true);
    expect(work('2026-01-02')).toBe(false);
    expect(work('2026-10-10')).toBe(true);
    // every listed make-up day is a weekend day, every holiday range is real dates
    for (const y of Object.values(OFFICIAL_CALENDARS)) {
      for (const d of y.makeupWorkdays) expect([0, 6]).toContain(dayOfWeek(d));
      for (const [a, b] of y.holidays) expect(isRealDate(a) && isRealDate(b) && a <= b).toBe(true);
    }
  });

  it('merges later years and corrections from settings', () => {
    const merged = officialCalendar({ holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-03'] });
    expect(isWorkday('2027-01-01', merged.holidays, merged.makeupDays)).toBe(false);
    expect(isWorkday('2027-01-03', merged.holidays, merged.makeupDays)).toBe(true); // a Sunday
    expect(isWorkday('2025-10-01', merged.holidays, merged.makeupDays)).toBe(false); // official still there
  });
});

describe('notice period edges', () => {
  it('National Day 2025: ends on the Friday after, payable on the make-up Saturday', () => {
    // posted Fri 26 Sep: 28 (Sun, make-up), 29, 30, [1–8 off], 9, 10
    const p = noticePeriod('2025-09-26', cal);
    expect(p).toEqual({ startDate: '2025-09-26', endDate: '2025-10-10', payableFrom: '2025-10-11' });
    expect(paymentTooEarly(p, '2025-10-10')).toMatch(/2025-10-11 起方可兑付/);
    expect(paymentTooEarly(p, '2025-10-11')).toBeUndefined();
  });

  it('Spring Festival 2026: the make-up Saturday before counts', () => {
    // posted Thu 12 Feb: 13, 14 (Sat, make-up), [15–23 off], 24, 25, 26
    const p = noticePeriod('2026-02-12', cal);
    expect(p.endDate).toBe('2026-02-26');
    expect(p.payableFrom).toBe('2026-02-27');
    expect(paymentTooEarly(p, '2026-02-26')).toBeDefined();
  });

  it('Spring Festival 2025: posted the Friday before', () => {
    // posted Fri 24 Jan: 26 (Sun, make-up), 27, [28 Jan–4 Feb off], 5, 6, 7 → payable Sat 8 Feb (make-up)
    const p = noticePeriod('2025-01-24', cal);
    expect(p.endDate).toBe('2025-02-07');
    expect(p.payableFrom).toBe('2025-02-08');
  });

  it('gives the same answers with the PC in UTC, in Shanghai and west of Greenwich', () => {
    const answers = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) =>
      inZone(tz, () => [noticePeriod('2025-09-26', cal), noticePeriod('2026-02-12', cal), addWorkdays('2026-03-06', 3, cal)]),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe('China civil date', () => {
  it('is the UTC+8 date whatever the PC zone', () => {
    // 2025-10-10T16:30Z is 00:30 on 11 Oct in China; 15:59Z is still 10 Oct
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
      inZone(tz, () => {
        expect(chinaDate(new Date('2025-10-10T16:30:00Z'))).toBe('2025-10-11');
        expect(chinaDate(new Date('2025-10-10T15:59:59Z'))).toBe('2025-10-10');
      });
    }
  });

  it('rejects dates that do not exist', () => {
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-1-01')).toBe(false);
  });

  it('counts working days back and forth across the official calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 30 }), (offset, n) => {
        const start = addDays('2025-01-01', offset);
        const end = addWorkdays(start, n, cal);
        expect(workdaysBetween(start, end, cal)).toBe(n);
        expect(n === 0 || work(end)).toBe(true);
      }),
    );
  });
});
