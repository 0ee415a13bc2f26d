import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BANDS } from '../../db/seed/sample-catalog';
import { bandContains, describeRange, overlappingBands, pickBand, rangeProblem, type BandRange } from '../../shared/domain/bands';
import type { CatalogBandValues } from '../../shared/schemas/catalog';

/** A step "just inside" or "just outside" a bound: 1e-9 relative (absolute near zero). */
const nudge = (x: number) => Math.max(Math.abs(x), 1) * 1e-9;

const bounded = SAMPLE_BANDS.filter((b) => b.lower !== null || b.upper !== null);
const label = (b: CatalogBandValues) => `${b.item}${b.variant ? `（${b.variant}）` : ''} ${b.bandLabel}`;

/** The sample's bands grouped by item and variant. */
const groups: CatalogBandValues[][] = [];
for (const b of SAMPLE_BANDS) {
  const group = groups.find((g) => g[0]?.item === b.item && g[0].variant === b.variant);
  if (group) group.push(b);
  else groups.push([b]);
}

const band = (over: Partial<BandRange>): BandRange => ({
  param: 'hp',
  lower: null,
  lowerInclusive: false,
  upper: null,
  upperInclusive: false,
  variant: null,
  ...over,
});

describe('every edge of every sample band', () => {
  it.each(bounded.map((b) => [label(b), b] as const))('%s: a bound is in the band iff the band includes it', (_, b) => {
    if (b.lower !== null) expect(bandContains(b, b.lower)).toBe(b.lowerInclusive);
    if (b.upper !== null) expect(bandContains(b, b.upper)).toBe(b.upperInclusive);
  });

  it.each(bounded.map((b) => [label(b), b] as const))('%s: values just inside are in, just outside are out', (_, b) => {
    const single = b.lower !== null && b.lower === b.upper;
    if (b.lower !== null) {
      if (!single) expect(bandContains(b, b.lower + nudge(b.lower))).toBe(true);
      expect(bandContains(b, b.lower - nudge(b.lower))).toBe(false);
    }
    if (b.upper !== null) {
      if (!single) expect(bandContains(b, b.upper - nudge(b.upper))).toBe(true);
      expect(bandContains(b, b.upper + nudge(b.upper))).toBe(false);
    }
  });

  it('a value on a shared edge belongs to exactly one band of the item (same variant)', () => {
    for (const bands of groups) {
      const edges = bands.flatMap((b) => [b.lower, b.upper]).filter((x): x is number => x !== null);
      for (const edge of edges) {
        const sharedByTwo = bands.filter((b) => b.lower === edge || b.upper === edge).length > 1;
        if (sharedByTwo) expect(bands.filter((b) => bandContains(b, edge)).map(label)).toHaveLength(1);
      }
    }
  });
});

describe('at most one band of an item and variant matches any value', () => {
  it.each(groups.map((g) => [label(g[0] as CatalogBandValues), g] as const))('%s', (_, bands) => {
    // an unbanded item has no edges: probe around zero
    const edges = bands.flatMap((b) => [b.lower, b.upper]).filter((x): x is number => x !== null);
    const bounds = edges.length ? edges : [0];
    const lo = Math.min(0, ...bounds) - 5;
    const hi = Math.max(1, ...bounds) * 1.5 + 5;
    const values = fc.oneof(
      fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: Math.floor(lo), max: Math.ceil(hi) }),
      fc.constantFrom(...bounds),
      fc.constantFrom(...bounds).map((x) => x + nudge(x)),
      fc.constantFrom(...bounds).map((x) => x - nudge(x)),
    );
    fc.assert(
      fc.property(values, (v) => {
        const matches = bands.filter((b) => bandContains(b, v));
        expect(matches.length).toBeLessThanOrEqual(1);
        expect(pickBand(bands, v, bands[0]?.variant ?? null)).toBe(matches[0]);
      }),
      { numRuns: 500 },
    );
  });

  it('the sample has no overlapping bands', () => {
    for (const bands of groups) expect(overlappingBands(bands)).toEqual([]);
  });

  it('every band of the sample is well formed', () => {
    for (const b of SAMPLE_BANDS) expect(rangeProblem(b), label(b)).toBeUndefined();
  });
});

