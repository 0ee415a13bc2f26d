import { AppError } from '../../shared/api/errors';
import { describeRange } from '../../shared/domain/bands';
import { BAND_PARAMS, type CatalogBand } from '../../shared/schemas/catalog';
import type { ServiceContext } from '../context';
import { pickCatalogBand } from './catalog';

/**
 * The catalogue band a machine falls in, from the catalogue in force for the year of `date` (the
 * hand-over or purchase date): the same pick the form previews, and what the service freezes.
 */
export function bandForMachine(
  ctx: ServiceContext,
  m: { date: string; item: string; paramValue?: number | null; variant?: string | null },
  use: 'scrap' | 'purchase',
): CatalogBand {
  let picked;
  try {
    picked = pickCatalogBand(ctx, { year: Number(m.date.slice(0, 4)), item: m.item, value: m.paramValue ?? null, variant: m.variant });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw AppError.field('VALIDATION', ['item'], error.message);
    throw error;
  }
  const { band, candidates, catalogYear } = picked;
  if (!candidates.length) throw AppError.field('VALIDATION', ['item'], `${catalogYear}年补贴额一览表中没有“${m.item}”`);
  if (!band) {
    const p = BAND_PARAMS[(candidates[0] as CatalogBand).param];
    const ranges = candidates.map((b) => `${b.variant ? `${b.variant} ` : ''}${describeRange(b)}`).join('、');
    const message =
      m.paramValue === null || m.paramValue === undefined
        ? `请填写${p.label}（${p.unit}），“${m.item}”按${p.label}分档`
        : `${p.label} ${m.paramValue}${p.unit}${m.variant ? `（${m.variant}）` : ''} 不在“${m.item}”的任何分档内：${ranges}`;
    throw AppError.field('VALIDATION', ['paramValue'], message);
  }
  if (use === 'scrap' && band.scrapFen === null) {
    throw AppError.field('VALIDATION', ['item'], `“${m.item}”${band.bandLabel}不在报废更新补贴范围内`);
  }
  if (use === 'purchase' && band.purchaseFen === null) {
    throw AppError.field('VALIDATION', ['item'], `“${m.item}”${band.bandLabel}没有购置补贴额`);
  }
  return band;
}
