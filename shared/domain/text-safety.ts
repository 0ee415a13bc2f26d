/**
 * Characters no field may hold: control characters (a pasted tab or line break inside a name, NUL),
 * bidirectional overrides and isolates (which make "123" display as "321" — a classic way to disguise
 * an account or invoice number) and zero-width characters (which make two equal-looking serials differ).
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
