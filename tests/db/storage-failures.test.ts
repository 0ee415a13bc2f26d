import { mkdirSync, renameSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type AppCore } from '../../db/app';
import { localBackupDir } from '../../db/backup/files';
import { openDatabase } from '../../db/connection';
import { sqliteToAppError, STORAGE_MESSAGES } from '../../db/errors';
import { AppError } from '../../shared/api/errors';
import { runJob } from '../support/backups';
import { expectFail, expectOk, farmerInput, tempDir } from '../support/core';
import { bindSelf, mountTmpfs, remount, unmount } from '../support/mounts';
import { setUpInstallation, signIn } from '../support/setup';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups.length = 0;
});

async function stationAt(dbPath: string): Promise<AppCore> {
  const core = openCore(dbPath, { log: () => undefined });
  cleanups.push(() => {
    if (core.ctx.db.open) core.close();
  });
  await setUpInstallation(core, { role: 'station', townshipCode: '371525103' });
  return core;
}

function folder(): string {
  const t = tempDir('agri-storage-');
  cleanups.push(() => t.dispose());
  return t.dir;
}

const farmers = (core: AppCore) => core.ctx.db.prepare('SELECT count(*) FROM farmers').pluck().get() as number;
const integrity = (core: AppCore) => core.ctx.db.pragma('integrity_check', { simple: true });

