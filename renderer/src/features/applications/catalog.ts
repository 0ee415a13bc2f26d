import { chinaTodayNow } from '../../../../shared/domain/civil-date';
import { BAND_PARAMS, type BandParam, type CatalogBand } from '../../../../shared/schemas/catalog';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';
import { nameSearchKeys } from '../../../../shared/domain/pinyin';

export type CatalogUse = 'scrap' | 'purchase';

/** One 品目 of the catalogue with what the form needs: its parameter, variants and search keys. */
export interface CatalogItem {
  item: string;
  category: string;
  subcategory: string;
  param: BandParam;
  variants: string[];
  /** Every band has a variant: the variant must be chosen (两驱/四驱). */
  variantRequired: boolean;
  search: string;
}

function itemsOf(bands: readonly CatalogBand[], use: CatalogUse): CatalogItem[] {
  const wanted = bands.filter((b) => (use === 'scrap' ? b.scrapScope && b.scrapFen !== null : b.purchaseFen !== null));
  const byItem = new Map<string, CatalogBand[]>();
  for (const b of wanted) byItem.set(b.item, [...(byItem.get(b.item) ?? []), b]);
  return [...byItem.entries()].map(([item, list]) => {
    const first = list[0] as CatalogBand;
    const variants = [...new Set(list.map((b) => b.variant).filter((v): v is string => Boolean(v)))];
    const keys = nameSearchKeys(item);
    return {
      item,
      category: first.category,
      subcategory: first.subcategory,
      param: first.param,
      variants,
      variantRequired: variants.length > 0 && list.every((b) => b.variant),
      search: `${item}${first.subcategory}${keys.full}${keys.initials}`.toLowerCase(),
    };
  });
}

/** The catalogue a form picks items from: the one the service says is in force for the date's year (hand-over or purchase date). */
export function useCatalogItems(use: CatalogUse, date: string | undefined) {
  const scope = use === 'scrap' ? { scrapScope: true } : {};
  const forYear = Number((date ?? chinaTodayNow()).slice(0, 4));
  const list = useApiQuery(`catalog:${use}:${forYear}`, () => api.catalog.list({ ...scope, inForceFor: forYear }));
  const data = list.data;
  return {
    year: data?.version?.year,
    version: data?.version ?? null,
    items: data ? itemsOf(data.bands, use) : [],
    loading: list.loading,
    error: list.error,
  };
}

export interface BandQuery {
  year: number | undefined;
  item: string | undefined;
  value: number | null | undefined;
  variant: string | null | undefined;
}

/** The band a machine falls in (catalog.pickBand), asked again once the typing has settled. */
export function useBandPick(q: BandQuery) {
  // Debounce the query's text, not the object: a new object every render would never settle.
  const typed = JSON.stringify([q.year ?? null, q.item ?? null, q.value ?? null, q.variant || null]);
  const settled = useDebounced(typed, 300);
  const [year, item, value, variant] = JSON.parse(settled) as [number | null, string | null, number | null, string | null];
  const ready = Boolean(year && item);
  const result = useApiQuery(`pick:${settled}`, () =>
    year && item ? api.catalog.pickBand({ year, item, value, variant }) : Promise.resolve(null),
  );
  return { ...result, loading: result.loading || typed !== settled, ready };
}

/** "功率（马力）" for a band parameter. */
export function paramLabel(param: BandParam): string {
  const p = BAND_PARAMS[param];
  return p.unit ? `${p.label}（${p.unit}）` : p.label;
}

/** A machine's parameter with its unit, e.g. "60马力" (the record keeps the number; the band knows the unit). */
export function paramText(value: number | null, param: BandParam | undefined): string {
  if (value === null) return '—';
  return param ? `${value}${BAND_PARAMS[param].unit}` : String(value);
}

/** The catalogue band a record was computed with (live or superseded), for its unit and version title. */
export function useRecordBand(bandId: string | null | undefined) {
  return useApiQuery(`band:${bandId ?? ''}`, () => (bandId ? api.catalog.getBand({ id: bandId }) : Promise.resolve(undefined)));
}
