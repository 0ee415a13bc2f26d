import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResidentId } from '../../shared/domain/idcard';
import {
  compact,
  excelSerialToDate,
  idFifteenToEighteen,
  isTotalRow,
  readBankCard,
  readDate,
  readIdNumber,
  readMoney,
  readPhone,
} from '../../shared/domain/ledger-values';
import { fenToUppercase, MAX_FEN } from '../../shared/domain/money';
import { parseChineseAmount } from '../../shared/domain/money-words';
import { nthResidentId } from '../support/ids';

const TODAY = '2026-11-29';
const t = (text: string) => ({ text });
const n = (num: number) => ({ text: String(num), num });
const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) expect.fail(r.reason);
  return r.value;
};
const reason = (r: { ok: boolean; reason?: string }): string => {
  if (r.ok) expect.fail('expected a refusal');
  return r.reason ?? '';
};

describe('uppercase RMB read back (柒仟玖佰元)', () => {
  it('reads the central bank examples and everyday forms', () => {
    expect(parseChineseAmount('柒仟玖佰元')).toBe(790_000);
    expect(parseChineseAmount('人民币柒仟玖佰元整')).toBe(790_000);
    expect(parseChineseAmount('壹仟肆佰零玖元伍角')).toBe(140_950);
    expect(parseChineseAmount('陆仟零柒元壹角肆分')).toBe(600_714);
    expect(parseChineseAmount('壹仟陆佰捌拾元零叁角贰分')).toBe(168_032);
    expect(parseChineseAmount('壹拾万柒仟元零伍角叁分')).toBe(10_700_053);
    expect(parseChineseAmount('壹万陆仟肆佰零玖元零贰分')).toBe(1_640_902);
    expect(parseChineseAmount('壹万贰仟零伍拾元整')).toBe(1_205_000);
    expect(parseChineseAmount('七千九百元')).toBe(790_000);
    expect(parseChineseAmount('拾伍元')).toBe(1_500);
    expect(parseChineseAmount('两千一百元')).toBe(210_000);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '7900', '柒仟仟元', '元', '柒佰仟元', 'abc', '柒仟玖佰元伍']) expect(parseChineseAmount(bad), bad).toBeNull();
  });

  it('reads back every amount money.ts writes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.min(MAX_FEN, 99_999_999_999) }), (fen) => {
        expect(parseChineseAmount(fenToUppercase(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ID numbers from ledgers', () => {
  const id = nthResidentId(4321).idNumber;

  it('accepts plain, full-width, spaced and lower-case x forms as the same number', () => {
    const withX = '11010519491231002X';
    expect(value(readIdNumber(t(id), TODAY)).value).toBe(id);
    expect(value(readIdNumber(t(` ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)} `), TODAY)).value).toBe(id);
    expect(value(readIdNumber(t(toFullWidth(id)), TODAY)).value).toBe(id);
    expect(value(readIdNumber(t(withX.toLowerCase()), TODAY)).value).toBe(withX);
    expect(value(readIdNumber(t(`'${id}`), TODAY)).value).toBe(id);
  });

  it('refuses a number Excel rounded (3.71525E+17) and never guesses the lost digits', () => {
    expect(reason(readIdNumber(n(Number(id)), TODAY))).toMatch(/存成了数字.*末几位已丢失/);
    expect(reason(readIdNumber(t('3.71525E+17'), TODAY))).toMatch(/科学计数法.*末几位已丢失/);
  });

  it('converts a 15-digit ID with the official rule and flags it for confirmation', () => {
    const old = `${id.slice(0, 6)}${id.slice(8, 17)}`;
    const r = readIdNumber(t(old), TODAY);
    expect(value(r)).toEqual({ value: id, kind: 'resident', convertedFrom: old });
    expect(r.ok && r.notes[0]).toMatch(/15位旧身份证号.*请与身份证核对/);
    // a 15-digit number survives being stored as a number
    expect(value(readIdNumber(n(Number(old)), TODAY)).value).toBe(id);
  });

  it('15→18: inserts 19 and appends a valid check character (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (k) => {
        const full = nthResidentId(k).idNumber;
        if (!full.slice(6, 8).startsWith('19')) return;
        const eighteen = idFifteenToEighteen(`${full.slice(0, 6)}${full.slice(8, 17)}`);
        expect(eighteen).toBe(full);
        expect(parseResidentId(eighteen, TODAY).ok).toBe(true);
      }),
    );
  });

  it('refuses a wrong check character and accepts a USCC', () => {
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    expect(reason(readIdNumber(t(wrong), TODAY))).toMatch(/校验位/);
    expect(value(readIdNumber(t('93371525MA3C12346E'), TODAY)).kind).toBe('uscc');
    expect(reason(readIdNumber(t(''), TODAY))).toMatch(/缺少/);
  });
});

