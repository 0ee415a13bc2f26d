/**
 * Money amounts. All amounts are stored and computed as integer fen (1 yuan = 100 fen).
 */

/** Largest amount supported by fenToUppercase: 9,999,999,999,999.99 yuan. */
export const MAX_FEN = 999_999_999_999_999;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['仟', '佰', '拾', ''] as const;

function assertSafeFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`金额必须是以分为单位的整数：${fen}`);
  }
}

/** 140950 -> "1,409.50"; -5 -> "-0.05". */
export function formatFen(fen: number): string {
  assertSafeFen(fen);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * Parse a yuan amount into fen without floating-point arithmetic.
 * Accepts "1409.5", "1,409.50", "-12.3", "+8", numbers like 1409.5.
 * Thousands separators must be well placed. More than 2 decimals -> RangeError.
 */
export function yuanToFen(input: string | number): number {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`金额格式不正确：${input}`);
    s = String(input);
  } else {
    s = (input ?? '').trim();
  }
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === undefined && !m[3])) {
    throw new RangeError(`金额格式不正确：${s === '' ? '（空）' : s}`);
  }
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const frac = m[3] ?? '';
  if (frac.length > 2) {
    throw new RangeError(`金额最多保留两位小数：${s}`);
  }
  const fen = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`金额超出范围：${s}`);
  }
  return fen === 0 ? 0 : sign * fen;
}

/** 1..9999 without leading 零; inner zero runs become one 零; trailing zeros dropped. */
function convert4(n: number): string {
  const ds = String(n).padStart(4, '0');
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = ds.charCodeAt(i) - 48;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS.charAt(d) + SMALL_UNITS[i];
  }
  return out;
}

/** Positive integer -> uppercase Chinese numerals using 万 / 亿 grouping (亿 nests 万). */
function convertInt(n: number): string {
  if (n >= 1e8) {
    const high = convertInt(Math.floor(n / 1e8)) + '亿';
    const low = n % 1e8;
    if (low === 0) return high;
    return high + (low < 1e7 ? '零' : '') + convertInt(low);
  }
  if (n >= 1e4) {
    const high = convert4(Math.floor(n / 1e4)) + '万';
    const low = n % 1e4;
    if (low === 0) return high;
    return high + (low < 1000 ? '零' : '') + convert4(low);
  }
  return convert4(n);
}

/**
 * Uppercase RMB amount per PBOC rules, e.g. 140950 -> "人民币壹仟肆佰零玖元伍角整".
 * 整 follows 元 when there is no 角/分 and follows 角 when 分 is 0; never after 分.
 * When the 元 digit is 0 (or 角 is 0) and 角/分 follow, one 零 is written after 元.
 */
export function fenToUppercase(fen: number): string {
  assertSafeFen(fen);
  if (fen < 0) throw new RangeError('大写金额不支持负数');
  if (fen > MAX_FEN) throw new RangeError('金额超出范围：最大支持 9,999,999,999,999.99 元');

  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  if (jiao === 0 && fenDigit === 0) {
    return `人民币${yuan === 0 ? '零' : convertInt(yuan)}元整`;
  }

  let out = '人民币';
  if (yuan > 0) {
    out += convertInt(yuan) + '元';
    if (yuan % 10 === 0 || jiao === 0) out += '零';
  }
  if (jiao !== 0) out += DIGITS.charAt(jiao) + '角';
  out += fenDigit !== 0 ? DIGITS.charAt(fenDigit) + '分' : '整';
  return out;
}
