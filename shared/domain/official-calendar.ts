import { addDays } from './civil-date';

/**
 * The State Council's official holiday calendars (DOMAIN.md §9): days off and make-up working days
 * (调休上班). Later years are added from the next notice, in 设置 (config keys `holidays` and
 * `makeupWorkdays`) or by the county package; those lists merge into this one.
 */
export interface YearCalendar {
  source: string;
  /** Days off, as [first, last] inclusive ranges. */
  holidays: readonly (readonly [string, string])[];
  makeupWorkdays: readonly string[];
}

export const OFFICIAL_CALENDARS: Readonly<Record<number, YearCalendar>> = {
  2025: {
    source: '国办发明电〔2024〕12号',
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** Every date of an inclusive range. */
export function expandRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  makeupDays: ReadonlySet<string>;
}

/**
 * The official calendars with extra lists merged in (settings, county package). An extra make-up day
 * overrides an official holiday on the same date and vice versa: the later notice wins.
 */
export function officialCalendar(extra: { holidays?: readonly string[]; makeupWorkdays?: readonly string[] } = {}): WorkCalendar {
  const holidays = new Set<string>();
  const makeupDays = new Set<string>();
  for (const year of Object.values(OFFICIAL_CALENDARS)) {
    for (const [first, last] of year.holidays) for (const d of expandRange(first, last)) holidays.add(d);
    for (const d of year.makeupWorkdays) makeupDays.add(d);
  }
  for (const d of extra.holidays ?? []) {
    holidays.add(d);
    makeupDays.delete(d);
  }
  for (const d of extra.makeupWorkdays ?? []) {
    makeupDays.add(d);
    holidays.delete(d);
  }
  return { holidays, makeupDays };
}

/** Years the calendar knows (official and added); deadlines past them count weekends only. */
export function calendarYears(cal: WorkCalendar): number[] {
  const years = new Set<number>();
  for (const d of [...cal.holidays, ...cal.makeupDays]) years.add(Number(d.slice(0, 4)));
  return [...years].sort();
}
