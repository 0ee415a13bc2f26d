/**
 * Reading an amount written in Chinese numerals (大写金额 such as 人民币柒仟玖佰元整, or the everyday
 * 七千九百元) back into integer fen: the reverse of money.ts `fenToUppercase`, for old ledgers.
 */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 壹: 1, 一: 1, 贰: 2, 二: 2, 两: 2, 叁: 3, 三: 3, 肆: 4, 四: 4,
  伍: 5, 五: 5, 陆: 6, 六: 6, 柒: 7, 七: 7, 捌: 8, 八: 8, 玖: 9, 九: 9,
};
const SMALL: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };

/** 0..9999 from e.g. 柒仟零玖拾 / 拾伍 (a leading 拾 means one ten); null when malformed. */
function section(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  for (const ch of text) {
    if (ch in DIGIT) {
      const d = DIGIT[ch] as number;
      if (d === 0) {
        digit = null;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
    } else if (ch in SMALL) {
      const unit = SMALL[ch] as number;
      if (unit >= lastUnit) return null;
      total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
      if (Number.isNaN(total)) return null;
      lastUnit = unit;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** Integer yuan with 亿 and 万 groups; null when malformed. */
function integer(text: string): number | null {
  if (text === '' || /^[零〇]+$/.test(text)) return 0;
  const yi = text.split('亿');
  if (yi.length > 2) return null;
  if (yi.length === 2) {
    const high = integer(yi[0] as string);
    const low = integer(yi[1] as string);
    return high === null || low === null || high === 0 ? null : high * 1e8 + low;
  }
  const wan = text.split(/[万萬]/);
  if (wan.length > 2) return null;
  if (wan.length === 2) {
    const high = section(wan[0] as string);
    const low = section(wan[1] as string);
    return high === null || low === null || high === 0 ? null : high * 1e4 + low;
  }
  return section(text);
}

/** True when the text reads as a Chinese-numeral amount (has a numeral and a 元/圆/角/分 or a unit char). */
export function looksLikeChineseAmount(text: string): boolean {
  return /[零〇壹一贰二两叁三肆四伍五陆六柒七捌八玖九拾十佰百仟千万萬亿]/.test(text) && !/\d/.test(text);
}

/**
 * 人民币柒仟玖佰元整 → 790000; 壹仟肆佰零玖元伍角 → 140950; 陆仟零柒元壹角肆分 → 600714.
 * Returns null when the text is not a well-formed amount in Chinese numerals.
 */
export function parseChineseAmount(raw: string): number | null {
  let text = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  text = text.replace(/^(人民币|RMB|大写[:：]?)/i, '').replace(/[整正]$/, '');
  if (!text || !looksLikeChineseAmount(text)) return null;
  const m = /^(.*?)(?:[元圆](.*))?$/.exec(text);
  if (!m) return null;
  let intText = m[1] ?? '';
  let rest = m[2];
  if (rest === undefined) {
    // no 元: only 角/分 (伍角) or a bare integer (柒仟玖佰)
    const jiaoAt = intText.search(/[角分]/);
    if (jiaoAt >= 0) {
      rest = intText;
      intText = '';
    } else rest = '';
  }
  const yuan = integer(intText);
  if (yuan === null) return null;
  const small = /^[零〇]?(?:([零〇壹一贰二两叁三肆四伍五陆六柒七捌八玖九])角)?[零〇]?(?:([零〇壹一贰二两叁三肆四伍五陆六柒七捌八玖九])分)?$/.exec(rest);
  if (!small) return null;
  const jiao = small[1] ? (DIGIT[small[1]] as number) : 0;
  const fen = small[2] ? (DIGIT[small[2]] as number) : 0;
  const total = yuan * 100 + jiao * 10 + fen;
  return Number.isSafeInteger(total) ? total : null;
}
