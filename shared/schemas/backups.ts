import { z } from '../api/zod-locale';
import { isoDateTime } from './common';

/** Why a backup was made. Scheduled ones (startup, hourly) are what rotation thins out. */
export const BACKUP_REASONS = ['manual', 'startup', 'hourly', 'pre-migration', 'pre-import', 'pre-restore'] as const;
export const backupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof backupReason>;

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: '手动备份',
  startup: '启动时备份',
  hourly: '定时备份',
  'pre-migration': '升级前备份',
  'pre-import': '导入前备份',
  'pre-restore': '恢复前备份',
};

export const tableCount = z.object({ name: z.string(), rows: z.number().int().min(0) });

/** What was found when a backup file was checked (kept as JSON beside the backup). */
export const backupSidecar = z.object({
  /** 1: the database only; 2: also the photo files its records refer to. */
  format: z.union([z.literal(1), z.literal(2)]),
  /** Format 2: photos carried (distinct contents), their bytes, records whose file was already missing. */
  photos: z.object({ photos: z.number().int().min(0), bytes: z.number().int().min(0), missing: z.number().int().min(0) }).optional(),
  createdAt: isoDateTime,
  reason: backupReason,
  sizeBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  verifiedAt: isoDateTime,
  /** The page check made when it was written: integrity_check, or quick_check (a large file's backup); absent (older backups): integrity. */
  check: z.enum(['integrity', 'quick']).optional(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  applicationId: z.number().int(),
  userVersion: z.number().int(),
  tables: z.array(tableCount),
  /** The newest audit row (rowid) in the backup: "were there writes since?" */
  marker: z.number().int(),
});
export type BackupSidecar = z.infer<typeof backupSidecar>;

/** local: this PC's backup folder; offsite: the encrypted copies on removable media or a share; failed: kept aside. */
export const backupLocation = z.enum(['local', 'offsite', 'failed']);
export type BackupLocation = z.infer<typeof backupLocation>;

export const backupEntry = z.object({
  file: z.string(),
  location: backupLocation,
  path: z.string(),
  createdAt: isoDateTime,
  sizeBytes: z.number().int().min(0),
  reason: backupReason.nullable(),
  encrypted: z.boolean(),
  /** null: not checked (an encrypted copy is checked only with its password). */
  verified: z.boolean().nullable(),
  problems: z.array(z.string()),
  tables: z.array(tableCount.extend({ label: z.string() })),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupsConfig = z.object({
  localDir: z.string(),
  offsiteDir: z.string().nullable(),
  passwordSet: z.boolean(),
  passwordSetAt: isoDateTime.nullable(),
  /** When the removable copy last received a backup (recorded on this PC). */
  lastOffsiteCopyAt: isoDateTime.nullable(),
  /** Shown on the home screen until the removable copy is recent again; null when all is well. */
  offsiteWarning: z.string().nullable(),
});
export type BackupsConfig = z.infer<typeof backupsConfig>;

export const backupsList = z.object({
  config: backupsConfig,
  entries: z.array(backupEntry),
  /** Why the offsite folder could not be read (unplugged USB stick), if it could not. */
  offsiteProblem: z.string().nullable(),
});
export type BackupsList = z.infer<typeof backupsList>;

const password = z.string().min(8, '备份密码至少8位').max(128, '备份密码不超过128位');

export const backupsConfigInput = z.strictObject({
  /** Absolute folder on removable media or a network share; null turns the second copy off. */
  offsiteDir: z.string().trim().min(1, '请填写备份文件夹').max(500).nullable().optional(),
  /** A new backup password (站长); replacing one needs the current one. */
  password: password.optional(),
  currentPassword: z.string().max(128).optional(),
});
export type BackupsConfigInput = z.input<typeof backupsConfigInput>;

export const backupsCreateInput = z.strictObject({
  /** Also write the encrypted copy to the offsite folder now. */
  offsite: z.boolean().default(false),
});

const fileName = z.string().regex(/^agri-\d{8}T\d{9}Z\.(db|agribak)$/, '备份文件名不正确');

/** Which backup: its name in backups.list and where it is. */
export const backupRef = z.strictObject({
  file: fileName,
  location: backupLocation,
  password: z.string().max(128).optional(),
});
export type BackupRef = z.input<typeof backupRef>;

/** Photos a backup carries (checked) and photo records whose file it lacks (missing when it was made). */
export const photoCount = z.object({ photos: z.number().int().min(0), missing: z.number().int().min(0) });

export const tableComparison = z.object({ name: z.string(), label: z.string(), backup: z.number().int(), live: z.number().int() });

/** backups.verify's job result. */
export const backupCheck = z.object({
  file: z.string(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  userVersion: z.number().int(),
  createdAt: isoDateTime,
  tables: z.array(tableComparison),
  photos: photoCount,
});
export type BackupCheck = z.infer<typeof backupCheck>;

/** backups.restore's job result. */
export const restoreResult = z.object({
  restored: z.string(),
  /** The backup of the live file taken just before the swap. */
  preRestoreBackup: z.string(),
  tables: z.array(tableComparison),
  /** Photos put back in the photos folder; an older backup (database only) restores none. */
  photos: photoCount,
});
export type RestoreResult = z.infer<typeof restoreResult>;

/** backups.create's job result. */
export const createResult = z.object({
  file: z.string(),
  tables: z.array(tableCount),
  /** The encrypted copy written to the offsite folder, if one was. */
  offsite: z.string().nullable(),
  /** Why the (due, not requested) offsite copy could not be written. */
  offsiteProblem: z.string().nullable(),
});
export type CreateResult = z.infer<typeof createResult>;
