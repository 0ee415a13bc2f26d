import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { convertibleOldId, idFifteenToEighteen, parseResidentId, residentIdCheckChar } from '../../shared/domain/idcard';

const TODAY = '2025-06-01';

/** Independent check-char computation: weights as 2^(17-i) mod 11. */
function refCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (2 ** (17 - i) % 11);
  return ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][s % 11]!;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

const validFirst17 = fc
  .record({
    area: fc.integer({ min: 110000, max: 829999 }),
    day: fc.integer({ min: 0, max: 45_000 }), // days after 1900-01-01, before TODAY
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ area, day, seq }) => {
    const d = new Date(Date.UTC(1900, 0, 1) + day * 86_400_000);
    const ymd = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
    return `${area}${ymd}${pad(seq, 3)}`;
  });

describe('residentIdCheckChar', () => {
  it('computes known check chars', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('37152519800101001')).toBe('2');
  });
  it('rejects malformed input', () => {
    expect(() => residentIdCheckChar('1234')).toThrow(RangeError);
  });
  it('agrees with an independent implementation', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (s) => residentIdCheckChar(s) === refCheck(s)));
  });
});

describe('parseResidentId', () => {
  it('accepts the valid examples', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      areaCode: '110105',
    });
    expect(parseResidentId('371525198001010012', TODAY)).toEqual({
      ok: true,
      value: '371525198001010012',
      birthDate: '1980-01-01',
      sex: 'male',
      areaCode: '371525',
    });
  });

  it('trims and normalises lowercase x', () => {
    const r = parseResidentId('  11010519491231002x ', TODAY);
    expect(r.ok && r.value).toBe('11010519491231002X');
  });

  it('works without an explicit today', () => {
    expect(parseResidentId('371525198001010012').ok).toBe(true);
  });

  it('rejects wrong length and empty input', () => {
    for (const s of ['', '   ', '37152519800101001', '3715251980010100121']) {
      expect(parseResidentId(s, TODAY)).toEqual({ ok: false, reason: '身份证号应为18位' });
    }
  });

  it('rejects bad format', () => {
    for (const s of ['37152519800101001A', '3715251980010X0012', '37152519800101001x'.replace('x', 'Y')]) {
      expect(parseResidentId(s, TODAY)).toEqual({
        ok: false,
        reason: '身份证号格式不正确：前17位应为数字，末位为数字或X',
      });
    }
  });

  it('names the expected check char', () => {
    expect(parseResidentId('371525198001010013', TODAY)).toEqual({
      ok: false,
      reason: '身份证号校验位错误：末位应为 2',
    });
    expect(parseResidentId('110105194912310020', TODAY)).toEqual({
      ok: false,
      reason: '身份证号校验位错误：末位应为 X',
    });
  });

  const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

  it('rejects impossible birth dates', () => {
    const cases: Array<[string, string]> = [
      ['19900230', '1990-02-30'],
      ['19901301', '1990-13-01'],
      ['19900001', '1990-00-01'],
      ['19900100', '1990-01-00'],
      ['19900431', '1990-04-31'],
      ['19900229', '1990-02-29'],
      ['19000229', '1900-02-29'],
    ];
    for (const [ymd, shown] of cases) {
      const r = parseResidentId(withCheck(`371525${ymd}001`), TODAY);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toContain(`身份证号中的出生日期不存在：${shown}`);
    }
    expect(parseResidentId('371525199002300012', TODAY)).toMatchObject({
      ok: false,
      reason: '身份证号中的出生日期不存在：1990-02-30',
    });
  });

  it('accepts leap days in leap years', () => {
    expect(parseResidentId(withCheck('37152520000229001'), TODAY).ok).toBe(true);
    expect(parseResidentId(withCheck('37152519960229001'), TODAY).ok).toBe(true);
  });

  it('rejects dates before 1900 and after today', () => {
    const early = parseResidentId(withCheck('37152518991231001'), TODAY);
    expect(!early.ok && early.reason).toMatch(/^身份证号中的出生日期不存在：1899-12-31/);
    const future = parseResidentId(withCheck('37152520250602001'), TODAY);
    expect(!future.ok && future.reason).toMatch(/^身份证号中的出生日期不存在：2025-06-02/);
    expect(parseResidentId(withCheck('37152520250601001'), TODAY).ok).toBe(true);
    expect(parseResidentId(withCheck('37152519000101001'), TODAY).ok).toBe(true);
  });

  it('property: computed check char makes a valid id; sex follows the sequence parity', () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        const r = parseResidentId(first17 + residentIdCheckChar(first17), TODAY);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.sex).toBe(Number(first17[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('property: changing any one of the first 17 digits is detected', () => {
    fc.assert(
      fc.property(validFirst17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, pos, delta) => {
        const id = first17 + residentIdCheckChar(first17);
        const digit = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        const r = parseResidentId(changed, TODAY);
        expect(r.ok).toBe(false);
        // The weights are all non-zero mod 11 (prime), so the check always changes.
        expect(residentIdCheckChar(changed.slice(0, 17))).not.toBe(id[17]);
      }),
    );
  });
});

describe('old 15-digit IDs (GB 11643-1999: 19 inserted, MOD 11-2 check appended)', () => {
  it('converts the standard example and offers it instead of refusing', () => {
    expect(idFifteenToEighteen('110105491231002')).toBe('11010519491231002X');
    expect(idFifteenToEighteen('371525800101001')).toBe('371525198001010012');
    expect(convertibleOldId(' 110105491231002 ', TODAY)).toBe('11010519491231002X');
    const r = parseResidentId('110105491231002', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('11010519491231002X');
    expect(!r.ok && r.reason).toContain('15位旧身份证号');
  });

  it('offers no conversion for a 15-digit number whose birth date does not exist', () => {
    expect(convertibleOldId('371525800231001', TODAY)).toBeNull();
    expect(convertibleOldId('37152580010100', TODAY)).toBeNull();
  });
});
