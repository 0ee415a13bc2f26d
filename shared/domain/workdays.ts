import { addDays, dayOfWeek } from './civil-date';

/** Whether a date (YYYY-MM-DD) is a working day: not a weekend, not a listed holiday, or a listed make-up workday. */
export function isWorkday(date: string, holidays: ReadonlySet<string> = new Set(), makeupDays: ReadonlySet<string> = new Set()): boolean {
  if (makeupDays.has(date)) return true;
  if (holidays.has(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

export interface Calendar {
  holidays?: ReadonlySet<string>;
  makeupDays?: ReadonlySet<string>;
}

/** The date `n` working days after `start` (the start day itself does not count). */
export function addWorkdays(start: string, n: number, cal: Calendar = {}): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkday(d, cal.holidays, cal.makeupDays)) left--;
  }
  return d;
}

/** The first working day on or after `date`. */
export function nextWorkdayOnOrAfter(date: string, cal: Calendar = {}): string {
  let d = date;
  while (!isWorkday(d, cal.holidays, cal.makeupDays)) d = addDays(d, 1);
  return d;
}

/** Working days from `from` to `to`: positive when `to` is later, negative when earlier, 0 on the same day. */
export function workdaysBetween(from: string, to: string, cal: Calendar = {}): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) {
    if (isWorkday(d, cal.holidays, cal.makeupDays)) n++;
  }
  return sign * n || 0; // never -0
}
