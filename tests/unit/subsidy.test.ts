import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computePurchaseSubsidy,
  computeScrapOnlySubsidy,
  percentOf,
  purchasePart,
  scrapPart,
  type PurchaseTerms,
  type ScrapTerms,
} from '../../shared/domain/subsidy';

// Every expected amount below is worked out by hand, in fen (1 yuan = 100 fen).
const terms = (purchaseFen: number | null, capFen: number | null = null, capPercent: number | null = null): PurchaseTerms => ({
  purchaseFen,
  capFen,
  capPercent,
});

describe('percentOf', () => {
  it('rounds down to the fen in integer arithmetic', () => {
    expect(percentOf(800_000, 30)).toBe(240_000); // 8,000.00 × 30% = 2,400.00
    expect(percentOf(333_333, 30)).toBe(99_999); // 3,333.33 × 30% = 999.999 → 999.99
    expect(percentOf(100_001, 12.5)).toBe(12_500); // 1,000.01 × 12.5% = 125.00125 → 125.00
    expect(percentOf(1_000_000, 33.33)).toBe(333_300); // 10,000.00 × 33.33% = 3,333.00
    expect(percentOf(1, 50)).toBe(0);
    expect(percentOf(0, 30)).toBe(0);
    expect(percentOf(1_234_567, 100)).toBe(1_234_567);
  });
});

describe('purchasePart', () => {
  it('no cap: the fixed amount', () => {
    expect(purchasePart(terms(450_000), 3_000_000)).toEqual({ fen: 450_000 }); // 4,500 on a 30,000 tractor
  });

  it('a fixed per-machine ceiling below the amount', () => {
    expect(purchasePart(terms(1_530_000, 1_000_000), 20_000_000)).toEqual({ fen: 1_000_000, note: '按单机补贴上限 10000 元封顶' });
  });

  it('a fixed ceiling above the amount changes nothing', () => {
    expect(purchasePart(terms(1_530_000, 5_000_000), 20_000_000)).toEqual({ fen: 1_530_000 });
  });

  it('a percentage of the price below the amount', () => {
    // 旋耕机 3,100 but sold for 8,000: 30% of 8,000 = 2,400
    expect(purchasePart(terms(310_000, null, 30), 800_000)).toEqual({ fen: 240_000, note: '不超过售价的 30%' });
  });

  it('both caps, the percentage binding', () => {
    // 20,000 amount, 15,000 ceiling, 30% of 40,000 = 12,000
    expect(purchasePart(terms(2_000_000, 1_500_000, 30), 4_000_000)).toEqual({
      fen: 1_200_000,
      note: '按单机补贴上限 15000 元封顶；不超过售价的 30%',
    });
  });

  it('both caps, the ceiling binding', () => {
    // 20,000 amount, 15,000 ceiling, 30% of 60,000 = 18,000
    expect(purchasePart(terms(2_000_000, 1_500_000, 30), 6_000_000)).toEqual({ fen: 1_500_000, note: '按单机补贴上限 15000 元封顶' });
  });

  it('no purchase amount pays nothing', () => {
    expect(purchasePart(terms(null, 5_000_000, 30), 1_000_000)).toEqual({ fen: 0 });
  });

  it('large values stay exact', () => {
    // 300,000 amount, 250,000 ceiling, 40% of 98,765,432.10 = 39,506,172.84
    expect(purchasePart(terms(30_000_000, 25_000_000, 40), 9_876_543_210)).toEqual({
      fen: 25_000_000,
      note: '按单机补贴上限 250000 元封顶',
    });
    expect(percentOf(9_876_543_210, 40)).toBe(3_950_617_284);
    // 37.5% of 99,999,999.99 = 37,499,999.99625 → 37,499,999.99
    expect(purchasePart(terms(10_000_000_000, null, 37.5), 9_999_999_999).fen).toBe(3_749_999_999);
  });

  it('is always an integer no larger than the amount, the ceiling or the percentage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.option(fc.integer({ min: 0, max: 25_000_000 })),
        fc.option(fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100)),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (amount, cap, percent, price) => {
          const { fen } = purchasePart(terms(amount, cap, percent), price);
          expect(Number.isSafeInteger(fen)).toBe(true);
          expect(fen).toBeGreaterThanOrEqual(0);
          expect(fen).toBeLessThanOrEqual(amount);
          if (cap !== null) expect(fen).toBeLessThanOrEqual(cap);
          if (percent !== null) expect(fen * 100).toBeLessThanOrEqual(price * percent + 1e-6);
        },
      ),
    );
  });
});

