import { z } from '../api/zod-locale';
import { TOWNSHIP_CODES } from '../domain/townships';
import { catalogBandValues } from './catalog';
import { typedFingerprint } from './county';
import { isoDate, isoDateTime } from './common';
import { countingStage, mechanizationWeights, targetsSetInput, targetYear } from './targets';
import { FRAME_NO_LABEL } from '../domain/machine-terms';

/**
 * 县局下发包: what the county sends every station, in one file signed by the county key. The file is hostile
 * until its signature is checked and every part below parses; limits keep a forged file from exhausting memory.
 */
export const PACKAGE_FORMAT = 'agri-county-package';
export const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;
export const MAX_PACKAGE_BODY_BYTES = 256 * 1024 * 1024;
export const MAX_INDEX_ENTRIES = 2_000_000;

/** A normalised machine number (shared/domain/machine-ids.ts normalizeMachineNo output). */
const machineNo = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^\s\-_/.·a-z\uFF01-\uFF5E]+$/, '号码未规范化');

export const MACHINE_FIELDS = ['factory', 'engine', 'frame', 'plate'] as const;
export type MachineField = (typeof MACHINE_FIELDS)[number];
export const MACHINE_FIELD_LABELS: Record<MachineField, string> = {
  factory: '出厂编号',
  engine: '发动机号',
  frame: FRAME_NO_LABEL,
  plate: '号牌',
};

/** One number of the county-wide machine index: no names, ID numbers or other personal data. */
export const machineIndexEntry = z.strictObject({
  no: machineNo,
  field: z.enum(MACHINE_FIELDS),
  kind: z.enum(['purchase', 'scrap']),
  stationId: z.uuid(),
  townshipCode: z.enum(TOWNSHIP_CODES),
  year: z.number().int().min(2000).max(2100),
  status: z.string().regex(/^[a-z_]{1,20}$/),
});
export type MachineIndexEntry = z.output<typeof machineIndexEntry>;

const packageCatalog = z.strictObject({
  year: targetYear,
  title: z.string().min(1).max(100),
  source: z.string().max(200),
  bands: z.array(catalogBandValues).min(1).max(5000),
});

/** County-wide settings every station follows. */
export const packageSettings = z.strictObject({
  buyerYearlyLimit: z.number().int().min(1).max(100),
  priceFloorPercent: z.number().min(0).max(100),
  progressCountingStage: countingStage,
  mechanizationWeights,
  dryerBatchesPerDay: z.number().min(0.1).max(48),
  packageStaleDays: z.number().int().min(1).max(365),
});
export type PackageSettings = z.output<typeof packageSettings>;

export const countyPackageBody = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  packageId: z.uuid(),
  countyStationId: z.uuid(),
  exportedAt: isoDateTime,
  exportedBy: z.string().min(1).max(40),
  catalogs: z.array(packageCatalog).max(50),
  /** Each year's targets as the county set them (targets.set input: the same checks, shares summing to the county's). */
  targets: z.array(targetsSetInput).max(50),
  calendar: z.strictObject({
    holidays: z.array(isoDate).max(2000),
    makeupWorkdays: z.array(isoDate).max(2000),
    /** Where each added year's list comes from (year → notice), as 设置 shows it. */
    sources: z.record(z.string().regex(/^\d{4}$/), z.string().trim().min(1).max(100)).optional(),
  }),
  settings: packageSettings,
  machineIndex: z.array(machineIndexEntry).max(MAX_INDEX_ENTRIES),
});
export type CountyPackageBody = z.output<typeof countyPackageBody>;

/** The file itself: the signed body (gzip, base64) and the signature by the county key over it. */
export const countyPackageEnvelope = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{40,120}={0,2}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  body: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export const packageSummary = z.object({
  catalogs: z.array(z.object({ year: z.number().int(), title: z.string(), applied: z.boolean() })),
  targetYears: z.array(z.number().int()),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  machineIndex: z.number().int(),
});
export type PackageSummary = z.output<typeof packageSummary>;

