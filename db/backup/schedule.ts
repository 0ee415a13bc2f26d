import { existsSync } from 'node:fs';
import type { BackupReason } from '../../shared/schemas/backups';
import type { ServiceContext } from '../context';
import { getInstallation } from '../repositories/installation';
import { createBackup, type MadeBackup } from './create';
import { listBackupFiles, localBackupDir, readSidecar } from './files';
import { writeMarker } from './inspect';
import { exclusive, isBusy } from './lock';
import { copyOffsite, offsiteDue } from './offsite';
import { removeStaleStaging } from './restore';
import { getOffsiteDir } from './settings';

const HOUR = 3600_000;
const CHECK_EVERY_MS = 5 * 60_000;
const FIRST_CHECK_MS = 5_000;

/** The newest verified local backup, if any. */
export function newestBackup(dbPath: string): MadeBackup | null {
  const files = listBackupFiles(localBackupDir(dbPath), 'db');
  for (const f of files.reverse()) {
    const sidecar = readSidecar(f.path);
    if (sidecar?.ok) return { name: f.name, path: f.path, sidecar };
  }
  return null;
}

/** Whether a scheduled backup is due now: at start when the newest is over 24 h old; hourly when there were writes. */
export function backupDue(ctx: ServiceContext, atStart: boolean): BackupReason | null {
  if (!getInstallation(ctx.db)) return null;
  const newest = newestBackup(ctx.dbPath);
  if (!newest) return atStart ? 'startup' : writeMarker(ctx.db) > 0 ? 'hourly' : null;
  const age = ctx.now().getTime() - new Date(newest.sidecar.createdAt).getTime();
  if (atStart && age > 24 * HOUR) return 'startup';
  if (age >= HOUR && writeMarker(ctx.db) !== newest.sidecar.marker) return 'hourly';
  return null;
}

/** One scheduled check: a backup if due, then today's encrypted copy if the removable folder is there. */
export async function scheduledCheck(ctx: ServiceContext, atStart: boolean): Promise<void> {
  if (isBusy(ctx.dbPath)) return;
  if (atStart) removeStaleStaging(ctx.dbPath);
  const reason = backupDue(ctx, atStart);
  await exclusive(ctx.dbPath, '备份', async () => {
    const made = reason
      ? await createBackup(ctx.db, ctx.dbPath, reason, ctx.now, undefined, { nativeBinding: ctx.nativeBinding })
      : newestBackup(ctx.dbPath);
    const dir = getOffsiteDir(ctx);
    if (made && dir && existsSync(dir) && offsiteDue(ctx)) await copyOffsite(ctx, made);
  });
}

/** Starts the timers of a long-running app; returns the function that stops them. Failures are logged, never thrown. */
export function startBackupSchedule(ctx: ServiceContext, log: (message: string, error?: unknown) => void): () => void {
  let stopped = false;
  const run = (atStart: boolean) => () => {
    scheduledCheck(ctx, atStart).catch((error: unknown) => {
      // closing the app closes the connection under a backup in progress: its partial copy is already removed
      if (stopped) log('scheduled backup stopped: the app closed while it ran (its partial copy was removed)');
      else log('scheduled backup failed', error);
    });
  };
  const first = setTimeout(run(true), FIRST_CHECK_MS);
  const every = setInterval(run(false), CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}
