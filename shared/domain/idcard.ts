import { chinaDate } from './civil-date';

/**
 * Chinese resident identity card number (GB 11643-1999).
 *
 * Layout (18 chars): 6-digit administrative area code, 8-digit birth date
 * YYYYMMDD, 3-digit sequence (odd = male, even = female), 1 check char.
 * Check: S = sum(d[i] * W[i]) for i = 0..16, check char = "10X98765432"[S mod 11].
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_DATE = '1900-01-01';

export type ResidentIdResult =
  { ok: true; value: string; birthDate: string; sex: 'male' | 'female'; areaCode: string } | { ok: false; reason: string };

/** Check char for the first 17 digits. Throws RangeError on malformed input. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('身份证号前17位应为数字');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * An old 15-digit ID (before 1999) as its 18-digit form (GB 11643-1999): "19" inserted after the
 * 6-digit area code, then the ISO 7064 MOD 11-2 check character appended.
 */
export function idFifteenToEighteen(fifteen: string): string {
  if (!/^\d{15}$/.test(fifteen)) throw new RangeError('15位身份证号应为15位数字');
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** The 18-digit form of typed text that is an old 15-digit ID whose converted form is valid, else null. */
export function convertibleOldId(raw: string, today?: string): string | null {
  const value = (raw ?? '').trim();
  if (!/^\d{15}$/.test(value)) return null;
  const eighteen = idFifteenToEighteen(value);
  return parseResidentId(eighteen, today).ok ? eighteen : null;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True when YYYY/MM/DD denotes a real Gregorian calendar date. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Validate and normalise a resident ID number.
 * @param raw   user input; surrounding whitespace is ignored, lowercase x accepted
 * @param today reference date (YYYY-MM-DD) for rejecting future birth dates; defaults to today in China
 */
export function parseResidentId(raw: string, today?: string): ResidentIdResult {
  const value = (raw ?? '').trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    const eighteen = idFifteenToEighteen(value);
    return {
      ok: false,
      reason: `这是15位旧身份证号，按国家标准对应的18位号码为 ${eighteen}（出生年份补“19”，末位校验码 ${eighteen.charAt(17)}）：请与身份证核对后使用18位号码`,
    };
  }
  if (value.length !== 18) {
    return { ok: false, reason: '身份证号应为18位' };
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, reason: '身份证号格式不正确：前17位应为数字，末位为数字或X' };
  }

  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(y, m, d)) {
    return { ok: false, reason: `身份证号中的出生日期不存在：${birthDate}` };
  }
  if (birthDate < MIN_BIRTH_DATE) {
    return { ok: false, reason: `身份证号中的出生日期不存在：${birthDate}（早于1900年）` };
  }
  if (birthDate > (today ?? chinaDate(new Date()))) {
    return { ok: false, reason: `身份证号中的出生日期不存在：${birthDate}（晚于今天）` };
  }

  const expected = residentIdCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) {
    return { ok: false, reason: `身份证号校验位错误：末位应为 ${expected}` };
  }

  const seq = Number(value.charAt(16));
  return {
    ok: true,
    value,
    birthDate,
    sex: seq % 2 === 1 ? 'male' : 'female',
    areaCode: value.slice(0, 6),
  };
}
