import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { RestoreResult } from '../../shared/schemas/backups';
import type { ServiceContext } from '../context';
import { STORAGE_MESSAGES } from '../errors';
import type { JobHandle } from '../jobs/registry';
import { createBackup } from './create';
import { decryptFile } from './crypto';
import { fsyncDir, fsyncFile, readSidecar, removeQuietly } from './files';
import { countRows, inspectBackupAsync, tableLabel, writeMarker } from './inspect';
import { placeBackupPhotos, readBackupPhotos, withoutPhotoTables, type BackupPhotosFound } from './photo-restore';
import { drive, photosRoot } from './photos';

/** Where a backup is staged beside the live file before the swap (same folder, so the rename is atomic). */
export const stagingPath = (dbPath: string) => join(dirname(dbPath), `${basename(dbPath)}.restore.partial`);

/** Removes a staging file left by a restore that was killed before its swap. */
export function removeStaleStaging(dbPath: string): void {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return;
  const prefix = `${basename(dbPath)}.restore.partial`;
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) removeQuietly(join(dir, name));
}

/** Copies a (not live) backup file in 1 MB pieces, so progress shows and cancel works. */
async function copyInChunks(src: string, dest: string, job: JobHandle): Promise<void> {
  const total = statSync(src).size;
  const buf = Buffer.alloc(1 << 20);
  const input = openSync(src, 'r');
  const output = openSync(dest, 'wx');
  try {
    let done = 0;
    for (let n = readSync(input, buf); n > 0; n = readSync(input, buf)) {
      writeSync(output, buf, 0, n);
      done += n;
      job.progress(done, total, '正在读取备份');
      await job.tick();
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
  fsyncFile(dest);
}

export interface RestoreSource {
  path: string;
  encrypted: boolean;
  password?: string;
}

/** A checked backup ready to swap in: the records file, and its photos checked and staged in photos/.restore-…/. */
export interface StagedBackup {
  path: string;
  photos: BackupPhotosFound;
  photoDir: string;
  /** Rows per table of the checked backup (its photo tables left out). */
  tables: { name: string; rows: number }[];
}

/** Stages a backup beside the live file (decrypting if needed) and checks it, photos included. */
export async function stageBackup(ctx: ServiceContext, source: RestoreSource, job: JobHandle): Promise<StagedBackup> {
  const staging = stagingPath(ctx.dbPath);
  const records = `${staging}-records`;
  const photoDir = join(photosRoot(ctx.dbPath), `.restore-${randomUUID()}`);
  removeStaleStaging(ctx.dbPath);
  try {
    if (source.encrypted) {
      if (!source.password) throw AppError.field('VALIDATION', ['password'], '这是加密备份，请输入备份密码');
      const total = statSync(source.path).size;
      await decryptFile(source.path, staging, { password: source.password }, async (done) => {
        job.progress(done, total, '正在解密备份');
        await job.tick();
      });
      fsyncFile(staging);
    } else {
      await copyInChunks(source.path, staging, job);
    }
    job.progress(0, null, '正在校验备份');
    await job.tick();
    // the full integrity_check: this file is about to become the live one (see CheckDepth)
    const found = await inspectBackupAsync(staging, () => job.tick(), {
      depth: 'integrity',
      nativeBinding: ctx.nativeBinding,
      onProgress: (done, total, what) => job.progress(done, total, what),
    });
    const sidecar = source.encrypted ? null : readSidecar(source.path);
    if (sidecar && sidecar.sha256 !== found.sha256) found.problems.push('备份文件在写出后被改动过（与当时的校验值不一致）');
    if (found.problems.length) throw new AppError('VALIDATION', `这份备份未通过校验，未恢复：${found.problems.join('；')}`);
    mkdirSync(photoDir, { recursive: true });
    const photos = await drive(readBackupPhotos(staging, ctx.dbPath, photoDir), async (done, total) => {
      job.throwIfCancelled();
      job.progress(done, total, '正在校验照片');
      await job.tick();
    });
    if (photos.problems.length) throw new AppError('VALIDATION', `这份备份未通过校验，未恢复：${photos.problems.join('；')}`);
    if (photos.format === 1) return { path: staging, photos, photoDir, tables: found.tables };
    job.progress(0, null, '正在整理数据文件');
    await job.tick();
    withoutPhotoTables(staging, records);
    removeQuietly(staging, `${staging}-journal`);
    return { path: records, photos, photoDir, tables: found.tables };
  } catch (error) {
    removeQuietly(staging, `${staging}-journal`, records);
    rmSync(photoDir, { recursive: true, force: true });
    throw error;
  }
}

/** Pre-restore backups tried before giving up when writes keep landing while each one is checked. */
const PRE_RESTORE_TRIES = 3;

/**
 * The live file backed up before the swap (backup API in steps, quick_check: see CheckDepth). Writes that
 * land while a backup is being checked get another one, so the swap never loses them; when writes keep
 * coming, the restore stops before changing anything.
 */
async function preRestoreBackup(ctx: ServiceContext, job: JobHandle): Promise<string> {
  for (let i = 0; i < PRE_RESTORE_TRIES; i++) {
    const pre = await createBackup(ctx.db, ctx.dbPath, 'pre-restore', ctx.now, job, { nativeBinding: ctx.nativeBinding });
    // nothing awaits between this comparison and the swap, so no write can slip in after it
    if (writeMarker(ctx.db) === pre.sidecar.marker) return pre.name;
  }
  throw new AppError('CONFLICT', '没有恢复：恢复前备份期间数据仍在不断修改，请稍后再试');
}

/**
 * 恢复: the backup is staged and verified, the live file is backed up, then — in one synchronous step —
 * the core's connection is closed, the staged file renamed over the live one, and the core reopens on it.
 * A kill at any moment leaves either the old file or the new one, whole: the rename is the only switch,
 * and the old file has no WAL left to replay onto the new one (it is switched to rollback mode first).
 */
export async function restoreBackup(ctx: ServiceContext, source: RestoreSource, job: JobHandle): Promise<RestoreResult> {
  if (!ctx.reopen) throw new AppError('FORBIDDEN', '当前运行方式不支持恢复');
  const staged = await stageBackup(ctx, source, job);
  const staging = staged.path;
  try {
    const restoredCounts = staged.tables;
    const preName = await preRestoreBackup(ctx, job);
    const liveCounts = countRows(ctx.db);
    job.throwIfCancelled();
    job.progress(0, null, '正在替换数据文件');
    // leaving WAL needs the file to ourselves: it fails while any other program has it open
    let mode = '';
    try {
      mode = ctx.db.pragma('journal_mode = DELETE', { simple: true }) as string;
    } catch {
      mode = 'busy';
    }
    if (mode !== 'delete') {
      throw new AppError('CONFLICT', `没有恢复：${STORAGE_MESSAGES.busy.replace('本次内容未保存。', '')}`);
    }
    // the photos first: content-addressed names, so the live records lose nothing if the swap never happens
    placeBackupPhotos(staged.photos.moves);
    ctx.reopen(() => {
      renameSync(staging, ctx.dbPath);
      fsyncDir(dirname(ctx.dbPath));
    });
    const live = new Map(liveCounts.map((t) => [t.name, t.rows]));
    const names = [...new Set([...restoredCounts.map((t) => t.name), ...live.keys()])].sort();
    const restored = new Map(restoredCounts.map((t) => [t.name, t.rows]));
    return {
      restored: basename(source.path),
      preRestoreBackup: preName,
      tables: names.map((name) => ({ name, label: tableLabel(name), backup: restored.get(name) ?? 0, live: live.get(name) ?? 0 })),
      photos: { photos: staged.photos.photos, missing: staged.photos.missing },
    };
  } finally {
    removeQuietly(staging, `${staging}-journal`);
    rmSync(staged.photoDir, { recursive: true, force: true });
  }
}
