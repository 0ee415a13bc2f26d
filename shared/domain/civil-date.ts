/**
 * Civil dates (YYYY-MM-DD) in China time. China keeps UTC+8 all year (no daylight saving), so the
 * civil date of an instant is its UTC date after adding 8 hours — whatever zone the PC is set to.
 * Date arithmetic here works on the date string through UTC, never through the PC's local zone.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The one place civil dates and clock times come from (server, renderer, CLI): every "today", deadline,
 * voucher date, year boundary, notice date and dated file name goes through these, never through
 * `new Date().getFullYear()`, `dayjs()` or `toISOString().slice(0, 10)`, which follow the PC's zone or UTC.
 */
function chinaShifted(instant: Date | string): Date {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(t + CHINA_OFFSET_MS);
}

/** The civil date in China (Asia/Shanghai) at an instant (a Date or an ISO timestamp). */
export function chinaDate(instant: Date | string): string {
  return chinaShifted(instant).toISOString().slice(0, 10);
}

/** The year in China at an instant. */
export function chinaYear(instant: Date | string): number {
  return Number(chinaDate(instant).slice(0, 4));
}

/** YYYY-MM-DD HH:mm (or HH:mm:ss) in China at an instant, for lists, messages and printouts. */
export function chinaDateTime(instant: Date | string, withSeconds = false): string {
  const iso = chinaShifted(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}

/** Today's civil date in China by this computer's clock (the renderer; services use `chinaToday(ctx)`). */
export const chinaTodayNow = (): string => chinaDate(new Date());

/** This year in China by this computer's clock. */
export const chinaYearNow = (): number => chinaYear(new Date());

/** YYYYMMDD, for dated file names. */
export const compactDate = (date: string): string => date.replaceAll('-', '');

function toUtcMs(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Whether a string is a real calendar date (2025-02-29 and 2025-13-01 are not). */
export function isRealDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date;
}

/** The date `n` calendar days after (or before, negative) `date`. */
export function addDays(date: string, n: number): string {
  return new Date(toUtcMs(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
