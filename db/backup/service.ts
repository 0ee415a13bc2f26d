import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { BackupCheck, BackupEntry, BackupRef, BackupsConfig, BackupsConfigInput, BackupsList } from '../../shared/schemas/backups';
import { writeTx, type ServiceContext } from '../context';
import type { JobHandle } from '../jobs/registry';
import { writeAudit } from '../services/audit';
import { getInstallation, type InstallationRow } from '../repositories/installation';
import { fileSystemToAppError } from '../errors';
import { requireInstallation } from '../services/installation';
import { createBackup } from './create';
import { decryptFile } from './crypto';
import { failedDir, listBackupFiles, localBackupDir, readSidecar } from './files';
import { countRows, inspectBackupAsync, tableLabel } from './inspect';
import { exclusive } from './lock';
import { readBackupPhotos } from './photo-restore';
import { drive } from './photos';
import { copyOffsite, offsiteDue, offsiteWarning, readOffsiteState } from './offsite';
import { restoreBackup } from './restore';
import { getOffsiteDir, getStoredKey, setOffsiteDir, setPassword } from './settings';

export function backupsConfig(ctx: ServiceContext): BackupsConfig {
  const stored = getStoredKey(ctx);
  const state = readOffsiteState(ctx.dbPath);
  const offsiteDir = getOffsiteDir(ctx);
  return {
    localDir: localBackupDir(ctx.dbPath),
    offsiteDir,
    passwordSet: stored !== null,
    passwordSetAt: stored?.setAt ?? null,
    lastOffsiteCopyAt: state && state.dir === offsiteDir ? state.lastCopyAt : null,
    offsiteWarning: offsiteWarning(ctx),
  };
}

/** backups.config: reads, or changes the offsite folder and/or the password (站长), with an audit row. */
export function configure(ctx: ServiceContext, input: BackupsConfigInput): BackupsConfig {
  if (input.offsiteDir === undefined && input.password === undefined) return backupsConfig(ctx);
  const installation = requireInstallation(ctx);
  if (input.offsiteDir && !/^([a-zA-Z]:[\\/]|\\\\|\/)/.test(input.offsiteDir)) {
    throw AppError.field('VALIDATION', ['offsiteDir'], '请填写完整的文件夹路径（如 E:\\农机备份）');
  }
  const before = backupsConfig(ctx);
  // the key lives in a file beside the backups: written first, put back if recording the change fails
  let undoPassword: (() => void) | undefined;
  try {
    if (input.password !== undefined) undoPassword = setPassword(ctx, input.password, input.currentPassword);
  } catch (error) {
    throw fileSystemToAppError(error, '本机备份文件夹', '备份密码未更改');
  }
  try {
    writeTx(ctx, () => recordConfig(ctx, installation, input, before));
  } catch (error) {
    undoPassword?.();
    throw error;
  }
  return backupsConfig(ctx);
}

function recordConfig(ctx: ServiceContext, installation: InstallationRow, input: BackupsConfigInput, before: BackupsConfig): void {
  if (input.offsiteDir !== undefined) setOffsiteDir(ctx, input.offsiteDir);
  const after = backupsConfig(ctx);
  writeAudit(ctx, installation, {
    method: 'backups.config',
    entity: 'config',
    entityId: 'backup',
    before: { offsiteDir: before.offsiteDir, passwordSet: before.passwordSet },
    after: { offsiteDir: after.offsiteDir, passwordSet: after.passwordSet, passwordChanged: input.password !== undefined },
  });
}

function localEntries(dir: string, location: 'local' | 'failed'): BackupEntry[] {
  return listBackupFiles(dir, 'db').map((f) => {
    const s = readSidecar(f.path);
    return {
      file: f.name,
      location,
      path: f.path,
      createdAt: s?.createdAt ?? f.at.toISOString(),
      sizeBytes: statSync(f.path).size,
      reason: s?.reason ?? null,
      encrypted: false,
      verified: s ? s.ok : null,
      problems: s ? s.problems : ['缺少校验记录'],
      tables: (s?.tables ?? []).map((t) => ({ ...t, label: tableLabel(t.name) })),
    };
  });
}

/** backups.list: local, failed and offsite backups, newest first, with the settings and the home-screen warning. */
export function listBackups(ctx: ServiceContext): BackupsList {
  const local = localBackupDir(ctx.dbPath);
  const entries = [...localEntries(local, 'local'), ...localEntries(failedDir(local), 'failed')];
  const offsite = getOffsiteDir(ctx);
  let offsiteProblem: string | null = null;
  if (offsite) {
    try {
      if (!existsSync(offsite)) throw new Error('missing');
      readdirSync(offsite);
      for (const f of listBackupFiles(offsite, 'agribak')) {
        entries.push({
          file: f.name,
          location: 'offsite',
          path: f.path,
          createdAt: f.at.toISOString(),
          sizeBytes: statSync(f.path).size,
          reason: null,
          encrypted: true,
          verified: null,
          problems: [],
          tables: [],
        });
      }
    } catch {
      offsiteProblem = `读不到U盘（异地）备份文件夹 ${offsite}：U盘可能没有插入`;
    }
  }
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { config: backupsConfig(ctx), entries, offsiteProblem };
}