function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('dates from ledgers', () => {
  it('reads every form to the same civil date', () => {
    for (const cell of [t('2025.3.5'), t('2025/03/05'), t('2025-3-5'), t('2025年3月5日'), t('20250305'), n(20250305), n(45721), t('２０２５年３月５日')]) {
      expect(value(readDate(cell)), cell.text).toBe('2025-03-05');
    }
  });

  it('Excel serials follow the 1900 date system', () => {
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
    expect(excelSerialToDate(36526)).toBe('2000-01-01');
  });

  it('refuses dates that do not exist or are out of range', () => {
    for (const cell of [t('2025.2.30'), t('1999/12/31'), t('三月五日'), n(12), t('2025-13-01')]) expect(readDate(cell).ok, cell.text).toBe(false);
  });
});

describe('money from ledgers', () => {
  it('reads 7,900 / 7900.00元 / ￥7900 / 柒仟玖佰元 / numbers to the same fen', () => {
    for (const cell of [t('7,900'), t('7900.00元'), t('￥7,900'), t('柒仟玖佰元整'), n(7900), t('７９００'), t('7900（柒仟玖佰元整）'), t('7 900')]) {
      expect(value(readMoney(cell, '补贴金额')), cell.text).toBe(790_000);
    }
    expect(value(readMoney(n(1409.5), '价格'))).toBe(140_950);
  });

  it('cross-checks figures against words, in one cell or a second column', () => {
    expect(value(readMoney(t('7900'), '补贴金额', t('柒仟玖佰元整')))).toBe(790_000);
    expect(reason(readMoney(t('7900'), '补贴金额', t('柒仟捌佰元整')))).toMatch(/小写 7,900.00 元与大写 7,800.00 元不一致/);
    expect(reason(readMoney(t('7900（柒仟捌佰元）'), '补贴金额'))).toMatch(/不一致/);
  });

  it('refuses what it cannot read', () => {
    for (const cell of [t('七千多'), t('7,90'), t('约7900'), t('7900.123'), n(-5)]) expect(readMoney(cell, '补贴金额').ok, cell.text).toBe(false);
  });
});

describe('phones, bank cards, totals, widths', () => {
  it('reads phones and bank cards typed with spaces, and refuses a rounded card number', () => {
    expect(value(readPhone(t('138 1234 5678')))).toBe('13812345678');
    expect(value(readPhone(n(13812345678)))).toBe('13812345678');
    expect(value(readBankCard(t('6222 0212 3456 7890 128')))).toBe('6222021234567890128');
    expect(readBankCard(n(Number('6222021234567890128'))).ok).toBe(false);
  });

  it('knows subtotal and total rows', () => {
    expect(isTotalRow(['', '小计', '', '7900'])).toBe(true);
    expect(isTotalRow(['合 计'])).toBe(true);
    expect(isTotalRow(['', '三月份小计'])).toBe(true);
    expect(isTotalRow(['1', '张三', '合计村'])).toBe(false);
    expect(isTotalRow(['1', '张小计', '东村'])).toBe(false);
  });

  it('folds full-width text', () => {
    expect(compact('ＡＢ　１２ 3')).toBe('AB123');
  });
});
