/**
 * Reading the values old Excel ledgers (台账) hold, cell by cell: ID numbers, dates, money, phone and
 * bank numbers typed every way people type them. Pure functions: each answers a value with notes for
 * the technician, or a reason in Chinese why the cell cannot be read. Nothing is ever guessed: a
 * number Excel has already rounded is refused, a converted old ID is flagged for confirmation.
 */
import { parseBankCard } from './bankcard';
import { idFifteenToEighteen, parseResidentId } from './idcard';
import { formatFen, yuanToFen } from './money';
import { looksLikeChineseAmount, parseChineseAmount } from './money-words';
import { parseMobile } from './phone';
import { parseUscc } from './uscc';

/** One spreadsheet cell: its text, and the number when the cell holds a number (not numeric-looking text). */
export interface LedgerCell {
  text: string;
  num?: number;
  /** Inside a merged range below its top-left cell: the row the value was taken from. */
  mergedFrom?: number;
  /** The top-left cell of a range merged down over more than one row: the range's last row. */
  mergedDownTo?: number;
}

export type Read<T> = { ok: true; value: T; notes: string[] } | { ok: false; reason: string };
const ok = <T>(value: T, notes: string[] = []): Read<T> => ({ ok: true, value, notes });
const bad = (reason: string): Read<never> => ({ ok: false, reason });

/** Full-width digits, letters and punctuation to half-width (ＡＢ１２ → AB12), ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width, no spaces of any kind. */
export function compact(text: string): string {
  return toHalfWidth(text ?? '').replace(/[\s\u00a0\u200b]+/g, '');
}

export const isBlank = (c: LedgerCell | undefined): boolean => !c || compact(c.text) === '';

/** Scientific notation as Excel shows a long number it has rounded: 3.71525E+17. */
const SCIENTIFIC = /^\d(\.\d+)?E\+?\d+$/i;

/** The 15-digit (1985) ID number → 18 digits (shared/domain/idcard.ts). */
export { idFifteenToEighteen };

export interface IdRead {
  value: string;
  kind: 'resident' | 'uscc';
  /** Set when a 15-digit number was converted: the technician confirms it against the card. */
  convertedFrom?: string;
}

/**
 * A resident ID (18, or 15 converted) or a unified social credit code. Refused: a number Excel stored
 * as a number with more than 15 digits (the last digits are gone), and anything failing its check.
 */
