import { z } from '../api/zod-locale';
import { catalogBand, catalogBandValues, catalogVersion } from './catalog';
import { optionalText, uuid } from './common';

/** An import file larger than this is refused before it is read. */
export const CATALOG_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The base64 text of a file of CATALOG_MAX_FILE_BYTES. */
export const CATALOG_MAX_BASE64_CHARS = Math.ceil(CATALOG_MAX_FILE_BYTES / 3) * 4;
export const CATALOG_FILE_TOO_LARGE = '文件超过 5 MB，请确认选择的是补贴额一览表（.xlsx 或 .csv）';

const year = z
  .number({ error: '请填写年度' })
  .int('年度应为整数')
  .min(2000, '年度应在 2000–2100 之间')
  .max(2100, '年度应在 2000–2100 之间');

/**
 * What the 补贴额一览表 page shows: the version of `versionId`, else the live version of `year`,
 * else the live version of the latest year; `q` narrows the bands to items matching a name,
 * full pinyin or pinyin initials ('tlj' → 拖拉机).
 */
export const catalogListInput = z.strictObject({
  year: year.optional(),
  /** The catalogue in force for a machine of this year (its own year's, else the newest earlier one): what forms list. */
  inForceFor: year.optional(),
  versionId: uuid.optional(),
  q: z.string().trim().max(40, '搜索内容过长').default(''),
  scrapScope: z.boolean().optional(),
});
export type CatalogListInput = z.input<typeof catalogListInput>;

export const catalogList = z.object({
  version: catalogVersion.nullable(),
  /** Every version, newest year first; superseded ones carry supersededAt. */
  versions: z.array(catalogVersion),
  bands: z.array(catalogBand),
});
export type CatalogList = z.output<typeof catalogList>;

/** The band of the year's live catalogue for a machine: item, its parameter value, and its variant. */
export const catalogPickBandInput = z.strictObject({
  year,
  item: z.string({ error: '请填写品目' }).trim().min(1, '请填写品目').max(60, '品目不超过60字'),
  value: z.number({ error: '参数值应为数字' }).nullable(),
  variant: z.string().trim().max(30, '型式不超过30字').nullable().optional(),
});
export type CatalogPickBandInput = z.input<typeof catalogPickBandInput>;

export const catalogPickBandResult = z.object({
  band: catalogBand.nullable(),
  /** Every band of the item in that catalogue, so a form can offer them when none matched. */
  candidates: z.array(catalogBand),
  /** The catalogue year used: the machine's own year, or the newest earlier one in force. */
  catalogYear: z.number().int(),
});
export type CatalogPickBandResult = z.output<typeof catalogPickBandResult>;

export const catalogGetBandInput = z.strictObject({ id: uuid });
export const catalogBandWithVersion = z.object({ band: catalogBand, version: catalogVersion });
export type CatalogBandWithVersion = z.output<typeof catalogBandWithVersion>;

export const catalogImportInput = z.strictObject({
  year,
  fileName: z.string({ error: '请选择文件' }).trim().min(1, '请选择文件').max(200, '文件名过长'),
  base64: z.string({ error: '文件内容为空' }).min(1, '文件内容为空').max(CATALOG_MAX_BASE64_CHARS, CATALOG_FILE_TOO_LARGE),
  /** false: only validate and report; true: write the catalogue when every row is valid. */
  commit: z.boolean({ error: '请说明是校验还是导入' }),
  title: optionalText(100, '目录标题'),
  source: optionalText(300, '来源说明'),
});
export type CatalogImportInput = z.input<typeof catalogImportInput>;

export const catalogImportRow = z.object({
  /** The spreadsheet's own row number (1-based, header included), as Excel shows it. */
  row: z.number().int().min(1),
  ok: z.boolean(),
  errors: z.array(z.string()),
  /** 品目 · 分档名称 as written in the file, to recognise the row. */
  label: z.string(),
  /** The band the row becomes, when it is valid. */
  band: catalogBandValues.optional(),
});
export type CatalogImportRow = z.output<typeof catalogImportRow>;

export const catalogImportReport = z.object({
  rows: z.array(catalogImportRow),
  /** Valid bands found. */
  bandCount: z.number().int().min(0),
  /** Rows with errors plus problems with the file as a whole; 0 means it can be imported. */
  errorCount: z.number().int().min(0),
  /** Problems with the whole file (missing columns, no data) in Chinese. */
  fileErrors: z.array(z.string()),
  /** Things that do not stop the import (unknown columns that are ignored). */
  warnings: z.array(z.string()),
  committed: z.boolean(),
  /** One sentence saying what happened, for the top of the report. */
  message: z.string(),
  /** The year's live version that this import replaces (or would replace). */
  replaces: catalogVersion.nullable(),
  /** The new version, when committed. */
  version: catalogVersion.optional(),
});
export type CatalogImportReport = z.output<typeof catalogImportReport>;

export const catalogExportInput = z.strictObject({
  year,
  /** A particular (e.g. superseded) version of that year; the live one when absent. */
  versionId: uuid.optional(),
});
export type CatalogExportInput = z.input<typeof catalogExportInput>;