describe('scrapPart', () => {
  const combine: ScrapTerms = { scrapFen: 300_000, scrapReplaceFen: 450_000 }; // 全喂入 0.5–1 kg/s
  const tractor: ScrapTerms = { scrapFen: 385_000, scrapReplaceFen: null }; // 20–50马力, "–" for scrap+replace

  it('scrap and replace pays the higher amount when there is one', () => {
    expect(scrapPart(combine, true)).toBe(450_000);
    expect(scrapPart(combine, false)).toBe(300_000);
  });

  it('falls back to the scrap-only amount when scrap+replace is "–" (null)', () => {
    expect(scrapPart(tractor, true)).toBe(385_000);
    expect(scrapPart(tractor, false)).toBe(385_000);
  });

  it('pays nothing when the band has no scrapping amount', () => {
    expect(scrapPart({ scrapFen: null, scrapReplaceFen: null }, true)).toBe(0);
    expect(scrapPart({ scrapFen: null, scrapReplaceFen: 90_000 }, false)).toBe(0);
  });
});

describe('computePurchaseSubsidy and computeScrapOnlySubsidy', () => {
  const wheeled30to40 = terms(450_000, 5_000_000); // 4,500, ordinary ceiling 50,000

  it('a purchase alone', () => {
    expect(computePurchaseSubsidy(wheeled30to40, 3_200_000, null)).toEqual({
      purchaseFen: 450_000,
      scrapFen: 0,
      totalFen: 450_000,
      lines: [{ kind: 'purchase', label: '购置补贴', fen: 450_000 }],
    });
  });

  it('a purchase renewing a scrapped combine pays scrap+replace on top', () => {
    const s = computePurchaseSubsidy(wheeled30to40, 3_200_000, { scrapFen: 550_000, scrapReplaceFen: 825_000 });
    expect(s.purchaseFen).toBe(450_000);
    expect(s.scrapFen).toBe(825_000);
    expect(s.totalFen).toBe(1_275_000); // 4,500 + 8,250
    expect(s.lines).toEqual([
      { kind: 'purchase', label: '购置补贴', fen: 450_000 },
      { kind: 'scrap', label: '报废更新补贴（报废并更新）', fen: 825_000 },
    ]);
  });

  it('a purchase renewing a scrapped tractor falls back to its scrap-only amount', () => {
    const s = computePurchaseSubsidy(wheeled30to40, 3_200_000, { scrapFen: 786_000, scrapReplaceFen: null });
    expect(s.totalFen).toBe(1_236_000); // 4,500 + 7,860
  });

  it('a capped purchase carries the note on its line', () => {
    const s = computePurchaseSubsidy(terms(310_000, null, 30), 800_000, null);
    expect(s.lines[0]).toEqual({ kind: 'purchase', label: '购置补贴', fen: 240_000, note: '不超过售价的 30%' });
    expect(s.totalFen).toBe(240_000);
  });

  it('scrap only', () => {
    expect(computeScrapOnlySubsidy({ scrapFen: 2_000_000, scrapReplaceFen: null })).toEqual({
      purchaseFen: 0,
      scrapFen: 2_000_000,
      totalFen: 2_000_000,
      lines: [{ kind: 'scrap', label: '报废补贴', fen: 2_000_000 }],
    });
    expect(computeScrapOnlySubsidy({ scrapFen: 460_000, scrapReplaceFen: 690_000 }).totalFen).toBe(460_000);
  });
});