export function readIdNumber(cell: LedgerCell, today: string): Read<IdRead> {
  if (cell.num !== undefined && Math.abs(cell.num) >= 1e15) {
    return bad(
      `身份证号在 Excel 中被存成了数字（显示为 ${cell.num.toExponential(5).toUpperCase()}），末几位已丢失，无法导入：请按身份证原件填写后重新导入`,
    );
  }
  const text = compact(cell.num !== undefined ? String(cell.num) : cell.text)
    .toUpperCase()
    .replace(/^'/, '');
  if (!text) return bad('缺少身份证号（证件号码）');
  if (SCIENTIFIC.test(text)) {
    return bad(`身份证号显示为科学计数法（${text}），末几位已丢失，无法导入：请按身份证原件填写后重新导入`);
  }
  if (/^\d{15}$/.test(text)) {
    const eighteen = idFifteenToEighteen(text);
    const r = parseResidentId(eighteen, today);
    if (!r.ok) return bad(`15位旧身份证号无效：${r.reason}`);
    return ok({ value: eighteen, kind: 'resident', convertedFrom: text }, [
      `15位旧身份证号已按国家标准转换为18位（出生年份补“19”，末位校验码 ${eighteen.charAt(17)}），请与身份证核对`,
    ]);
  }
  if (/^\d{17}[\dX]$/.test(text)) {
    const r = parseResidentId(text, today);
    return r.ok ? ok({ value: r.value, kind: 'resident' }) : bad(r.reason);
  }
  if (/^[0-9A-Z]{18}$/.test(text)) {
    const u = parseUscc(text);
    return u.ok ? ok({ value: u.value, kind: 'uscc' }) : bad(`证件号码既不是有效的身份证号，也不是有效的统一社会信用代码：${u.reason}`);
  }
  return bad(`身份证号应为18位（或15位旧号），表中为“${cell.text.trim()}”`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** Days since 1899-12-30 (Excel's 1900 date system, its 1900-02-29 bug included) → YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A civil date: an Excel date serial (a number cell), 2025-03-05 (what a date-formatted cell reads as),
 * 2025.3.5, 2025/03/05, 2025年3月5日, 20250305. Years outside 2000–2100 are refused as misreadings.
 */
export function readDate(cell: LedgerCell, label = '日期'): Read<string> {
  let y: number;
  let m: number;
  let d: number;
  if (cell.num !== undefined) {
    const n = cell.num;
    if (Number.isInteger(n) && n >= 20000101 && n <= 21001231) {
      [y, m, d] = [Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100];
    } else if (n >= 36526 && n < 73051) {
      return ok(excelSerialToDate(n));
    } else return bad(`${label}“${cell.text}”不是日期`);
  } else {
    const text = compact(cell.text).replace(/(日|号)$/, '');
    if (!text) return bad(`缺少${label}`);
    const sep = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})(?:T.*)?$/.exec(text);
    const packed = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    const parts = sep ?? packed;
    if (!parts) return bad(`${label}“${cell.text.trim()}”无法识别，应写成 2025-03-05、2025.3.5、2025/03/05、2025年3月5日 或 20250305`);
    [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  }
  if (y < 2000 || y > 2100 || !isDate(y, m, d)) return bad(`${label}“${cell.text.trim()}”不是有效的日期`);
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}

/** A digits-and-point amount after units, currency signs and thousands separators are taken away. */
function numericAmount(text: string): number | null {
  const plain = text.replace(/^(人民币|RMB|¥|￥)/i, '').replace(/(元整|元|圆)$/, '');
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(plain)) return null;
  const [int, frac = ''] = plain.replace(/,/g, '').split('.');
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return null;
  try {
    return yuanToFen(`${int}.${frac.slice(0, 2)}`);
  } catch {
    return null;
  }
}

/**
 * Money in yuan → fen: 7900, 7,900, 7900.00元, ￥7,900, 柒仟玖佰元(整), or both (7900（柒仟玖佰元整）),
 * in which case the two must agree. `words` is an optional second cell with the amount in words.
 */
export function readMoney(cell: LedgerCell, label: string, words?: LedgerCell): Read<number> {
  let figure: number | null = null;
  let inWords: number | null = null;
  if (cell.num !== undefined) {
    if (!Number.isFinite(cell.num) || cell.num < 0) return bad(`${label}“${cell.text}”不是有效金额`);
    figure = Math.round(cell.num * 100);
    if (Math.abs(cell.num * 100 - figure) > 1e-6) return bad(`${label} ${cell.num} 超过两位小数`);
  } else {
    const text = compact(cell.text);
    if (!text) return bad(`缺少${label}`);
    const paren = /^([^(（]*)[(（]([^)）]*)[)）]$/.exec(text);
    const parts = paren ? [paren[1] as string, paren[2] as string] : [text];
    for (const part of parts) {
      if (!part) continue;
      if (looksLikeChineseAmount(part)) {
        const v = parseChineseAmount(part);
        if (v === null) return bad(`${label}“${part}”中的大写金额无法识别`);
        inWords = v;
      } else {
        const v = numericAmount(part);
        if (v === null)
          return bad(`${label}“${cell.text.trim()}”无法识别，应为数字金额（如 7900、7,900、7900.00元）或大写金额（如 柒仟玖佰元整）`);
        figure = v;
      }
    }
  }
  if (words && !isBlank(words)) {
    const v = parseChineseAmount(compact(words.text));
    if (v === null) return bad(`${label}的大写金额“${words.text.trim()}”无法识别`);
    if (inWords !== null && inWords !== v) return bad(`${label}的两处大写金额不一致`);
    inWords = v;
  }
  if (figure !== null && inWords !== null && figure !== inWords) {
    return bad(`${label}小写 ${formatFen(figure)} 元与大写 ${formatFen(inWords)} 元不一致`);
  }
  const value = figure ?? inWords;
  if (value === null) return bad(`缺少${label}`);
  return ok(value);
}

/** A mobile number (spaces, dashes, full-width digits allowed); a number cell is fine (11 digits survive). */
export function readPhone(cell: LedgerCell): Read<string> {
  const text = compact(cell.num !== undefined ? String(cell.num) : cell.text).replace(/-/g, '');
  if (!text) return bad('缺少联系电话');
  const r = parseMobile(text);
  return r.ok ? ok(r.value) : bad(`联系电话“${cell.text.trim()}”无效：${r.reason}`);
}

/** A bank card number; a number cell with more than 15 digits has lost its last digits. */
export function readBankCard(cell: LedgerCell): Read<string> {
  if (cell.num !== undefined && Math.abs(cell.num) >= 1e15) {
    return bad('银行卡号在 Excel 中被存成了数字，末几位已丢失');
  }
  const text = compact(cell.num !== undefined ? String(cell.num) : cell.text).replace(/-/g, '');
  if (SCIENTIFIC.test(text)) return bad(`银行卡号显示为科学计数法（${text}），末几位已丢失`);
  const r = parseBankCard(text);
  return r.ok ? ok(r.value) : bad(`银行卡号“${cell.text.trim()}”无效：${r.reason}`);
}

/** A row that adds up others (合计、小计、总计) rather than recording a machine. */
export function isTotalRow(texts: readonly string[]): boolean {
  return texts.some((t) =>
    /^((\d{1,2}|[一二三四五六七八九十]{1,3})月份?|本页|本月|本表|全年|全镇|共)?(合计|小计|总计|累计)([:：].*)?$/.test(compact(t)),
  );
}