export const exportPackageInput = z.strictObject({
  /** Stations are reminded to fetch a new package once theirs is older than this (stored at the county, carried in the package). */
  staleAfterDays: z
    .number({ error: '请填写提醒天数' })
    .int('提醒天数应为整数')
    .min(1, '提醒天数至少为 1')
    .max(365, '提醒天数不超过 365')
    .optional(),
});

export const exportPackageOutput = z.object({
  fileName: z.string(),
  base64: z.string(),
  sizeBytes: z.number().int(),
  exportedAt: isoDateTime,
  fingerprint: z.string(),
  summary: packageSummary,
});

export const importPackageInput = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  base64: z
    .string()
    .min(1, '文件为空')
    .max(Math.ceil((MAX_PACKAGE_BYTES * 4) / 3) + 4, '文件超过 64 MB，不是正常的县局下发包'),
  /** The county key fingerprint the station head compared with the county and confirmed (first import only). */
  confirmFingerprint: typedFingerprint.optional(),
});

/**
 * 重新登记县局密钥: a package signed by the county's new key, with the new fingerprint as the county read it
 * out over the phone (required: the new key is pinned only when they match).
 */
export const repinCountyKeyInput = z.strictObject({
  fileName: importPackageInput.shape.fileName,
  base64: importPackageInput.shape.base64,
  confirmFingerprint: typedFingerprint,
});

export const importPackageOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('needsConfirmation'), fingerprint: z.string(), exportedAt: isoDateTime, exportedBy: z.string() }),
  z.object({
    status: z.literal('loaded'),
    fingerprint: z.string(),
    exportedAt: isoDateTime,
    summary: packageSummary,
    message: z.string(),
  }),
  z.object({ status: z.literal('alreadyLoaded'), fingerprint: z.string(), exportedAt: isoDateTime, message: z.string() }),
]);
export type ImportPackageOutput = z.output<typeof importPackageOutput>;

export const packageStatus = z.object({
  role: z.enum(['station', 'county']),
  /** The pinned county key (stations). */
  countyFingerprint: z.string().nullable(),
  loaded: z
    .object({
      /** The package's own id (its version: each export is a new one). */
      packageId: z.string(),
      exportedAt: isoDateTime,
      exportedBy: z.string(),
      loadedAt: isoDateTime,
      loadedBy: z.string(),
      fileName: z.string(),
      ageDays: z.number().int(),
      summary: packageSummary,
    })
    .nullable(),
  staleAfterDays: z.number().int(),
  stale: z.boolean(),
});
export type PackageStatus = z.output<typeof packageStatus>;

/** The counter's live check: the numbers typed or scanned so far, for a purchase or a scrap. */
export const machineCheckInput = z.strictObject({
  purpose: z.enum(['purchase', 'scrap']),
  factoryNo: z.string().max(60).optional(),
  engineNo: z.string().max(60).optional(),
  frameNo: z.string().max(60).optional(),
  plateNo: z.string().max(60).optional(),
  /** The record being edited (its own numbers are not a duplicate). */
  exceptId: z.uuid().optional(),
});
export type MachineCheckInput = z.output<typeof machineCheckInput>;

export const machineHit = z.object({
  /** The form field the hit is about. */
  field: z.enum(['factoryNo', 'engineNo', 'frameNo', 'plateNo']),
  source: z.enum(['local', 'county']),
  kind: z.enum(['purchase', 'scrap']),
  townshipName: z.string().nullable(),
  year: z.number().int().nullable(),
  message: z.string(),
});
export type MachineHit = z.output<typeof machineHit>;

export const machineCheckOutput = z.object({
  hits: z.array(machineHit),
  /** When the county index consulted was made (null: no package loaded, only local records checked). */
  packageExportedAt: isoDateTime.nullable(),
});
export type MachineCheckOutput = z.output<typeof machineCheckOutput>;
