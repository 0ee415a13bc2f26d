import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { luhnValid, parseBankCard } from '../../shared/domain/bankcard';

/** Independent Luhn: left-to-right with a lookup table for doubled digits. */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function refLuhnCheckDigit(payload: string): string {
  const ds = payload.split('').map(Number);
  const total = ds.reduce((acc, d, i) => {
    // After appending a check digit, positions with odd distance from the end are doubled.
    const doubled = (ds.length - i) % 2 === 1;
    return acc + (doubled ? DOUBLED[d]! : d);
  }, 0);
  return String((10 - (total % 10)) % 10);
}

const payload = fc.integer({ min: 15, max: 18 }).chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)));

describe('luhnValid', () => {
  it('accepts known valid numbers', () => {
    for (const n of ['4111111111111111', '5500000000000004', '6011111111111117', '79927398713']) {
      expect(luhnValid(n)).toBe(true);
    }
    expect(luhnValid('622202123456789012' + refLuhnCheckDigit('622202123456789012'))).toBe(true);
  });
  it('rejects invalid numbers and non-digits', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
  });
  it('property: independent check digit always validates', () => {
    fc.assert(fc.property(payload, (p) => luhnValid(p + refLuhnCheckDigit(p))));
  });
  it('property: any single-digit change breaks Luhn', () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 9 }), (p, posSeed, delta) => {
        const card = p + refLuhnCheckDigit(p);
        const pos = posSeed % card.length;
        const digit = (Number(card[pos]) + delta) % 10;
        const changed = card.slice(0, pos) + digit + card.slice(pos + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });
});

describe('parseBankCard', () => {
  const valid19 = '622202123456789012' + refLuhnCheckDigit('622202123456789012');
  it('accepts spaces and hyphens and returns digits only', () => {
    expect(parseBankCard('4111 1111-1111 1111')).toEqual({ ok: true, value: '4111111111111111' });
    expect(parseBankCard(` ${valid19.replace(/(\d{4})/g, '$1 ')} `)).toEqual({ ok: true, value: valid19 });
  });
  it('rejects wrong length or non-digits', () => {
    for (const s of ['', '411111111111111', '41111111111111111111', '4111a11111111111']) {
      expect(parseBankCard(s)).toEqual({ ok: false, reason: '银行卡号应为16至19位数字' });
    }
  });
  it('rejects a failed Luhn check', () => {
    expect(parseBankCard('4111111111111112')).toEqual({ ok: false, reason: '银行卡号校验失败，请核对卡号' });
  });
});
