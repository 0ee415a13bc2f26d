import dayjs from 'dayjs';

/** Whether a date (YYYY-MM-DD) is a working day: not a weekend, not a listed holiday, or a listed make-up workday. */
export function isWorkday(date: string, holidays: ReadonlySet<string> = new Set(), makeupDays: ReadonlySet<string> = new Set()): boolean {
  if (makeupDays.has(date)) return true;
  if (holidays.has(date)) return false;
  const dow = dayjs(date).day();
  return dow !== 0 && dow !== 6;
}

export interface Calendar {
  holidays?: ReadonlySet<string>;
  makeupDays?: ReadonlySet<string>;
}

/** The date `n` working days after `start` (the start day itself does not count). */
export function addWorkdays(start: string, n: number, cal: Calendar = {}): string {
  let d = dayjs(start);
  let left = n;
  while (left > 0) {
    d = d.add(1, 'day');
    if (isWorkday(d.format('YYYY-MM-DD'), cal.holidays, cal.makeupDays)) left--;
  }
  return d.format('YYYY-MM-DD');
}

/** Working days from `from` to `to`: positive when `to` is later, negative when earlier, 0 on the same day. */
export function workdaysBetween(from: string, to: string, cal: Calendar = {}): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  const [start, end] = sign > 0 ? [dayjs(from), dayjs(to)] : [dayjs(to), dayjs(from)];
  let n = 0;
  for (let d = start.add(1, 'day'); !d.isAfter(end, 'day'); d = d.add(1, 'day')) {
    if (isWorkday(d.format('YYYY-MM-DD'), cal.holidays, cal.makeupDays)) n++;
  }
  return sign * n || 0; // never -0
}
