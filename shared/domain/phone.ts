/** Mainland China mobile phone numbers. */

export type MobileResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Validate a mobile number: 11 digits, first digit 1, second digit 3-9.
 * Surrounding whitespace and inner spaces/hyphens (e.g. "138 1234 5678") are ignored.
 */
export function parseMobile(raw: string): MobileResult {
  const value = (raw ?? '').replace(/[\s-]/g, '');
  if (!/^1[3-9]\d{9}$/.test(value)) {
    return { ok: false, reason: '手机号应为以1开头的11位数字' };
  }
  return { ok: true, value };
}