/** Where a backup named in backups.list is; NOT_FOUND when it is not there (any more). */
export function resolveRef(ctx: ServiceContext, ref: BackupRef): { path: string; encrypted: boolean } {
  const local = localBackupDir(ctx.dbPath);
  const dir = ref.location === 'local' ? local : ref.location === 'failed' ? failedDir(local) : getOffsiteDir(ctx);
  const path = dir ? join(dir, ref.file) : null;
  if (!path || !existsSync(path)) throw new AppError('NOT_FOUND', '找不到这份备份（可能已被轮换删除，或U盘未插入）');
  return { path, encrypted: ref.file.endsWith('.agribak') };
}

/** backups.create: a backup now (and the encrypted copy when asked or due); answers the job at once. */
export function startCreate(ctx: ServiceContext, input: { offsite: boolean }): JobStatus {
  return ctx.jobs.start('backups.create', (job) =>
    exclusive(ctx.dbPath, '备份', async () => {
      const made = await createBackup(ctx.db, ctx.dbPath, 'manual', ctx.now, job, { nativeBinding: ctx.nativeBinding });
      let offsite: string | null = null;
      let offsiteProblem: string | null = null;
      if (input.offsite || offsiteDue(ctx)) {
        try {
          offsite = await copyOffsite(ctx, made, job);
        } catch (error) {
          if (input.offsite) throw error;
          offsiteProblem = error instanceof AppError ? error.message : 'U盘备份未完成';
        }
      }
      return { file: made.name, tables: made.sidecar.tables, offsite, offsiteProblem };
    }),
  );
}

/** Checks one backup (decrypting an encrypted copy to a temp file) and compares it with the live file. */
async function check(ctx: ServiceContext, ref: BackupRef, job: JobHandle): Promise<BackupCheck> {
  const { path, encrypted } = resolveRef(ctx, ref);
  const temp = encrypted ? mkdtempSync(join(localBackupDir(ctx.dbPath), '.verify-')) : null;
  try {
    let file = path;
    let createdAt = readSidecar(path)?.createdAt;
    if (temp) {
      if (!ref.password) throw AppError.field('VALIDATION', ['password'], '这是加密备份，请输入备份密码');
      file = join(temp, 'backup.db');
      const total = statSync(path).size;
      const out = await decryptFile(path, file, { password: ref.password }, async (done) => {
        job.progress(done, total, '正在解密备份');
        await job.tick();
      });
      createdAt = out.createdAt;
    }
    job.progress(0, null, '正在校验备份');
    await job.tick();
    // the full integrity_check: 校验 is where a backup is trusted (see CheckDepth)
    const found = await inspectBackupAsync(file, () => job.tick(), {
      depth: 'integrity',
      nativeBinding: ctx.nativeBinding,
      onProgress: (done, total, what) => job.progress(done, total, what),
    });
    const sidecar = encrypted ? null : readSidecar(path);
    if (sidecar && sidecar.sha256 !== found.sha256) found.problems.push('备份文件在写出后被改动过（与当时的校验值不一致）');
    const photos = found.ok
      ? await drive(readBackupPhotos(file, ctx.dbPath, null), async (done, total) => {
          job.progress(done, total, '正在校验照片');
          await job.tick();
        })
      : { photos: 0, missing: 0, problems: [] };
    found.problems.push(...photos.problems);
    const live = new Map(countRows(ctx.db).map((t) => [t.name, t.rows]));
    const backup = new Map(found.tables.map((t) => [t.name, t.rows]));
    const names = [...new Set([...backup.keys(), ...live.keys()])].sort();
    return {
      file: ref.file,
      ok: found.problems.length === 0,
      problems: found.problems,
      userVersion: found.userVersion,
      createdAt: createdAt ?? new Date(statSync(path).mtimeMs).toISOString(),
      tables: names.map((name) => ({ name, label: tableLabel(name), backup: backup.get(name) ?? 0, live: live.get(name) ?? 0 })),
      photos: { photos: photos.photos, missing: photos.missing },
    };
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

export function startVerify(ctx: ServiceContext, ref: BackupRef): JobStatus {
  return ctx.jobs.start('backups.verify', (job) => check(ctx, ref, job));
}

/** backups.restore: verify, back up the live file, swap atomically, reopen. */
export function startRestore(ctx: ServiceContext, ref: BackupRef): JobStatus {
  const source = { ...resolveRef(ctx, ref), password: ref.password };
  return ctx.jobs.start('backups.restore', (job) =>
    exclusive(ctx.dbPath, '恢复备份', async () => {
      const result = await restoreBackup(ctx, source, job);
      // the restored file records that it was restored, and from what
      const installation = getInstallation(ctx.db);
      if (installation) {
        writeTx(ctx, () =>
          writeAudit(ctx, installation, {
            method: 'backups.restore',
            entity: 'database',
            entityId: 'restore',
            before: null,
            after: { restored: result.restored, preRestoreBackup: result.preRestoreBackup },
          }),
        );
      }
      return result;
    }),
  );
}
