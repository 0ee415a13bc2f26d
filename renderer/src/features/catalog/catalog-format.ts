import { describeRange } from '../../../../shared/domain/bands';
import { formatFen } from '../../../../shared/domain/money';
import { BAND_PARAMS, type CatalogBandValues } from '../../../../shared/schemas/catalog';

/** An amount in yuan with two decimals, or a dash when the band has none. */
export const yuanOrDash = (fen: number | null): string => (fen === null ? '—' : formatFen(fen));

/** The band's range with its unit, e.g. "50–80马力（含80）"; the unit says what it measures. */
export const rangeText = (band: CatalogBandValues): string => describeRange(band);

/** What the band is measured by, e.g. "功率（马力）". */
export function paramText(band: Pick<CatalogBandValues, 'param'>): string {
  const p = BAND_PARAMS[band.param];
  return band.param === 'none' ? p.label : `${p.label}（${p.unit}）`;
}

/** The purchase caps in words: "单机≤50,000.00元", "≤售价30%". */
export function capsText(band: Pick<CatalogBandValues, 'capFen' | 'capPercent'>): string[] {
  const out: string[] = [];
  if (band.capFen !== null) out.push(`单机≤${formatFen(band.capFen)}元`);
  if (band.capPercent !== null) out.push(`≤售价${band.capPercent}%`);
  return out;
}

/** Row spans that merge consecutive rows of the same item (the table is grouped by 品目). */
export function itemRowSpans(bands: readonly { item: string }[]): number[] {
  const spans = bands.map(() => 0);
  let start = 0;
  for (let i = 1; i <= bands.length; i++) {
    if (i === bands.length || bands[i]?.item !== bands[start]?.item) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}