describe('continuous scales leave no gaps', () => {
  const tractors = SAMPLE_BANDS.filter((b) => b.item === '拖拉机');
  const feed = SAMPLE_BANDS.filter((b) => b.item === '自走式全喂入稻麦联合收割机');
  const drones = SAMPLE_BANDS.filter((b) => b.item === '植保无人机');

  it('every horsepower ≥ 0 has exactly one tractor band, and more power never pays less', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tractors.filter((t) => bandContains(t, lo))).toHaveLength(1);
        const pl = pickBand(tractors, lo);
        const ph = pickBand(tractors, hi);
        expect(pl && ph && (ph.scrapFen ?? 0) >= (pl.scrapFen ?? 0)).toBe(true);
      }),
    );
  });

  it('every feed rate from 0.5 kg/s and every tank size has exactly one band', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 50, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (kgs, litres) => {
        expect(feed.filter((b) => bandContains(b, kgs))).toHaveLength(1);
        expect(drones.filter((b) => bandContains(b, litres))).toHaveLength(1);
      }),
    );
    expect(pickBand(feed, 0.49)).toBeUndefined();
  });

  it('the documented tractor edges', () => {
    const at = (hp: number) => pickBand(tractors, hp)?.scrapFen;
    expect([19.99, 20, 50, 50.5, 80, 80.1, 100, 100.01, 160, 200, 200.5].map(at)).toEqual([
      150_000, 385_000, 385_000, 786_000, 786_000, 1_084_000, 1_084_000, 1_314_000, 1_314_000, 1_800_000, 2_000_000,
    ]);
  });

  it('drone tanks: 20 and 30 L in 20–30, 50 L in ≥50', () => {
    const at = (l: number) => pickBand(drones, l)?.bandLabel;
    expect([19.9, 20, 30, 30.1, 49.9, 50].map(at)).toEqual([
      '药箱<20L',
      '药箱20–30L',
      '药箱20–30L',
      '药箱30–50L',
      '药箱30–50L',
      '药箱≥50L',
    ]);
  });
});

