import { z } from '../api/zod-locale';
import { normalizeFingerprint } from '../domain/fingerprint';
import { isoDateTime, pageInput, pageOf, uuid } from './common';

export const MAX_UPLOAD_FILES = 20;

/** A public-key fingerprint as people read it aloud: five groups of four base32 characters. */
export const keyFingerprint = z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/, '密钥指纹格式应为 XXXX-XXXX-XXXX-XXXX-XXXX');

/** A fingerprint as a person typed it from a phone call: case, spaces and dashes do not matter; 0/1/8 read as O/I/B. */
export const typedFingerprint = z
  .string()
  .max(60, '密钥指纹过长')
  .transform((v) => normalizeFingerprint(v))
  .pipe(keyFingerprint);

export const exportStationOutput = z.object({
  fileName: z.string(),
  /** The file waits under this one-time id (GET /download/:id; desktop.saveExport). */
  downloadId: z.string(),
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
  /** Key fingerprints the clerk compared with the stations and confirmed: first-seen keys with these are pinned. */
  trustFingerprints: z.array(typedFingerprint).max(MAX_UPLOAD_FILES).default([]),
  /** Import a file whose history does not extend what was accepted before (listed as 历史记录被改写). */
  acceptRewrittenHistory: z.boolean().default(false),
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
  /** Refused because the station's key is not pinned yet: what the clerk compares before confirming. */
  enrolment: z
    .object({ stationId: z.string(), townshipName: z.string(), fingerprint: z.string(), otherStationsInTownship: z.number().int() })
    .nullable()
    .default(null),
  /** Refused (or, when confirmed, imported and listed) because its history does not extend the last accepted one. */
  historyRewrite: z
    .object({ seq: z.number().int(), at: z.string(), method: z.string(), operator: z.string(), detail: z.string() })
    .nullable()
    .default(null),
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

export const CONFLICT_KINDS = ['serial_twice', 'scrap_twice', 'scrap_repurchased', 'id_names', 'id_taken', 'history_rewritten'] as const;
export const CONFLICT_LABELS: Record<(typeof CONFLICT_KINDS)[number], string> = {
  serial_twice: '同一出厂编号重复补贴',
  scrap_twice: '同一农机重复报废',
  scrap_repurchased: '报废农机又作为新机申请补贴',
  id_names: '同一证件号码对应不同姓名',
  id_taken: '编号冲突',
  history_rewritten: '历史记录被改写',
};
export const conflictRecord = z.object({
  /** purchases, scraps, farmers; for 编号冲突 any travelling table; audit_log for 历史记录被改写. */
  table: z.string(),
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

/** county.stations: every station heard from or enrolled, with its pinned key. */
export const stationItem = z.object({
  stationId: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  fingerprint: z.string().nullable(),
  pinnedAt: isoDateTime.nullable(),
  pinnedBy: z.string().nullable(),
  /** Keys pinned for this station before and retired (re-enrolment). */
  retiredKeys: z.number().int(),
  lastImportAt: isoDateTime.nullable(),
  lastExportedAt: z.string().nullable(),
  historyLength: z.number().int().nullable(),
});
export type StationItem = z.output<typeof stationItem>;
export const stationsOutput = z.object({ items: z.array(stationItem) });
export const reenrollStationInput = z.strictObject({
  stationId: uuid,
  reason: z.string().trim().min(4, '请填写重新登记的原因（如：站点重装软件）').max(200),
});
