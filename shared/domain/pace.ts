/**
 * Pace of an annual target (目标进度): how far along the year is, what an even pace expects by today,
 * where the year ends at the pace so far and at the recent pace, and what each remaining month must bring.
 * The progress screen and the service both call these, so they always show the same numbers.
 * Dates are calendar dates `YYYY-MM-DD`; "as of" a date means through the end of that day.
 */

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to an ISO date (no time zone involved). */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function daysInYear(year: number): number {
  return dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);
}

/** Days of `year` that have passed as of the end of `asOf`: 0 before the year, all of them after it. */
export function elapsedDays(year: number, asOf: string): number {
  const n = dayNumber(asOf) - dayNumber(`${year}-01-01`) + 1;
  return Math.min(Math.max(n, 0), daysInYear(year));
}

/** Whole months still open, counting the current one: 12 in January (or before the year), 1 in December, 0 after the year. */
export function remainingMonths(year: number, asOf: string): number {
  if (asOf < `${year}-01-01`) return 12;
  if (asOf >= `${year + 1}-01-01`) return 0;
  return 13 - Number(asOf.slice(5, 7));
}

/** The recent window for the recent-pace projection: the last `days` days up to `asOf`, cut at the start of the year. */
export function recentWindow(year: number, asOf: string, days = 90): { from: string; to: string; days: number } {
  const elapsed = elapsedDays(year, asOf);
  const length = Math.min(days, elapsed);
  const end = Math.min(dayNumber(asOf), dayNumber(`${year}-12-31`));
  return { from: isoOfDay(end - Math.max(length, 1) + 1), to: isoOfDay(end), days: length };
}

export type PaceStatus = 'achieved' | 'ahead' | 'onPace' | 'behind';

export const PACE_LABELS: Record<PaceStatus, string> = {
  achieved: '已完成',
  ahead: '超前',
  onPace: '正常',
  behind: '滞后',
};

/** Colours of the progress screen: ahead (and done) green, on pace blue, behind red. */
export const PACE_COLORS: Record<PaceStatus, string> = {
  achieved: '#389e0d',
  ahead: '#389e0d',
  onPace: '#1677ff',
  behind: '#cf1322',
};

/** Share of the even-pace expectation that still counts as on pace (±5%, and never tighter than ±1 machine). */
export const ON_PACE_TOLERANCE = 0.05;

export interface PaceInput {
  year: number;
  asOf: string;
  target: number;
  done: number;
  /** Counted in the recent window (see recentWindow). */
  recentDone: number;
  recentDays?: number;
}

export interface Pace {
  target: number;
  done: number;
  /** done / target in percent, one decimal; null without a target. */
  percent: number | null;
  elapsedDays: number;
  daysInYear: number;
  /** Even pace: target × elapsed / days in year, one decimal. */
  expectedByToday: number;
  status: PaceStatus;
  /** Year-end total at the pace so far (done ÷ share of year elapsed), whole machines; null before the year starts. */
  projectedYearEnd: number | null;
  /** Year-end total at the pace of the recent window, whole machines; null before the year starts. */
  projectedFromRecent: number | null;
  recentDays: number;
  remainingMonths: number;
  shortfall: number;
  /** Machines needed in each remaining month (rounded up) to make the target; null when the year is over and it was missed. */
  neededPerMonth: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function paceStatus(target: number, done: number, expected: number): PaceStatus {
  if (done >= target) return 'achieved';
  const tolerance = Math.max(1, expected * ON_PACE_TOLERANCE);
  if (done - expected > tolerance) return 'ahead';
  if (expected - done > tolerance) return 'behind';
  return 'onPace';
}

export function computePace(input: PaceInput): Pace {
  const { year, asOf, target, done, recentDone } = input;
  const total = daysInYear(year);
  const elapsed = elapsedDays(year, asOf);
  const window = recentWindow(year, asOf, input.recentDays ?? 90);
  const remainingDays = total - elapsed;
  const expected = (target * elapsed) / total;
  const months = remainingMonths(year, asOf);
  const shortfall = Math.max(0, target - done);
  return {
    target,
    done,
    percent: target > 0 ? round1((done / target) * 100) : null,
    elapsedDays: elapsed,
    daysInYear: total,
    expectedByToday: round1(expected),
    status: paceStatus(target, done, expected),
    projectedYearEnd: elapsed > 0 ? Math.round((done * total) / elapsed) : null,
    projectedFromRecent: window.days > 0 ? Math.round(done + (recentDone / window.days) * remainingDays) : null,
    recentDays: window.days,
    remainingMonths: months,
    shortfall,
    neededPerMonth: shortfall === 0 ? 0 : months === 0 ? null : Math.ceil(shortfall / months),
  };
}
