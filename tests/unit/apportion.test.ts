import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, apportionByKey } from '../../shared/domain/apportion';

describe('apportion (largest remainder)', () => {
  it('splits 100 scrapped machines evenly over 18 townships: ten get 6, eight get 5', () => {
    const { shares, even } = apportion(100, Array(18).fill(0));
    expect(even).toBe(true);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(shares).toEqual([6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(apportion(900, Array(18).fill(1)).shares).toEqual(Array(18).fill(50));
  });

  it('follows the weights, remainders to the largest fractions', () => {
    // quotas 3.5, 2.1, 1.4 → floors 3, 2, 1, one left → the 0.5
    expect(apportion(7, [5, 3, 2]).shares).toEqual([4, 2, 1]);
    // equal remainders: the larger weight, then the earlier entry
    expect(apportion(10, [1, 1, 1]).shares).toEqual([4, 3, 3]);
    expect(apportion(1, [1, 2]).shares).toEqual([0, 1]);
    // last year's results 12 / 0 / 30 for a target of 100: 28.57 / 0 / 71.43
    expect(apportion(100, [12, 0, 30]).shares).toEqual([29, 0, 71]);
  });

  it('handles nothing to split and refuses bad input', () => {
    expect(apportion(0, [3, 4]).shares).toEqual([0, 0]);
    expect(apportion(0, []).shares).toEqual([]);
    expect(() => apportion(5, [])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(10, [1.5])).toThrow(RangeError);
  });

  it('property: shares sum exactly to the total and each is its quota rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const { shares, even } = apportion(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const w = even ? weights.map(() => 1) : weights;
          const sum = w.reduce((a, b) => a + b, 0);
          shares.forEach((s, i) => {
            const quota = (total * (w[i] ?? 0)) / sum;
            expect(s).toBeGreaterThanOrEqual(Math.floor(quota));
            expect(s).toBeLessThanOrEqual(Math.ceil(quota));
          });
        },
      ),
    );
  });

  it('keyed: the same split by township code', () => {
    const r = apportionByKey(5, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 3 },
    ]);
    expect([...r.shares]).toEqual([
      ['a', 1],
      ['b', 4],
    ]);
  });
});
