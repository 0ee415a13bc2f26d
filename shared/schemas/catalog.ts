import { z } from '../api/zod-locale';
import { isoDateTime, uuid } from './common';

/** What a band is measured by, with its unit as the official tables write it. */
export const BAND_PARAMS = {
  hp: { label: '功率', unit: '马力' },
  feed_kgs: { label: '喂入量', unit: 'kg/s' },
  rows: { label: '行数', unit: '行' },
  tank_l: { label: '药箱容积', unit: 'L' },
  batch_t: { label: '批处理量', unit: 't' },
  width_m: { label: '作业幅宽', unit: 'm' },
  shanks: { label: '铲数', unit: '铲' },
  none: { label: '不分档', unit: '' },
} as const;
export type BandParam = keyof typeof BAND_PARAMS;
export const BAND_PARAM_KEYS = Object.keys(BAND_PARAMS) as [BandParam, ...BandParam[]];

const fen = z.number().int().min(0).max(100_000_000_00);

/** One band (分档) of one catalogue item (品目), as stored and as imported. */
export const catalogBandFields = {
  category: z.string().trim().min(1, '请填写大类').max(40),
  subcategory: z.string().trim().min(1, '请填写小类').max(40),
  item: z.string().trim().min(1, '请填写品目').max(60),
  bandLabel: z.string().trim().min(1, '请填写分档名称').max(80),
  /** A qualifier the parameter cannot express: 两驱/四驱, 轮式/履带, 人畜力/拖拉机配套. */
  variant: z.string().trim().max(30).nullable(),
  param: z.enum(BAND_PARAM_KEYS),
  lower: z.number().nonnegative().nullable(),
  lowerInclusive: z.boolean(),
  upper: z.number().positive().nullable(),
  upperInclusive: z.boolean(),
  purchaseFen: fen.nullable(),
  scrapFen: fen.nullable(),
  scrapReplaceFen: fen.nullable(),
  /** Per-machine ceiling of the purchase subsidy. */
  capFen: fen.nullable(),
  /** Ceiling as a percentage of the invoice price (e.g. 30 = 30%). */
  capPercent: z.number().min(0).max(100).nullable(),
  /** Usual price range for this band, for the "price far outside" warning. */
  priceLowFen: fen.nullable(),
  priceHighFen: fen.nullable(),
  /** In the scrapping-renewal scope (报废更新补贴范围). */
  scrapScope: z.boolean(),
};

/** A band's values without identity: what the importer validates every spreadsheet row against. */
export const catalogBandValues = z.object(catalogBandFields);
export type CatalogBandValues = z.output<typeof catalogBandValues>;

export const catalogBand = z.object({
  id: uuid,
  versionId: uuid,
  year: z.number().int(),
  ...catalogBandFields,
});
export type CatalogBand = z.output<typeof catalogBand>;

export const catalogVersion = z.object({
  id: uuid,
  year: z.number().int(),
  title: z.string(),
  source: z.string(),
  isSample: z.boolean(),
  /** The imported file's name; null for the shipped sample. */
  fileName: z.string().nullable(),
  bandCount: z.number().int(),
  importedAt: isoDateTime,
  importedBy: z.string(),
  supersededAt: isoDateTime.nullable(),
});
export type CatalogVersion = z.output<typeof catalogVersion>;
