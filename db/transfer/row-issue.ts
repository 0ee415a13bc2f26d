import { isRealDate, unsafeTextReason } from '../../shared/domain/text-safety';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/**
 * Every character unsafeTextReason(…, multiline) refuses, in one class: C0/C1 controls other than tab and
 * line breaks, bidi controls, invisible characters. A text without any is clean, so the usual clean text
 * costs one regex test; a text with one gets unsafeTextReason's own message.
 * (tests/db/transfer-row-issue.test.ts checks the two agree on every UTF-16 code unit.)
 */
const ANY_UNSAFE =
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/;

/** The reason unsafeTextReason gives a received text (multi-line allowed), or null when it is clean. */
export function unsafeReceivedText(value: string): string | null {
  return ANY_UNSAFE.test(value) ? (unsafeTextReason(value, '', true) ?? null) : null;
}

/**
 * isRealDate of a date's first ten characters, remembered: a station file repeats a few thousand days over
 * hundreds of thousands of rows, and the check (a Date built per value) was a third of rowIssue's time.
 */
const realDays = new Map<string, boolean>();
function isRealDay(day: string): boolean {
  let real = realDays.get(day);
  if (real === undefined) {
    if (realDays.size >= 50_000) realDays.clear();
    real = isRealDate(day);
    realDays.set(day, real);
  }
  return real;
}

/** Text and dates a form would never produce: control/bidi/zero-width characters, impossible or out-of-range dates. */
export function rowIssue(row: Record<string, unknown>, maxDate: string): string | null {
  for (const col in row) {
    const value = row[col];
    if (typeof value !== 'string') continue;
    // JSON snapshots (audit before/after, printed voucher) quote what was typed, possibly before the counter
    // refused such characters, and cannot be corrected: only raw controls (which JSON never holds) refuse them
    const unsafe = col.endsWith('_json') ? (RAW_CONTROL.test(value) ? '含有控制字符' : null) : unsafeReceivedText(value);
    if (unsafe) return `${col}：${unsafe}`;
    if (!DATE_LIKE.test(value)) continue;
    const min = col === 'birth_date' ? '1900-01-01' : '2000-01-01';
    const day = value.slice(0, 10);
    if (!isRealDay(day)) return `${col}：日期不存在（${day}）`;
    if (day < min || day > maxDate) return `${col}：日期超出合理范围（${day}）`;
  }
  return null;
}
