import { z } from '../api/zod-locale';
import { STATUSES } from '../domain/workflow';
import { cursorPageInput, isoDate, isoDateTime, optionalText, requiredText, uuid } from './common';

/** Fields both kinds of application share in lists, filters and exports. */
export const status = z.enum(STATUSES);

export const ledgerFilter = {
  year: z.number().int().min(2000).max(2100).optional(),
  /** One buyer's applications (the farmer page, the purchase form's linkable scraps). */
  farmerId: z.uuid().optional(),
  townshipCode: z.string().max(12).optional(),
  status: status.optional(),
  item: z.string().trim().max(60).optional(),
  q: z.string().trim().max(60).default(''),
  includeVoided: z.boolean().default(false),
  sortBy: z.enum(['date', 'createdAt', 'amount', 'farmer']).default('createdAt'),
  sortOrder: z.enum(['asc', 'desc']).default('desc'),
};

export const ledgerListInput = z.strictObject({ ...ledgerFilter, ...cursorPageInput });
export type LedgerListInput = z.input<typeof ledgerListInput>;
export const ledgerExportInput = z.strictObject(ledgerFilter);

/**
 * An export job's result (ledgers, the progress report, notices, drying, conflicts, the catalogue): the file is ready under a one-time download id (browser: GET /download/:id;
 * desktop: desktop.saveExport opens a save dialog). Never the bytes themselves.
 */
export const exportResult = z.object({ fileName: z.string(), rowCount: z.number().int(), downloadId: z.string() });
export type ExportResult = z.output<typeof exportResult>;

/** Who the application is for, as lists and details show it. */
export const farmerSummary = z.object({
  id: uuid,
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  village: z.string(),
});

export const applicationEvent = z.object({
  id: uuid,
  fromStatus: status,
  toStatus: status,
  at: isoDateTime,
  operator: z.string(),
  reason: z.string().nullable(),
  checks: z.record(z.string(), z.union([z.boolean(), z.string()])).nullable(),
  /** 未分离: the same person as the step before, allowed only at a 单人站点. */
  unseparated: z.boolean(),
});
export type ApplicationEvent = z.output<typeof applicationEvent>;

/** Where an application stands in review, with its history and record times (scraps and purchases alike). */
export const reviewState = {
  status,
  statusAt: isoDateTime,
  returnReason: z.string().nullable(),
  events: z.array(applicationEvent),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
  voidReason: z.string().nullable(),
};

/** Machine numbers as typed; normalised copies are what duplicate checks compare. */
export const machineNo = (label: string, max = 40) => optionalText(max, label);

export const optionalDate = isoDate.optional();

export const positiveParam = z.number({ error: '请填写数字' }).nonnegative('参数不能为负数').max(100_000, '参数过大').nullable().optional();

export const makerField = requiredText(60, '生产厂家');
export const modelField = requiredText(60, '型号');
