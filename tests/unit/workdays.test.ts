import dayjs from 'dayjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkdays, isWorkday, workdaysBetween } from '../../shared/domain/workdays';

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkdays('2025-03-06', 2)).toBe('2025-03-10'); // Thu + 2 → Mon
    expect(addWorkdays('2025-03-08', 1)).toBe('2025-03-10'); // Sat + 1 → Mon
    expect(addWorkdays('2025-03-03', 5)).toBe('2025-03-10');
    expect(addWorkdays('2025-03-03', 0)).toBe('2025-03-03');
  });

  it('skips listed holidays and counts make-up workdays', () => {
    const holidays = new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']);
    const makeupDays = new Set(['2025-09-28', '2025-10-11']);
    expect(addWorkdays('2025-09-30', 1, { holidays, makeupDays })).toBe('2025-10-09');
    expect(isWorkday('2025-09-28', holidays, makeupDays)).toBe(true); // a Sunday worked in lieu
    expect(addWorkdays('2025-09-26', 1, { holidays, makeupDays })).toBe('2025-09-28');
  });

  it('counts back what it added (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
        const start = dayjs('2024-01-01').add(offset, 'day').format('YYYY-MM-DD');
        const end = addWorkdays(start, n);
        expect(workdaysBetween(start, end)).toBe(n);
        expect(workdaysBetween(end, start)).toBe(n === 0 ? 0 : -n);
        expect(isWorkday(end) || n === 0).toBe(true);
      }),
    );
  });
});
