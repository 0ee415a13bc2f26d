import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { backupSidecar, type BackupSidecar } from '../../shared/schemas/backups';

/** Local backups live in a folder beside the data file: `agri.db` → `agri-backups/`. */
export function localBackupDir(dbPath: string): string {
  const stem = basename(dbPath, extname(dbPath)) || 'agri';
  return join(dirname(dbPath), `${stem}-backups`);
}

/** Backups that failed verification are moved here: kept for inspection, never counted or rotated. */
export const failedDir = (dir: string) => join(dir, 'failed');

const NAME = /^agri-(\d{8})T(\d{6})(\d{3})Z\.(db|agribak)$/;

/** `agri-20261129T172000123Z.db`: UTC time to the millisecond, so names sort by time. */
export function backupName(at: Date, ext: 'db' | 'agribak'): string {
  const iso = at.toISOString(); // 2026-11-29T17:20:00.123Z
  return `agri-${iso.slice(0, 10).replaceAll('-', '')}T${iso.slice(11, 19).replaceAll(':', '')}${iso.slice(20, 23)}Z.${ext}`;
}

/** The time in a backup's name, or null for a file that is not one of ours. */
export function timeOfName(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t, ms] = [m[1] as string, m[2] as string, m[3] as string];
  const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export const sidecarPath = (file: string) => `${file}.json`;

/** Backup files in a folder (ours by name), oldest first. */
export function listBackupFiles(dir: string, ext: 'db' | 'agribak'): { name: string; path: string; at: Date }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, at: timeOfName(name) }))
    .filter((f): f is { name: string; at: Date } => f.at !== null && f.name.endsWith(`.${ext}`))
    .map((f) => ({ ...f, path: join(dir, f.name) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The sidecar next to a backup, checked like anything read from disk; null when missing or unreadable. */
export function readSidecar(file: string): BackupSidecar | null {
  try {
    const parsed = backupSidecar.safeParse(JSON.parse(readFileSync(sidecarPath(file), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Flushes a file's bytes to the disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (the directory entry); silently skipped where directories cannot be opened (Windows). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a small file whole or not at all: temp in the same folder, fsync, rename. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  fsyncFile(temp);
  renameSync(temp, path);
  fsyncDir(dirname(path));
}

export function removeQuietly(...paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

export const fileSize = (path: string) => statSync(path).size;

/** Leftovers of an interrupted backup or restore (a killed process): never a finished backup. */
export function removeLeftovers(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (/\.(partial|tmp-\d+)(-wal|-shm|-journal)?$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}
