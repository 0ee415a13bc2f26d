import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fenToUppercase, formatFen, MAX_FEN, yuanToFen } from '../../shared/domain/money';

/** Independent reader: uppercase RMB string back to fen by walking unit multipliers. */
function parseUppercase(s: string): number {
  expect(s.startsWith('人民币')).toBe(true);
  const DIG = '零壹贰叁肆伍陆柒捌玖';
  const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let yi = 0;
  let wan = 0;
  let section = 0;
  let num = 0;
  let yuan = 0;
  let jiao = 0;
  let fen = 0;
  for (const ch of s.slice(3)) {
    const d = DIG.indexOf(ch);
    if (d >= 0) num = d;
    else if (ch in SMALL) {
      section += num * SMALL[ch]!;
      num = 0;
    } else if (ch === '万') {
      wan += (section + num) * 1e4;
      section = num = 0;
    } else if (ch === '亿') {
      yi += (wan + section + num) * 1e8;
      wan = section = num = 0;
    } else if (ch === '元') {
      yuan = yi + wan + section + num;
      num = 0;
    } else if (ch === '角') {
      jiao = num;
      num = 0;
    } else if (ch === '分') {
      fen = num;
      num = 0;
    } else if (ch !== '整') throw new Error(`unexpected char ${ch}`);
  }
  return yuan * 100 + jiao * 10 + fen;
}

const EXAMPLES: Array<[string, string]> = [
  ['1,409.50', '人民币壹仟肆佰零玖元伍角整'],
  ['6,007.14', '人民币陆仟零柒元壹角肆分'],
  ['1,680.32', '人民币壹仟陆佰捌拾元零叁角贰分'],
  ['107,000.53', '人民币壹拾万柒仟元零伍角叁分'],
  ['16,409.02', '人民币壹万陆仟肆佰零玖元零贰分'],
  ['12,050.00', '人民币壹万贰仟零伍拾元整'],
  ['0', '人民币零元整'],
  ['0.05', '人民币伍分'],
  ['0.50', '人民币伍角整'],
  ['100,000,000.00', '人民币壹亿元整'],
  ['10', '人民币壹拾元整'],
  ['1,000,010.00', '人民币壹佰万零壹拾元整'],
  ['20,000.00', '人民币贰万元整'],
  ['100,100,000', '人民币壹亿零壹拾万元整'],
  ['1,000,100,000,000', '人民币壹万零壹亿元整'],
  ['9,999,999,999,999.99', '人民币玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
];

/** Amounts biased towards zeros, where the 零 rules matter. */
const zeroHeavyFen = fc
  .array(fc.constantFrom(0, 0, 0, 0, 1, 2, 5, 9), { minLength: 1, maxLength: 15 })
  .map((ds) => Number(ds.join('')));
const anyFen = fc.oneof(fc.bigInt({ min: 0n, max: BigInt(MAX_FEN) }).map(Number), zeroHeavyFen);

describe('fenToUppercase', () => {
  it.each(EXAMPLES)('%s -> %s', (amount, expected) => {
    expect(fenToUppercase(yuanToFen(amount))).toBe(expected);
  });

  it('rejects negative, fractional and too large amounts', () => {
    expect(() => fenToUppercase(-1)).toThrow(RangeError);
    expect(() => fenToUppercase(1.5)).toThrow(RangeError);
    expect(() => fenToUppercase(MAX_FEN + 1)).toThrow(RangeError);
  });

  it('property: round-trips through an independent reader', () => {
    fc.assert(fc.property(anyFen, (n) => parseUppercase(fenToUppercase(n)) === n), { numRuns: 2000 });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }).map(Number), (n) => parseUppercase(fenToUppercase(n)) === n));
  });

  it('property: structural rules', () => {
    fc.assert(
      fc.property(anyFen, (n) => {
        const s = fenToUppercase(n);
        expect(s).not.toContain('零零');
        expect(s.endsWith('零')).toBe(false);
        expect(s.includes('整')).toBe(n % 10 === 0);
        expect(s).not.toContain('分整');
        expect(s.startsWith('人民币零') && n !== 0).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatFen', () => {
  it('formats with separators and two decimals', () => {
    expect(formatFen(140950)).toBe('1,409.50');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-140950)).toBe('-1,409.50');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(100000000000)).toBe('1,000,000,000.00');
  });
  it('rejects non-integers', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
  it('property: yuanToFen(formatFen(n)) === n', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => yuanToFen(formatFen(n)) === n));
  });
});

describe('yuanToFen', () => {
  it('parses strings and numbers exactly', () => {
    expect(yuanToFen('1409.5')).toBe(140950);
    expect(yuanToFen('1,409.50')).toBe(140950);
    expect(yuanToFen(' 0.07 ')).toBe(7);
    expect(yuanToFen('.5')).toBe(50);
    expect(yuanToFen('12.')).toBe(1200);
    expect(yuanToFen('-12.3')).toBe(-1230);
    expect(yuanToFen('-0')).toBe(0);
    expect(yuanToFen(1409.5)).toBe(140950);
    expect(yuanToFen(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
  });
  it('rejects more than two decimals', () => {
    expect(() => yuanToFen('1.005')).toThrow(RangeError);
    expect(() => yuanToFen('1.005')).toThrow(/两位小数/);
    expect(() => yuanToFen(0.1 + 0.2)).toThrow(RangeError);
  });
  it('rejects malformed input', () => {
    for (const s of ['', '.', 'abc', '1,23', '12,3456.00', '1.2.3', '¥5', '1e5']) {
      expect(() => yuanToFen(s)).toThrow(RangeError);
    }
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => yuanToFen('99999999999999999')).toThrow(/超出范围/);
  });
});
