import { z } from '../api/zod-locale';
import { isoDateTime, pageInput, pageOf, uuid } from './common';

export const MAX_UPLOAD_FILES = 20;

export const exportStationOutput = z.object({
  fileName: z.string(),
  base64: z.string(),
  sizeBytes: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
  exportedAt: isoDateTime,
});

export const importStationsInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        fileName: z.string().trim().min(1).max(200),
        base64: z.string().min(1, '文件为空'),
      }),
    )
    .min(1, '请选择要导入的上报文件')
    .max(MAX_UPLOAD_FILES, `一次最多导入 ${MAX_UPLOAD_FILES} 个文件`),
  /** Accept a file with bad rows, importing the good ones (the default refuses the whole file). */
  acceptPartial: z.boolean().default(false),
});

export const importOutcome = z.object({
  fileName: z.string(),
  sha256: z.string(),
  status: z.enum(['accepted', 'refused']),
  stationId: z.string().nullable(),
  townshipName: z.string().nullable(),
  exportedAt: z.string().nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  durationMs: z.number().int(),
  reasons: z.array(z.string()),
  conflictsFound: z.number().int(),
});
export type ImportOutcome = z.output<typeof importOutcome>;
export const importStationsOutput = z.object({ results: z.array(importOutcome) });

export const importLogEntry = importOutcome.extend({
  id: uuid,
  importedAt: isoDateTime,
  operator: z.string(),
  sizeBytes: z.number().int(),
});
export const importsInput = z.strictObject({ ...pageInput });
export const importsPage = pageOf(importLogEntry);

export const CONFLICT_KINDS = ['serial_twice', 'scrap_twice', 'scrap_repurchased', 'id_names'] as const;
export const CONFLICT_LABELS: Record<(typeof CONFLICT_KINDS)[number], string> = {
  serial_twice: '同一出厂编号重复补贴',
  scrap_twice: '同一农机重复报废',
  scrap_repurchased: '报废农机又作为新机申请补贴',
  id_names: '同一证件号码对应不同姓名',
};
export const conflictRecord = z.object({
  table: z.enum(['purchases', 'scraps', 'farmers']),
  id: z.string(),
  stationId: z.string(),
  townshipName: z.string(),
  name: z.string(),
  date: z.string(),
  detail: z.string(),
});
export const conflict = z.object({
  id: uuid,
  kind: z.enum(CONFLICT_KINDS),
  key: z.string(),
  records: z.array(conflictRecord),
  detectedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type Conflict = z.output<typeof conflict>;
export const conflictsInput = z.strictObject({
  kind: z.enum(CONFLICT_KINDS).optional(),
  openOnly: z.boolean().default(false),
  ...pageInput,
});
export const conflictsPage = pageOf(conflict).extend({ openCount: z.number().int() });
export const resolveConflictInput = z.strictObject({ id: uuid, note: z.string().trim().min(2, '请填写核查结论').max(500) });
export const exportConflictsInput = z.strictObject({});

export const reportingOutput = z.object({
  silentAfterDays: z.number().int(),
  townships: z.array(
    z.object({
      townshipCode: z.string(),
      townshipName: z.string(),
      stations: z.number().int(),
      lastImportAt: isoDateTime.nullable(),
      lastExportedAt: z.string().nullable(),
      farmers: z.number().int(),
      scraps: z.number().int(),
      purchases: z.number().int(),
      silentDays: z.number().int().nullable(),
      silent: z.boolean(),
    }),
  ),
});
