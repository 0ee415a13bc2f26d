/**
 * Characters no typed record needs and an attacker can use to hide or disguise text: NUL and other C0/C1
 * controls (tab, line feed and carriage return are allowed), zero-width characters, and the bidi
 * embedding/override/isolate controls (U+202A–202E, U+2066–2069) that make text display reversed.
 */
export const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

export function unsafeTextIssue(value: string): string | null {
  const m = UNSAFE_TEXT.exec(value);
  if (!m) return null;
  const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `含有不可见的控制字符或文字方向控制符（U+${code}）`;
}

/** True for a YYYY-MM-DD (optionally followed by a time) that is a real calendar date. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/*
 * Field-level wording of the same rule for forms and the service (issue 12).
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u180e]/u;

/** Why a text is refused (naming the field), or undefined when it is clean. `multiline` allows line breaks and tabs. */
export function unsafeTextReason(value: string, label: string, multiline = false): string | undefined {
  const control = multiline ? value.replace(/[\n\r\t]/g, '') : value;
  if (CONTROL.test(control)) return `${label}含有控制字符（如换行、制表符），请删除后重新输入`;
  if (BIDI.test(value)) return `${label}含有改变文字方向的隐藏字符，请重新输入（不要从网页或聊天记录中复制）`;
  if (ZERO_WIDTH.test(value)) return `${label}含有看不见的零宽字符，请重新输入（不要从网页或聊天记录中复制）`;
  return undefined;
}