describe('clear answers when storage fails, nothing half-written, the next save works once fixed', () => {
  it('disk full (a tiny tmpfs, or max_page_count where mount is not allowed)', async () => {
    const dir = join(folder(), 'disk');
    mkdirSync(dir);
    const tmpfs = mountTmpfs(dir, '4m');
    if (tmpfs) cleanups.push(() => unmount(dir));
    const core = await stationAt(join(dir, 'agri.db'));
    expectOk(await core.call('farmers.create', farmerInput(1)));
    const filler = join(dir, 'filler.bin');
    if (tmpfs) {
      const s = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(Math.max(0, s.bavail * s.bsize - 48 * 1024)));
    } else {
      core.ctx.db.pragma(`max_page_count = ${core.ctx.db.pragma('page_count', { simple: true }) as number}`);
    }
    let saved = 1;
    let failure: ReturnType<typeof expectFail> | undefined;
    for (let n = 2; n < 3000 && !failure; n++) {
      const r = await core.call('farmers.create', farmerInput(n, { address: '很长的地址'.repeat(20) }));
      if (r.ok) saved++;
      else failure = expectFail(r, 'INTERNAL');
    }
    expect(failure?.message).toBe(STORAGE_MESSAGES.full);
    expect(farmers(core)).toBe(saved);
    expect(integrity(core)).toBe('ok');
    // the farmer whose save failed has no audit row either
    expect(core.ctx.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'farmers.create'").pluck().get()).toBe(saved);
    if (tmpfs) rmSync(filler);
    else core.ctx.db.pragma('max_page_count = 1073741823');
    expectOk(await core.call('farmers.create', farmerInput(5000)));
    expect(farmers(core)).toBe(saved + 1);
  });

  it('read-only folder: opening says so (a read-only bind mount where allowed)', async () => {
    const dir = join(folder(), 'stick');
    mkdirSync(dir);
    const core = await stationAt(join(dir, 'agri.db'));
    core.close();
    if (bindSelf(dir)) {
      cleanups.push(() => unmount(dir));
      expect(remount(dir, 'ro')).toBe(true);
      let error: unknown;
      try {
        openDatabase(join(dir, 'agri.db'));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe(STORAGE_MESSAGES.readonly);
      remount(dir, 'rw');
    }
    const again = openCore(join(dir, 'agri.db'), { log: () => undefined });
    cleanups.push(() => again.ctx.db.open && again.close());
    await signIn(again);
    expectOk(await again.call('farmers.create', farmerInput(1)));
  });

  it('read-only file while running: the save is refused with the message and lands after it is writable again', async () => {
    const dbPath = join(folder(), 'agri.db');
    const core = await stationAt(dbPath);
    expectOk(await core.call('farmers.create', farmerInput(1)));
    // root ignores file permissions: the connection itself is made read-only, as a write-protected file is
    core.ctx.db.close();
    core.ctx.db = new Database(dbPath, { readonly: true });
    const refused = expectFail(await core.call('farmers.create', farmerInput(2)), 'INTERNAL');
    expect(refused.message).toBe(STORAGE_MESSAGES.readonly);
    core.ctx.db.close();
    core.ctx.db = openDatabase(dbPath);
    expect(farmers(core)).toBe(1);
    expectOk(await core.call('farmers.create', farmerInput(2)));
  });

  it('locked by another program beyond busy_timeout', async () => {
    const dbPath = join(folder(), 'agri.db');
    const core = await stationAt(dbPath);
    core.ctx.db.pragma('busy_timeout = 50');
    const other = new Database(dbPath);
    other.exec('BEGIN EXCLUSIVE');
    const refused = expectFail(await core.call('farmers.create', farmerInput(1)), 'CONFLICT');
    expect(refused.message).toBe(STORAGE_MESSAGES.busy);
    other.exec('ROLLBACK');
    other.close();
    expect(farmers(core)).toBe(0);
    expectOk(await core.call('farmers.create', farmerInput(1)));
  });

  it('data file moved away under the running app, then put back', async () => {
    const dir = folder();
    const dbPath = join(dir, 'agri.db');
    const core = await stationAt(dbPath);
    expectOk(await core.call('farmers.create', farmerInput(1)));
    renameSync(dbPath, join(dir, 'moved.db'));
    const refused = expectFail(await core.call('farmers.create', farmerInput(2)), 'INTERNAL');
    expect(refused.message).toBe(STORAGE_MESSAGES.moved);
    renameSync(join(dir, 'moved.db'), dbPath);
    expectOk(await core.call('farmers.create', farmerInput(2)));
    expect(farmers(core)).toBe(2);
  });

  it('each SQLite storage code has its message (WAL/shm held by antivirus, I/O errors)', () => {
    const msg = (code: string) => sqliteToAppError({ code })?.message;
    expect(msg('SQLITE_IOERR_SHMOPEN')).toBe(STORAGE_MESSAGES.wal);
    expect(msg('SQLITE_IOERR_SHMLOCK')).toBe(STORAGE_MESSAGES.wal);
    expect(msg('SQLITE_IOERR_DELETE')).toBe(STORAGE_MESSAGES.wal);
    expect(msg('SQLITE_IOERR_WRITE')).toBe(STORAGE_MESSAGES.io);
    expect(msg('SQLITE_READONLY_DBMOVED')).toBe(STORAGE_MESSAGES.moved);
    expect(msg('SQLITE_LOCKED_SHAREDCACHE')).toBe(STORAGE_MESSAGES.busy);
    expect(msg('SQLITE_CANTOPEN_ISDIR')).toBe(STORAGE_MESSAGES.cantopen);
    expect(msg('SQLITE_CONSTRAINT_CHECK')).toBeUndefined();
  });

  it('a read-only backup folder: the backup fails with a message and leaves nothing behind', async () => {
    const dbPath = join(folder(), 'agri.db');
    const core = await stationAt(dbPath);
    const backups = localBackupDir(dbPath);
    mkdirSync(backups);
    if (bindSelf(backups)) {
      cleanups.push(() => unmount(backups));
      remount(backups, 'ro');
    } else {
      rmSync(backups, { recursive: true });
      writeFileSync(backups, 'not a folder'); // the injected failure: ENOTDIR / EEXIST
    }
    const done = await runJob(core, 'backups.create', {});
    expect(done.state).toBe('failed');
    expect(done.error?.message).toMatch(/本机备份文件夹/);
    expectOk(await core.call('farmers.create', farmerInput(1)));
  });
});
