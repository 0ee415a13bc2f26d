import { BAND_PARAMS, type BandParam } from '../schemas/catalog';

/** The part of a band that decides which machines fall in it. */
export interface BandRange {
  param: BandParam;
  lower: number | null;
  lowerInclusive: boolean;
  upper: number | null;
  upperInclusive: boolean;
  variant: string | null;
}

/**
 * Whether a machine's parameter falls in a band. Official tables say which edge a band includes
 * ("20–50马力（含20、50）", "50–80马力（含80）"); a missing bound is open.
 */
export function bandContains(band: BandRange, value: number | null): boolean {
  if (band.param === 'none') return true;
  if (value === null || !Number.isFinite(value)) return false;
  if (band.lower !== null && (band.lowerInclusive ? value < band.lower : value <= band.lower)) return false;
  if (band.upper !== null && (band.upperInclusive ? value > band.upper : value >= band.upper)) return false;
  return true;
}

/**
 * The band of an item a machine belongs to: a band of the machine's variant whose range contains
 * the value, else a band without a variant (it applies to every variant, e.g. 播种机 6–11行 after
 * "<6行（人畜力）" and "<6行（拖拉机配套）"). Without a variant only variant-less bands match: the
 * caller must say 两驱 or 四驱. Bands of one item and variant must not overlap; the first match wins.
 */
export function pickBand<B extends BandRange>(bands: readonly B[], value: number | null, variant: string | null = null): B | undefined {
  const wanted = variant ?? null;
  const exact = bands.find((b) => (b.variant ?? null) === wanted && bandContains(b, value));
  if (exact || wanted === null) return exact;
  return bands.find((b) => (b.variant ?? null) === null && bandContains(b, value));
}

/** A band range in words, e.g. "50–80马力（含80）", "<20马力", ">200马力", "3行" (a single value). */
export function describeRange(band: BandRange): string {
  const unit = BAND_PARAMS[band.param].unit;
  if (band.param === 'none') return '不分档';
  const { lower, upper } = band;
  if (lower === null && upper !== null) return `${band.upperInclusive ? '≤' : '<'}${upper}${unit}`;
  if (upper === null && lower !== null) return `${band.lowerInclusive ? '≥' : '>'}${lower}${unit}`;
  if (lower === null || upper === null) return '不限';
  if (lower === upper) return `${lower}${unit}`;
  const inclusive = [band.lowerInclusive ? lower : null, band.upperInclusive ? upper : null].filter((x) => x !== null);
  return `${lower}–${upper}${unit}${inclusive.length ? `（含${inclusive.join('、')}）` : ''}`;
}

/** Pairs of bands of the same item and variant whose ranges overlap (an import error). */
export function overlappingBands<B extends BandRange & { bandLabel: string }>(bands: readonly B[]): [B, B][] {
  const out: [B, B][] = [];
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      const a = bands[i] as B;
      const b = bands[j] as B;
      if ((a.variant ?? null) !== (b.variant ?? null) || a.param !== b.param) continue;
      if (rangesOverlap(a, b)) out.push([a, b]);
    }
  }
  return out;
}

function rangesOverlap(a: BandRange, b: BandRange): boolean {
  if (a.param === 'none' || b.param === 'none') return true;
  // a ends before b starts, or b ends before a starts
  const endsBefore = (x: BandRange, y: BandRange) =>
    x.upper !== null && y.lower !== null && (x.upper < y.lower || (x.upper === y.lower && !(x.upperInclusive && y.lowerInclusive)));
  return !endsBefore(a, b) && !endsBefore(b, a);
}

/** Why a band's range is malformed or can hold no value (a Chinese message); undefined when it is fine. */
export function rangeProblem(band: BandRange): string | undefined {
  const { lower, upper } = band;
  if (band.param === 'none') return lower !== null || upper !== null ? '参数为“不分档”时不应填写下限或上限' : undefined;
  if (lower === null && upper === null) return '请填写下限或上限（不分档的品目请在“参数”列填写“不分档”）';
  if (lower === null || upper === null) return undefined;
  if (lower > upper) return `上限（${upper}）应大于下限（${lower}）`;
  if (lower === upper && !(band.lowerInclusive && band.upperInclusive)) {
    return `下限与上限相同（${lower}）时表示单一数值，应同时“含下限”和“含上限”`;
  }
  return undefined;
}

/**
 * The variant (两驱/四驱, 单轴/双轴…) when a band's label does not already say it, else null: a screen shows
 * "70–80马力四驱", never "70–80马力四驱 四驱". A variant whose characters all appear in the label
 * ("人畜力" in "<6行（人力或畜力）") counts as said.
 */
export function variantBesideLabel(b: { bandLabel: string; variant?: string | null }): string | null {
  const v = b.variant?.trim();
  if (!v) return null;
  if (b.bandLabel.includes(v) || [...v].every((ch) => b.bandLabel.includes(ch))) return null;
  return v;
}

/**
 * What the range adds to a band's label, or null when the label already says it all: "20–30L（含20、30）"
 * beside "药箱20–30L" adds only "含20、30"; beside "<6行（人力或畜力）" the "<6行" adds nothing.
 */
export function rangeBesideLabel(b: BandRange & { bandLabel: string }): string | null {
  const range = describeRange(b);
  if (b.param === 'none' || b.bandLabel.includes(range)) return null;
  const m = /^(.*?)（(.*)）$/.exec(range);
  const base = m ? (m[1] as string) : range;
  if (b.bandLabel.includes(base)) return m ? (m[2] as string) : null;
  return range;
}
