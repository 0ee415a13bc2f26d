/**
 * Unified social credit code (GB 32100-2015).
 *
 * Layout (18 chars over ALPHABET): pos 1 registration authority, pos 2 organisation
 * type, pos 3-8 administrative area code (digits), pos 9-17 organisation code,
 * pos 18 check char.
 * Check: S = sum(v[i] * 3^i mod 31) for i = 0..16; c = 31 - S mod 31, 31 -> 0.
 */

/** Allowed characters; the index of a character is its numeric value. No I O S V Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
}); // 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28

export type UsccResult = { ok: true; value: string } | { ok: false; reason: string };

/** Check char for the first 17 characters (uppercase). Throws RangeError on malformed input. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError('统一社会信用代码前17位长度不正确');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) {
      throw new RangeError(`统一社会信用代码含非法字符「${first17.charAt(i)}」`);
    }
    sum += v * (WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(c);
}

/** Validate and normalise (trim, uppercase) a unified social credit code. */
export function parseUscc(raw: string): UsccResult {
  const value = (raw ?? '').trim().toUpperCase();
  if (value.length !== 18) {
    return { ok: false, reason: '统一社会信用代码应为18位' };
  }
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) {
      return { ok: false, reason: `统一社会信用代码含非法字符「${ch}」` };
    }
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, reason: '统一社会信用代码第3至8位应为行政区划代码（数字）' };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expected) {
    return { ok: false, reason: `统一社会信用代码校验位错误：末位应为 ${expected}` };
  }
  return { ok: true, value };
}
