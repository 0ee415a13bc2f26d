import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, normalizeMachineNo, parseNameplateQr } from '../../shared/domain/machine-ids';

/** Plain Levenshtein with adjacent swaps, by full table: the reference for the early-exit version. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('machine numbers', () => {
  it('normalises the way people read numbers', () => {
    expect(normalizeMachineNo(' sn-2025 000123 ')).toBe('SN2025000123');
    expect(normalizeMachineNo('ＳＮ２０２５')).toBe('SN2025');
    expect(normalizeMachineNo('鲁15-12345')).toBe('鲁1512345');
    expect(normalizeMachineNo('')).toBeNull();
    expect(normalizeMachineNo(undefined)).toBeNull();
  });

  it('sees a swapped pair of letters as one edit (IGNQZ-230 vs IGQNZ-230)', () => {
    expect(editDistance('IGNQZ230', 'IGQNZ230')).toBe(1);
    expect(editDistance('M754A', 'M754A')).toBe(0);
    expect(editDistance('M754A', 'M704B')).toBe(2);
    expect(editDistance('ABC', 'ABCD')).toBe(1);
  });

  it('agrees with the full-table reference, and stops early past max (property)', () => {
    const code = fc.string({ unit: fc.constantFrom('A', 'B', 'C', '1', '2'), maxLength: 8 });
    fc.assert(
      fc.property(code, code, (a, b) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, 1)).toBe(Math.min(full, 2));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a nameplate QR code: 4 characters, then the factory serial', () => {
    expect(parseNameplateQr('AB12SN2025000123')).toEqual({ code: 'AB12SN2025000123', serial: 'SN2025000123' });
    expect(parseNameplateQr('https://nj.example.cn/q?code=XY9Z12345678')).toEqual({ code: 'XY9Z12345678', serial: '12345678' });
    expect(parseNameplateQr('ABC')).toBeNull();
    expect(parseNameplateQr('A'.repeat(41))).toBeNull();
    expect(parseNameplateQr('有中文的内容')).toBeNull();
  });
});
