import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseUscc, usccCheckChar, USCC_ALPHABET } from '../../shared/domain/uscc';

const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Independent check computation with weights computed by Math.pow. */
function refCheck(first17: string): string {
  let s = 0;
  first17.split('').forEach((ch, i) => {
    s += ALPHA.indexOf(ch) * (Math.pow(3, i) % 31);
  });
  const c = 31 - (s % 31);
  return ALPHA[c === 31 ? 0 : c]!;
}

const alphaChar = fc.constantFrom(...ALPHA.split(''));
const digitChar = fc.constantFrom(...'0123456789'.split(''));
const validFirst17 = fc
  .tuple(fc.array(alphaChar, { minLength: 2, maxLength: 2 }), fc.array(digitChar, { minLength: 6, maxLength: 6 }), fc.array(alphaChar, { minLength: 9, maxLength: 9 }))
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));

describe('usccCheckChar', () => {
  it('matches the example and weights', () => {
    expect(USCC_ALPHABET).toBe(ALPHA);
    expect(usccCheckChar('93371525MA3C12346')).toBe('E');
  });
  it('agrees with an independent implementation', () => {
    fc.assert(fc.property(validFirst17, (s) => usccCheckChar(s) === refCheck(s)));
  });
  it('throws on malformed input', () => {
    expect(() => usccCheckChar('93371525MA3C1234')).toThrow(RangeError);
    expect(() => usccCheckChar('93371525MA3C1234I')).toThrow(RangeError);
  });
});

describe('parseUscc', () => {
  it('accepts the example, trimming and uppercasing', () => {
    expect(parseUscc('93371525MA3C12346E')).toEqual({ ok: true, value: '93371525MA3C12346E' });
    expect(parseUscc(' 93371525ma3c12346e ')).toEqual({ ok: true, value: '93371525MA3C12346E' });
  });

  it('rejects wrong length', () => {
    for (const s of ['', '93371525MA3C12346', '93371525MA3C12346EE']) {
      expect(parseUscc(s)).toEqual({ ok: false, reason: '统一社会信用代码应为18位' });
    }
  });

  it('names illegal characters', () => {
    expect(parseUscc('93371525MI3C12346E')).toEqual({ ok: false, reason: '统一社会信用代码含非法字符「I」' });
    expect(parseUscc('93371525MA3C1234OE')).toEqual({ ok: false, reason: '统一社会信用代码含非法字符「O」' });
    expect(parseUscc('93371525MA3C1234-E')).toEqual({ ok: false, reason: '统一社会信用代码含非法字符「-」' });
  });

  it('requires digits in the area code positions', () => {
    const first17 = '9337152AMA3C12346';
    const r = parseUscc(first17 + usccCheckChar(first17));
    expect(r.ok).toBe(false);
  });

  it('names the expected check char', () => {
    expect(parseUscc('93371525MA3C12346F')).toEqual({ ok: false, reason: '统一社会信用代码校验位错误：末位应为 E' });
  });

  it('property: computed check char makes a valid code', () => {
    fc.assert(fc.property(validFirst17, (s) => parseUscc(s + usccCheckChar(s)).ok));
  });

  it('property: changing any one of the first 17 chars is detected', () => {
    fc.assert(
      fc.property(validFirst17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (s, pos, delta) => {
        const code = s + usccCheckChar(s);
        const replaced = ALPHA[(ALPHA.indexOf(code[pos]!) + delta) % 31]!;
        const changed = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(parseUscc(changed).ok).toBe(false);
        expect(usccCheckChar(changed.slice(0, 17))).not.toBe(code[17]);
      }),
    );
  });
});
