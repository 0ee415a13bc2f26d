import { existsSync } from 'node:fs';
import { BACKUP_REASONS, type BackupReason } from '../../shared/schemas/backups';
import { listBackupFiles, readSidecar, removeQuietly, sidecarPath } from './files';

/** How many of each period's newest backup are kept (the promise). */
export const RETENTION = { hourly: 24, daily: 14, weekly: 8, monthly: 24 } as const;
/** Backups made before a restore, migration or import, or on demand: the newest few of each kind stay too. */
export const KEEP_PER_EVENT = 3;

const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The period a moment falls in, in China time (the station's calendar whatever the PC's zone). */
export function periodKey(at: Date, period: keyof typeof RETENTION): string {
  const c = new Date(at.getTime() + CHINA_OFFSET_MS);
  const day = `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
  switch (period) {
    case 'hourly':
      return `${day}T${pad(c.getUTCHours())}`;
    case 'daily':
      return day;
    case 'weekly': {
      // the Monday that starts the week
      const monday = new Date(Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), c.getUTCDate() - ((c.getUTCDay() + 6) % 7)));
      return `W${monday.toISOString().slice(0, 10)}`;
    }
    case 'monthly':
      return day.slice(0, 7);
  }
}

/**
 * Which backups to keep: for each period, the newest backup in each of the most recent N periods that
 * have one (like restic's keep-hourly/daily/weekly/monthly). Input in any order; returns the kept times.
 */
export function chooseKept(times: Date[]): Set<number> {
  const newestFirst = [...times].sort((a, b) => b.getTime() - a.getTime());
  const kept = new Set<number>();
  for (const period of Object.keys(RETENTION) as (keyof typeof RETENTION)[]) {
    const seen = new Set<string>();
    for (const t of newestFirst) {
      if (seen.size >= RETENTION[period]) break;
      const key = periodKey(t, period);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.add(t.getTime());
    }
  }
  return kept;
}

/** Deletes the backups (and sidecars) in a folder that the retention no longer keeps; returns the names removed. */
export function rotate(dir: string, ext: 'db' | 'agribak'): string[] {
  const files = listBackupFiles(dir, ext);
  const kept = chooseKept(files.map((f) => f.at));
  // event backups (before a restore, an import…) are kept a while beyond the schedule
  const byReason = new Map<BackupReason, number>(BACKUP_REASONS.map((r) => [r, 0]));
  for (const f of [...files].reverse()) {
    const reason = ext === 'db' ? readSidecar(f.path)?.reason : undefined;
    if (!reason || reason === 'hourly' || reason === 'startup') continue;
    const n = byReason.get(reason) ?? 0;
    if (n < KEEP_PER_EVENT) kept.add(f.at.getTime());
    byReason.set(reason, n + 1);
  }
  const removed: string[] = [];
  for (const f of files) {
    if (kept.has(f.at.getTime())) continue;
    removeQuietly(f.path, sidecarPath(f.path));
    if (!existsSync(f.path)) removed.push(f.name);
  }
  return removed;
}
