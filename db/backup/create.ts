import { existsSync, renameSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { BackupReason, BackupSidecar } from '../../shared/schemas/backups';
import { fileSystemToAppError } from '../errors';
import type { JobHandle } from '../jobs/registry';
import {
  backupName,
  ensureDir,
  failedDir,
  fsyncDir,
  fsyncFile,
  localBackupDir,
  removeLeftovers,
  removeQuietly,
  sidecarPath,
  writeFileAtomic,
} from './files';
import { inspectBackup, inspectBackupAsync, ownBackupDepth, type CheckDepth, type Inspection } from './inspect';
import { BACKUP_FORMAT, drive, packBackupPhotos, runToEnd, type PackedPhotos } from './photos';
import { rotate } from './rotate';

export interface MadeBackup {
  name: string;
  path: string;
  sidecar: BackupSidecar;
}

const PLACE = '本机备份文件夹';

/** The stages of making a backup, in order: pages copied, photos packed, the copy checked. */
export type BackupStage = 'copy' | 'photos' | 'check';

export interface BackupOptions {
  /**
   * The page check. createBackup (SQLite's backup API, a page-for-page copy of our own live file) defaults to
   * integrity for a small file and quick for a large one (ownBackupDepth); createBackupSync (VACUUM INTO, a
   * rebuilt file) to integrity. See CheckDepth for why quick is sound.
   */
  depth?: CheckDepth;
  /** Told where the backup is: stage, units done of total, a Chinese line. */
  onStage?: (stage: BackupStage, done: number, total: number, label: string) => void;
  /** better-sqlite3's binding for the page check's worker thread (ServiceContext.nativeBinding). */
  nativeBinding?: string;
}
const partialFiles = (temp: string) => [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`];

/** A backup file stands alone: rollback journal, not WAL, so it is one file to copy, check and restore. */
function normalize(temp: string): void {
  const db = new Database(temp, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Puts a checked backup in place: sidecar first, then the backup renamed into its final name (so a kill at
 * any point leaves no finished-looking backup that was not verified). A backup that failed its check goes
 * to failed/ with its report, and the caller is told.
 */
function place(
  found: Inspection,
  temp: string,
  dir: string,
  name: string,
  reason: BackupReason,
  at: Date,
  verifiedAt: Date,
  photos: PackedPhotos,
): MadeBackup {
  const sidecar: BackupSidecar = {
    format: BACKUP_FORMAT,
    photos,
    createdAt: at.toISOString(),
    reason,
    sizeBytes: found.sizeBytes,
    sha256: found.sha256,
    verifiedAt: verifiedAt.toISOString(),
    check: found.check,
    ok: found.ok,
    problems: found.problems,
    applicationId: found.applicationId,
    userVersion: found.userVersion,
    tables: found.tables,
    marker: found.marker,
  };
  const target = found.ok ? dir : failedDir(dir);
  ensureDir(target);
  const path = join(target, name);
  writeFileAtomic(sidecarPath(path), JSON.stringify(sidecar, null, 2));
  renameSync(temp, path);
  fsyncDir(target);
  if (!found.ok) throw new AppError('DB_CORRUPT', `备份已写出但校验未通过，已移到 failed 文件夹：${found.problems.join('；')}`);
  rotate(dir, 'db');
  return { name, path, sidecar };
}

const checkProgress = (options: BackupOptions) =>
  options.onStage && ((done: number, total: number, what: string) => options.onStage?.('check', done, total, what));

/** fsync without holding the thread: the flush of a large file can take seconds on a busy disk. */
async function fsyncFileAsync(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function prepare(dbPath: string, at: Date): { dir: string; name: string; temp: string } {
  const dir = localBackupDir(dbPath);
  ensureDir(dir);
  removeLeftovers(dir);
  let when = at;
  while (existsSync(join(dir, backupName(when, 'db')))) when = new Date(when.getTime() + 1);
  const name = backupName(when, 'db');
  return { dir, name, temp: join(dir, `${name}.partial`) };
}

/**
 * A backup with SQLite's online backup API (`db.backup`, never a copy of the live file), copied a few
 * hundred pages at a time so the app keeps answering; progress and cancel through the job.
 */
export async function createBackup(
  db: Database.Database,
  dbPath: string,
  reason: BackupReason,
  now: () => Date,
  job?: JobHandle,
  options: BackupOptions = {},
): Promise<MadeBackup> {
  const at = now();
  // between steps: the job's tick (answers polls, honours cancel), else one turn of the event loop
  const pause = job ? () => job.tick() : () => new Promise<void>((resolve) => setImmediate(resolve));
  let temp: string | undefined;
  try {
    const p = prepare(dbPath, at);
    temp = p.temp;
    options.onStage?.('copy', 0, 1, '正在复制数据文件');
    await db.backup(p.temp, {
      progress: ({ totalPages, remainingPages }) => {
        job?.throwIfCancelled();
        job?.progress(totalPages - remainingPages, totalPages, '正在备份数据文件');
        options.onStage?.('copy', totalPages - remainingPages, totalPages, '正在复制数据文件');
        return 256;
      },
    });
    // a file copied in one step is never reported by the backup API's own callback
    options.onStage?.('copy', 1, 1, '数据文件复制完成');
    normalize(p.temp);
    options.onStage?.('photos', 0, 1, '正在备份照片');
    const photos = await drive(packBackupPhotos(dbPath, p.temp), async (done, total) => {
      job?.throwIfCancelled();
      job?.progress(done, total, '正在备份照片');
      options.onStage?.('photos', done, total, '正在备份照片');
      await pause();
    });
    options.onStage?.('photos', 1, 1, photos.photos ? `已备份 ${photos.photos} 张照片` : '没有需要备份的照片');
    job?.progress(0, 1, '正在校验备份');
    await fsyncFileAsync(p.temp);
    const depth = options.depth ?? ownBackupDepth(statSync(p.temp).size);
    const found = await inspectBackupAsync(p.temp, pause, {
      depth,
      nativeBinding: options.nativeBinding,
      onProgress: (done, total, what) => {
        job?.progress(done, total, what);
        checkProgress(options)?.(done, total, what);
      },
    });
    return place(found, p.temp, p.dir, p.name, reason, at, now(), photos);
  } catch (error) {
    if (temp) removeQuietly(...partialFiles(temp));
    throw fileSystemToAppError(error, PLACE);
  }
}

/**
 * The same, in one synchronous step, for places that cannot wait (opening a file with pending migrations
 * outside the upgrade worker, a county package loaded at a station): VACUUM INTO writes a consistent
 * snapshot from one read transaction, again never a file copy; checked with integrity_check by default.
 */
export function createBackupSync(
  db: Database.Database,
  dbPath: string,
  reason: BackupReason,
  now: () => Date,
  options: BackupOptions = {},
): MadeBackup {
  const at = now();
  let temp: string | undefined;
  try {
    const p = prepare(dbPath, at);
    temp = p.temp;
    db.prepare('VACUUM INTO ?').run(p.temp);
    normalize(p.temp);
    const photos = runToEnd(packBackupPhotos(dbPath, p.temp));
    fsyncFile(p.temp);
    const found = inspectBackup(p.temp, { depth: options.depth, onProgress: checkProgress(options) });
    return place(found, p.temp, p.dir, p.name, reason, at, now(), photos);
  } catch (error) {
    if (temp) removeQuietly(...partialFiles(temp));
    throw fileSystemToAppError(error, PLACE);
  }
}
