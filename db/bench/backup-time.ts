/**
 * `node --import tsx db/bench/backup-time.ts FILE`: times the backups a running app makes of a large live file
 * (FILE is a copy: it is opened as the live file and backed up beside itself) — the manual/scheduled one
 * (createBackup), the pre-import one (backupBeforeCountyImport) — and the longest stretch the thread was held
 * (the longest gap between two turns of a 10 ms timer), with the load average at the start and the end.
 */
import { loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import { createBackup } from '../backup/create';
import { backupBeforeCountyImport } from '../backup/pre-import';
import { listBackupFiles, localBackupDir, readSidecar } from '../backup/files';
import { openDatabase } from '../connection';
import type { ServiceContext } from '../context';

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function timed(name: string, run: () => Promise<unknown>): Promise<void> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  const start = performance.now();
  const loadBefore = load();
  await run();
  const total = performance.now() - start;
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  process.stdout.write(
    `${name}: ${(total / 1000).toFixed(1)} s, longest hold of the thread ${(longest / 1000).toFixed(2)} s (load ${loadBefore} → ${load()})\n`,
  );
}

async function main(file: string): Promise<void> {
  const db = openDatabase(file);
  const now = () => new Date();
  const ctx = { db, dbPath: file, now } as unknown as ServiceContext;
  await timed('manual/scheduled backup (createBackup)', () => createBackup(db, file, 'manual', now));
  const dir = localBackupDir(file);
  for (const f of listBackupFiles(dir, 'db')) {
    process.stdout.write(`  ${f.name} check=${readSidecar(f.path)?.check ?? 'integrity'} ok=${readSidecar(f.path)?.ok}\n`);
    rmSync(f.path);
    rmSync(`${f.path}.json`, { force: true });
  }
  await timed('pre-import backup (backupBeforeCountyImport)', () => backupBeforeCountyImport(ctx));
  db.close();
}

const file = process.argv[2];
if (!file) throw new Error('usage: backup-time.ts FILE');
void main(file);
