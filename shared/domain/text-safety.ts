/** True for a YYYY-MM-DD (optionally followed by a time) that is a real calendar date. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/*
 * Characters no typed record needs and an attacker can use to hide or disguise text — one rule for the
 * forms, the service and the county's check of station files:
 *   CONTROL   NUL and other C0/C1 controls (line breaks and tabs only where the text is multi-line)
 *   BIDI      embedding/override/isolate controls and direction marks, which make text display reversed
 *   INVISIBLE zero-width characters and invisible operators
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE = /[\u180e\u200b-\u200d\u2060-\u2064\ufeff]/u;

const codeOf = (m: RegExpExecArray) => `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a text is refused (naming the field and the character), or undefined when it is clean. `multiline`
 * allows line breaks and tabs.
 */
export function unsafeTextReason(value: string, label: string, multiline = false): string | undefined {
  const control = CONTROL.exec(multiline ? value.replace(/[\n\r\t]/g, '') : value);
  if (control) {
    const example = multiline ? '' : '（如换行、制表符）';
    return `${label}含有控制字符${example}（${codeOf(control)}），请删除后重新输入`;
  }
  const bidi = BIDI.exec(value);
  if (bidi) return `${label}含有改变文字方向的隐藏字符（${codeOf(bidi)}），请重新输入（不要从网页或聊天记录中复制）`;
  const invisible = INVISIBLE.exec(value);
  if (invisible) return `${label}含有看不见的零宽字符（${codeOf(invisible)}），请重新输入（不要从网页或聊天记录中复制）`;
  return undefined;
}
