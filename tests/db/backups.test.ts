import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { failedDir, localBackupDir, readSidecar } from '../../db/backup/files';
import { TAMPERED, TRUNCATED, WRONG_PASSWORD } from '../../db/backup/crypto';
import { backupDue, scheduledCheck } from '../../db/backup/schedule';
import { rotate } from '../../db/backup/rotate';
import type { BackupCheck, BackupsConfig, BackupsList, CreateResult, RestoreResult } from '../../shared/schemas/backups';
import { runJob, tableDigests } from '../support/backups';
import { expectFail, expectOk, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';

let cores: TempCore[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cores) c.dispose();
  cores = [];
  for (const c of cleanups.splice(0)) c();
});

async function station(now?: () => Date): Promise<TempCore> {
  const core = await stationCore(now ? { now } : {});
  cores.push(core);
  return core;
}

async function addFarmers(core: TempCore, from: number, n: number) {
  for (let i = from; i < from + n; i++) expectOk(await core.call('farmers.create', farmerInput(i)));
}

const farmerCount = (core: TempCore) => core.ctx.db.prepare('SELECT count(*) FROM farmers').pluck().get() as number;

describe('backups.create / list / verify', () => {
  it('writes a verified backup with row counts beside it, listed with Chinese table names', async () => {
    const core = await station();
    await addFarmers(core, 1, 5);
    const done = await runJob(core, 'backups.create', {});
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const result = done.result as CreateResult;
    const path = join(localBackupDir(core.dbPath), result.file);
    expect(existsSync(path)).toBe(true);
    const sidecar = readSidecar(path);
    expect(sidecar).toMatchObject({ ok: true, reason: 'manual', problems: [] });
    expect(sidecar?.tables.find((t) => t.name === 'farmers')?.rows).toBe(5);
    // a standalone file: rollback journal, opens read-only, same contents as the live file
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    const { backup_photos, backup_photo_places, backup_manifest, ...records } = tableDigests(copy);
    expect([backup_photos, backup_photo_places, backup_manifest].every(Boolean)).toBe(true);
    expect(records).toEqual(tableDigests(core.ctx.db));
    copy.close();

    const list = expectOk<BackupsList>(await core.call('backups.list', {}));
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({ file: result.file, location: 'local', verified: true, encrypted: false });
    expect(list.entries[0]?.tables.find((t) => t.name === 'farmers')).toMatchObject({ label: '农户', rows: 5 });

    await addFarmers(core, 10, 2);
    const check = (await runJob(core, 'backups.verify', { file: result.file, location: 'local' })).result as BackupCheck;
    expect(check.ok).toBe(true);
    expect(check.tables.find((t) => t.name === 'farmers')).toMatchObject({ backup: 5, live: 7 });
  });

  it('a backup changed on disk after it was written is reported, and a forged file is kept aside as failed', async () => {
    const core = await station();
    await addFarmers(core, 1, 2);
    const { file } = (await runJob(core, 'backups.create', {})).result as CreateResult;
    const path = join(localBackupDir(core.dbPath), file);
    const bytes = readFileSync(path);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const check = (await runJob(core, 'backups.verify', { file, location: 'local' })).result as BackupCheck;
    expect(check.ok).toBe(false);
    expect(check.problems.join()).toContain('被改动过');
    const refused = await runJob(core, 'backups.restore', { file, location: 'local' });
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toContain('未通过校验');
    expect(farmerCount(core)).toBe(2);
  });

  it('a backup that fails its check goes to failed/ and is reported, never counted', async () => {
    const core = await station();
    // an application id that is not ours makes the written backup fail verification
    core.ctx.db.pragma('application_id = 7');
    const done = await runJob(core, 'backups.create', {});
    expect(done.state).toBe('failed');
    expect(done.error?.message).toContain('failed');
    core.ctx.db.pragma('application_id = 1313493588');
    const list = expectOk<BackupsList>(await core.call('backups.list', {}));
    expect(list.entries.map((e) => [e.location, e.verified])).toEqual([['failed', false]]);
    expect(readdirSync(failedDir(localBackupDir(core.dbPath))).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    expect(readdirSync(localBackupDir(core.dbPath)).filter((n) => n.endsWith('.db'))).toHaveLength(0);
  });

  it('a cancelled backup leaves no file behind, and the next one works', async () => {
    const core = await station();
    await addFarmers(core, 1, 2);
    const started = expectOk<{ id: string }>(await core.call('backups.create', {}));
    core.ctx.jobs.cancel(started.id);
    const end = await core.ctx.jobs.wait(started.id);
    expect(end.state).toBe('cancelled');
    const dir = localBackupDir(core.dbPath);
    expect(existsSync(dir) ? readdirSync(dir).filter((n) => n !== 'failed') : []).toEqual([]);
    expect((await runJob(core, 'backups.create', {})).state).toBe('done');
  });

  it('is due at start when the newest backup is over a day old, and hourly only when there were writes', async () => {
    let t = Date.UTC(2026, 0, 5, 2, 0, 0);
    const core = await station(() => new Date((t += 1000)));
    expect(backupDue(core.ctx, true)).toBe('startup');
    await runJob(core, 'backups.create', {});
    expect(backupDue(core.ctx, true)).toBeNull();
    t += 2 * 3600_000;
    expect(backupDue(core.ctx, false)).toBeNull(); // no writes since
    await addFarmers(core, 1, 1);
    expect(backupDue(core.ctx, false)).toBe('hourly');
    t += 25 * 3600_000;
    expect(backupDue(core.ctx, true)).toBe('startup');
  });
});

describe('restore', () => {
  it('round-trips: the restored file has identical table contents, the app keeps working on it', async () => {
    const core = await station();
    await addFarmers(core, 1, 4);
    const { file } = (await runJob(core, 'backups.create', {})).result as CreateResult;
    const digest = tableDigests(core.ctx.db);
    await addFarmers(core, 20, 3);
    expect(farmerCount(core)).toBe(7);

    const done = await runJob(core, 'backups.restore', { file, location: 'local' });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const result = done.result as RestoreResult;
    expect(result.tables.find((t) => t.name === 'farmers')).toMatchObject({ backup: 4, live: 7 });
    const after = tableDigests(core.ctx.db);
    // identical except for the audit row that records the restore itself
    expect({ ...after, audit_log: '' }).toEqual({ ...digest, audit_log: '' });
    expect(core.ctx.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'backups.restore'").pluck().get()).toBe(1);
    expect(core.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // the live file was backed up first: the 7-farmer state is one restore away
    const pre = readSidecar(join(localBackupDir(core.dbPath), result.preRestoreBackup));
    expect(pre).toMatchObject({ reason: 'pre-restore', ok: true });
    expect(pre?.tables.find((t) => t.name === 'farmers')?.rows).toBe(7);
    await addFarmers(core, 40, 1);
    expect(farmerCount(core)).toBe(5);
  });

  it('is refused while another connection holds the file, leaving it as it was', async () => {
    const core = await station();
    await addFarmers(core, 1, 2);
    const { file } = (await runJob(core, 'backups.create', {})).result as CreateResult;
    await addFarmers(core, 5, 1);
    const other = new Database(core.dbPath);
    other.prepare('SELECT count(*) FROM farmers').get();
    try {
      const done = await runJob(core, 'backups.restore', { file, location: 'local' });
      expect(done.state).toBe('failed');
      expect(done.error?.message).toContain('其他程序');
    } finally {
      other.close();
    }
    expect(farmerCount(core)).toBe(3);
    await addFarmers(core, 9, 1);
    expect(farmerCount(core)).toBe(4);
  });
});

describe('the encrypted copy on removable media', () => {
  async function withOffsite() {
    const core = await station();
    const offsite = join(core.dir, 'usb');
    mkdirSync(offsite);
    const config = expectOk<BackupsConfig>(await core.call('backups.config', { offsiteDir: offsite, password: 'zhanzhang-2026' }));
    expect(config).toMatchObject({ offsiteDir: offsite, passwordSet: true });
    // never stored in the clear; the derived key stays on this PC, out of the data file (which travels to the county)
    const stored = core.ctx.db.prepare('SELECT value_json FROM config').pluck().all().join();
    expect(stored).not.toContain('zhanzhang-2026');
    const keyFile = readFileSync(join(localBackupDir(core.dbPath), 'backup-key.json'), 'utf8');
    expect(keyFile).not.toContain('zhanzhang-2026');
    expect(stored).not.toContain(JSON.parse(keyFile).key);
    await addFarmers(core, 1, 3);
    const done = await runJob(core, 'backups.create', { offsite: true });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const name = (done.result as CreateResult).offsite as string;
    expect(name).toMatch(/\.agribak$/);
    return { core, offsite, name, path: join(offsite, name) };
  }

  it('holds nothing readable, restores with the password, and clears the home-screen warning', async () => {
    const { core, name, path } = await withOffsite();
    const bytes = readFileSync(path);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('农户1'))).toBe(false);
    const list = expectOk<BackupsList>(await core.call('backups.list', {}));
    expect(list.config.offsiteWarning).toBeNull();
    expect(list.entries.find((e) => e.location === 'offsite')).toMatchObject({ file: name, encrypted: true });
    await addFarmers(core, 30, 2);
    const done = await runJob(core, 'backups.restore', { file: name, location: 'offsite', password: 'zhanzhang-2026' });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(farmerCount(core)).toBe(3);
  });

  it('refuses a wrong password, one changed byte and a cut-off file with clear messages', async () => {
    const { core, name, path } = await withOffsite();
    const verify = (password: string) => runJob(core, 'backups.verify', { file: name, location: 'offsite', password });
    expect((await verify('wrong-password')).error?.message).toBe(WRONG_PASSWORD);
    const good = readFileSync(path);
    const changed = Buffer.from(good);
    changed[good.length - 40] = (changed[good.length - 40] ?? 0) ^ 1;
    writeFileSync(path, changed);
    expect((await verify('zhanzhang-2026')).error?.message).toBe(TAMPERED);
    const header = Buffer.from(good);
    header[30] = (header[30] ?? 0) ^ 1; // inside the JSON header
    writeFileSync(path, header);
    expect((await verify('zhanzhang-2026')).state).toBe('failed');
    writeFileSync(path, good.subarray(0, good.length - 1000));
    expect((await verify('zhanzhang-2026')).error?.message).toBe(TRUNCATED);
    writeFileSync(path, good);
    expect((await verify('zhanzhang-2026')).result).toMatchObject({ ok: true });
    // the live file is untouched by any refused restore
    const refused = await runJob(core, 'backups.restore', { file: name, location: 'offsite', password: 'nope-nope' });
    expect(refused.error?.message).toBe(WRONG_PASSWORD);
    expect(farmerCount(core)).toBe(3);
  });

  it('warns on the home screen when the removable copy is missing or over 7 days old', async () => {
    let t = Date.UTC(2026, 2, 1, 2, 0, 0);
    const core = await station(() => new Date((t += 1000)));
    const first = expectOk<BackupsConfig>(await core.call('backups.config', {}));
    expect(first.offsiteWarning).toContain('尚未设置');
    const offsite = join(core.dir, 'usb');
    mkdirSync(offsite);
    expectOk(await core.call('backups.config', { offsiteDir: offsite, password: 'zhanzhang-2026' }));
    expect(expectOk<BackupsConfig>(await core.call('backups.config', {})).offsiteWarning).toContain('还没有收到过备份');
    await runJob(core, 'backups.create', { offsite: true });
    expect(expectOk<BackupsConfig>(await core.call('backups.config', {})).offsiteWarning).toBeNull();
    t += 8 * 86_400_000;
    expect(expectOk<BackupsConfig>(await core.call('backups.config', {})).offsiteWarning).toContain('已有 8 天没有更新');
  });

  it('the schedule writes one encrypted copy a day when the USB folder is there', async () => {
    let t = Date.UTC(2026, 2, 1, 1, 0, 0); // 09:00 in China
    const core = await station(() => new Date((t += 1000)));
    const offsite = join(core.dir, 'usb');
    mkdirSync(offsite);
    expectOk(await core.call('backups.config', { offsiteDir: offsite, password: 'zhanzhang-2026' }));
    await addFarmers(core, 1, 1);
    const copies = () => readdirSync(offsite).filter((n) => n.endsWith('.agribak'));
    await scheduledCheck(core.ctx, true);
    expect(copies()).toHaveLength(1);
    t += 2 * 3600_000;
    await addFarmers(core, 2, 1);
    await scheduledCheck(core.ctx, false); // an hourly backup, but today's copy is already there
    expect(readdirSync(localBackupDir(core.dbPath)).filter((n) => n.endsWith('.db'))).toHaveLength(2);
    expect(copies()).toHaveLength(1);
    t += 24 * 3600_000;
    await scheduledCheck(core.ctx, false); // next day, no writes: the newest backup still goes to the stick
    expect(copies()).toHaveLength(2);
  });

  it('changing the password needs the current one', async () => {
    const core = await station();
    expectOk(await core.call('backups.config', { password: 'first-password' }));
    const refused = expectFail(
      await core.call('backups.config', { password: 'second-password', currentPassword: 'guess-guess' }),
      'VALIDATION',
    );
    expect(refused.issues?.[0]?.path).toEqual(['currentPassword']);
    expectOk(await core.call('backups.config', { password: 'second-password', currentPassword: 'first-password' }));
  });
});

describe('rotation on disk', () => {
  it('keeps the newest few event backups beyond the schedule', () => {
    const tmp = tempDir('agri-rotate-');
    cleanups.push(tmp.dispose);
    const dir = tmp.dir;
    const start = Date.UTC(2026, 0, 1, 0, 30);
    const write = (i: number, reason: string) => {
      const at = new Date(start + i * 600_000); // every 10 minutes
      const iso = at.toISOString();
      const name = `agri-${iso.slice(0, 10).replaceAll('-', '')}T${iso.slice(11, 19).replaceAll(':', '')}${iso.slice(20, 23)}Z.db`;
      writeFileSync(join(dir, name), '');
      writeFileSync(
        join(dir, `${name}.json`),
        JSON.stringify({
          format: 1,
          createdAt: iso,
          reason,
          sizeBytes: 0,
          sha256: '0'.repeat(64),
          verifiedAt: iso,
          ok: true,
          problems: [],
          applicationId: 0,
          userVersion: 1,
          tables: [],
          marker: 0,
        }),
      );
      return name;
    };
    const pre = write(0, 'pre-restore');
    for (let i = 1; i < 6; i++) write(i, 'hourly');
    rotate(dir, 'db');
    const left = readdirSync(dir).filter((n) => n.endsWith('.db'));
    // hour 00 and 01 China-time buckets keep their newest; the pre-restore one survives as an event backup
    expect(left).toContain(pre);
    expect(left.length).toBe(3);
  });
});