describe('pickBand and variants', () => {
  const seeders = SAMPLE_BANDS.filter((b) => b.item === '播种机');
  const wheeled = SAMPLE_BANDS.filter((b) => b.item === '轮式拖拉机');

  it('a variant picks its own band, and falls back to bands without a variant', () => {
    expect(pickBand(seeders, 4, '人畜力')?.scrapFen).toBe(40_000);
    expect(pickBand(seeders, 4, '拖拉机配套')?.scrapFen).toBe(60_000);
    expect(pickBand(seeders, 8, '拖拉机配套')?.bandLabel).toBe('6–11行');
    expect(pickBand(seeders, 12)?.bandLabel).toBe('12–18行');
    expect(pickBand(seeders, 19)?.bandLabel).toBe('>18行');
  });

  it('without the variant an item banded by variant matches nothing (the form must ask 两驱 or 四驱)', () => {
    expect(pickBand(seeders, 4)).toBeUndefined();
    expect(pickBand(wheeled, 35)).toBeUndefined();
    expect(pickBand(wheeled, 35, '两驱')?.purchaseFen).toBe(450_000);
    expect(pickBand(wheeled, 35, '四驱')?.bandLabel).toBe('30–40马力四驱');
    expect(pickBand(wheeled, 15, '两驱')).toBeUndefined();
    expect(pickBand(wheeled, 75, '四驱')?.purchaseFen).toBe(790_000);
    // the purchase tables write "70马力≤功率<80马力": 80 hp is in the next band
    expect(pickBand(wheeled, 80, '四驱')?.bandLabel).toBe('80–90马力四驱');
    expect(pickBand(wheeled, 100, '两驱')?.purchaseFen).toBe(1_530_000);
  });

  it('an unbanded item matches any value, a banded one never matches a missing value', () => {
    const steering = SAMPLE_BANDS.filter((b) => b.item === '农用北斗辅助驾驶系统');
    expect(pickBand(steering, null)?.scrapFen).toBe(120_000);
    expect(pickBand(steering, 123)?.scrapFen).toBe(120_000);
    expect(pickBand(seeders, null, '人畜力')).toBeUndefined();
    expect(bandContains(band({ lower: 1 }), Number.NaN)).toBe(false);
    expect(bandContains(band({ lower: 1 }), Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('describeRange', () => {
  it.each([
    [band({ upper: 20 }), '<20马力'],
    [band({ upper: 20, upperInclusive: true }), '≤20马力'],
    [band({ lower: 20, lowerInclusive: true, upper: 50, upperInclusive: true }), '20–50马力（含20、50）'],
    [band({ lower: 50, upper: 80, upperInclusive: true }), '50–80马力（含80）'],
    [band({ lower: 30, lowerInclusive: true, upper: 40 }), '30–40马力（含30）'],
    [band({ param: 'tank_l', lower: 30, upper: 50 }), '30–50L'],
    [band({ lower: 200 }), '>200马力'],
    [band({ param: 'rows', lower: 7, lowerInclusive: true }), '≥7行'],
    [band({ param: 'rows', lower: 3, lowerInclusive: true, upper: 3, upperInclusive: true }), '3行'],
    [band({ param: 'feed_kgs', lower: 0.5, lowerInclusive: true, upper: 1, upperInclusive: true }), '0.5–1kg/s（含0.5、1）'],
    [band({ param: 'width_m', lower: 1.5, upper: 2, upperInclusive: true }), '1.5–2m（含2）'],
    [band({ param: 'shanks', lower: 6, lowerInclusive: true }), '≥6铲'],
    [band({ param: 'none' }), '不分档'],
  ])('%j → %s', (b, text) => {
    expect(describeRange(b)).toBe(text);
  });

  it('describes every sample band the way its label gives the range', () => {
    const tractor = SAMPLE_BANDS.filter((b) => b.item === '拖拉机').map(describeRange);
    expect(tractor).toEqual([
      '<20马力',
      '20–50马力（含20、50）',
      '50–80马力（含80）',
      '80–100马力（含100）',
      '100–160马力（含160）',
      '160–200马力（含200）',
      '>200马力',
    ]);
  });
});

describe('overlappingBands and rangeProblem', () => {
  it('finds overlaps within an item and variant only, and touching edges only when both include them', () => {
    const a = { ...band({ lower: 20, lowerInclusive: true, upper: 50, upperInclusive: true }), bandLabel: 'a' };
    const b = { ...band({ lower: 50, upper: 80, upperInclusive: true }), bandLabel: 'b' };
    const c = { ...band({ lower: 50, lowerInclusive: true, upper: 80 }), bandLabel: 'c' };
    const d = { ...band({ lower: 45, lowerInclusive: true, upper: 60, variant: '四驱' }), bandLabel: 'd' };
    expect(overlappingBands([a, b])).toEqual([]);
    expect(overlappingBands([a, c]).map(([x, y]) => x.bandLabel + y.bandLabel)).toEqual(['ac']);
    expect(overlappingBands([a, b, d])).toEqual([]);
  });

  it('explains malformed ranges in Chinese', () => {
    expect(rangeProblem(band({ lower: 10, lowerInclusive: true, upper: 5, upperInclusive: true }))).toBe('上限（5）应大于下限（10）');
    expect(rangeProblem(band({ lower: 3, upper: 3 }))).toMatch(/单一数值/);
    expect(rangeProblem(band({}))).toMatch(/请填写下限或上限/);
    expect(rangeProblem(band({ param: 'none', lower: 1 }))).toMatch(/不分档/);
    expect(rangeProblem(band({ lower: 3, lowerInclusive: true, upper: 3, upperInclusive: true }))).toBeUndefined();
  });
});
