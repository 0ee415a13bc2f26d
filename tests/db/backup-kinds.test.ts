import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup/create';
import { failedDir, listBackupFiles, localBackupDir, readSidecar, sidecarPath } from '../../db/backup/files';
import { FULL_CHECK_MAX_BYTES, inspectBackup, ownBackupDepth } from '../../db/backup/inspect';
import { backupBeforeCountyImport } from '../../db/backup/pre-import';
import { scheduledCheck } from '../../db/backup/schedule';
import type { BackupReason, CreateResult, RestoreResult } from '../../shared/schemas/backups';
import { runJob, tableDigests } from '../support/backups';
import { damagePage, indexOutOfStep } from '../support/forge-backup';
import { expectOk, farmerInput, stationCore, tempCore, type TempCore } from '../support/core';
import { setUpInstallation } from '../support/setup';

let cores: TempCore[] = [];
afterEach(() => {
  for (const c of cores) c.dispose();
  cores = [];
});

async function station(): Promise<TempCore> {
  const core = await stationCore();
  cores.push(core);
  for (let i = 1; i <= 4; i++) expectOk(await core.call('farmers.create', farmerInput(i)));
  return core;
}

const farmerCount = (core: TempCore) => core.ctx.db.prepare('SELECT count(*) FROM farmers').pluck().get() as number;

/** The local backups with their sidecars, oldest first. */
const backups = (core: TempCore) =>
  listBackupFiles(localBackupDir(core.dbPath), 'db').map((f) => ({ name: f.name, path: f.path, sidecar: readSidecar(f.path) }));

const ofReason = (core: TempCore, reason: BackupReason) => backups(core).filter((b) => b.sidecar?.reason === reason);

describe('every backup of the running app is checked (full when small, quick_check when large) and restores', () => {
  it('manual, scheduled, pre-import and pre-restore backups of a station-sized file get the full check, and say so in their sidecar', async () => {
    const core = await station();
    const newest = () => backups(core).at(-1)?.sidecar;
    // the scheduled one first: with no backup yet it is due at start
    await scheduledCheck(core.ctx, true);
    expect(newest()).toMatchObject({ reason: 'startup', ok: true, check: 'integrity' });
    expect((await runJob(core, 'backups.create', {})).state).toBe('done');
    expect(newest()).toMatchObject({ reason: 'manual', ok: true, check: 'integrity' });
    await backupBeforeCountyImport(core.ctx);
    expect(newest()).toMatchObject({ reason: 'pre-import', ok: true, check: 'integrity' });
    const first = backups(core)[0]!;
    expect((await runJob(core, 'backups.restore', { file: first.name, location: 'local' })).state).toBe('done');
    const preRestore = ofReason(core, 'pre-restore');
    expect(preRestore).toHaveLength(1);
    expect(preRestore[0]?.sidecar).toMatchObject({ ok: true, check: 'integrity' });
  });

  it('the county import makes its pre-import backup of the file as it was, before the files', async () => {
    const county = tempCore();
    cores.push(county);
    await setUpInstallation(county, { role: 'county', name: '县局管理员' });
    const before = tableDigests(county.ctx.db);
    const r = expectOk<{ results: { status: string }[] }>(
      await county.call('county.importStations', {
        files: [{ fileName: 'forged.agri', base64: Buffer.from('not a station file').toString('base64') }],
        acceptPartial: false,
        trustFingerprints: [],
        acceptRewrittenHistory: false,
      }),
    );
    expect(r.results[0]?.status).toBe('refused');
    const [pre] = ofReason(county, 'pre-import');
    expect(pre?.sidecar).toMatchObject({ ok: true, check: 'integrity', reason: 'pre-import' });
    const copy = new Database(pre!.path, { readonly: true });
    const { backup_photos: _p, backup_photo_places: _pp, backup_manifest: _m, ...records } = tableDigests(copy);
    copy.close();
    const { audit_log: _a, ...beforeRecords } = before;
    expect(records).toMatchObject(beforeRecords);
  });

  it('a copy damaged between writing and checking is refused by quick_check and kept in failed/; the next backup works', async () => {
    const core = await station();
    const damageOnCheck = { armed: true };
    const onStage = (stage: string) => {
      if (stage !== 'check' || !damageOnCheck.armed) return;
      damageOnCheck.armed = false;
      const partial = readdirSync(localBackupDir(core.dbPath)).find((n) => n.endsWith('.partial'));
      damagePage(join(localBackupDir(core.dbPath), partial!));
    };
    await expect(createBackup(core.ctx.db, core.dbPath, 'hourly', core.ctx.now, undefined, { onStage, depth: 'quick' })).rejects.toThrow(
      /校验未通过/,
    );
    const failed = listBackupFiles(failedDir(localBackupDir(core.dbPath)), 'db');
    expect(failed).toHaveLength(1);
    expect(readSidecar(failed[0]!.path)).toMatchObject({ ok: false, check: 'quick', reason: 'hourly' });
    expect(backups(core)).toHaveLength(0);
    // the app's file is untouched and the next backup works
    expect(farmerCount(core)).toBe(4);
    await backupBeforeCountyImport(core.ctx);
    expect(ofReason(core, 'pre-import')).toHaveLength(1);
  });

  it('restore and 校验 still run the full integrity_check: an index out of step with its rows is refused', async () => {
    const core = await station();
    const { file } = (await runJob(core, 'backups.create', {})).result as CreateResult;
    const path = join(localBackupDir(core.dbPath), file);
    expect(readSidecar(path)?.check).toBe('integrity');
    indexOutOfStep(path);
    // the damage quick_check cannot see: only the full check finds it
    expect(inspectBackup(path, { depth: 'quick' }).ok).toBe(true);
    expect(inspectBackup(path, { depth: 'integrity' }).ok).toBe(false);
    const check = await runJob(core, 'backups.verify', { file, location: 'local' });
    expect((check.result as { ok: boolean; problems: string[] }).ok).toBe(false);
    expect((check.result as { problems: string[] }).problems.join()).toContain('完整性检查未通过');
    expect(farmerCount(core)).toBe(4);
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const restore = await runJob(core, 'backups.restore', { file, location: 'local' });
    expect(restore.state).toBe('failed');
    expect(restore.error?.message).toContain('完整性检查未通过');
    expect(farmerCount(core)).toBe(4);
  });

  it('a backup made this way restores: the restored file holds exactly the rows it was made from', async () => {
    const core = await station();
    await backupBeforeCountyImport(core.ctx);
    const [pre] = ofReason(core, 'pre-import');
    const digests = tableDigests(core.ctx.db);
    for (let i = 10; i < 13; i++) expectOk(await core.call('farmers.create', farmerInput(i)));
    expect(farmerCount(core)).toBe(7);
    const done = await runJob(core, 'backups.restore', { file: pre!.name, location: 'local' });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const result = done.result as RestoreResult;
    expect(result.tables.find((t) => t.name === 'farmers')).toMatchObject({ backup: 4, live: 7 });
    const { audit_log: _a, ...restored } = tableDigests(core.ctx.db);
    const { audit_log: _b, ...expected } = digests;
    expect(restored).toEqual(expected);
    // the pre-restore backup of the 7-farmer file is there, quick-checked, and itself restores
    const preRestore = ofReason(core, 'pre-restore').find((b) => b.name === result.preRestoreBackup);
    expect(preRestore?.sidecar).toMatchObject({ ok: true, check: 'integrity' });
    expect(preRestore?.sidecar?.tables.find((t) => t.name === 'farmers')?.rows).toBe(7);
    expect((await runJob(core, 'backups.restore', { file: preRestore!.name, location: 'local' })).state).toBe('done');
    expect(farmerCount(core)).toBe(7);
  });

  it('a station-sized live file whose index is out of step with its rows: its next backup is refused, not copied on as ok', async () => {
    const core = await station();
    const { file } = (await runJob(core, 'backups.create', {})).result as CreateResult;
    // a live file with the damage only the full check sees (made from a good backup, then opened as the app would)
    const live = join(core.dir, 'damaged-live.db');
    copyFileSync(join(localBackupDir(core.dbPath), file), live);
    copyFileSync(sidecarPath(join(localBackupDir(core.dbPath), file)), sidecarPath(live));
    const strip = new Database(live);
    strip.exec('DROP TABLE backup_photos; DROP TABLE backup_photo_places; DROP TABLE backup_manifest;'); // a backup's own parts, not the app's
    strip.close();
    indexOutOfStep(live);
    const db = new Database(live);
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      await expect(createBackup(db, live, 'hourly', core.ctx.now)).rejects.toThrow(/校验未通过/);
      const failed = listBackupFiles(failedDir(localBackupDir(live)), 'db');
      expect(failed.map((f) => readSidecar(f.path))).toEqual([expect.objectContaining({ ok: false, check: 'integrity' })]);
    } finally {
      db.close();
    }
  });

  it('the full check is the default up to the size limit, quick_check above it (a province-scale file)', () => {
    expect(ownBackupDepth(20 * 1024 * 1024)).toBe('integrity');
    expect(ownBackupDepth(FULL_CHECK_MAX_BYTES)).toBe('integrity');
    expect(ownBackupDepth(FULL_CHECK_MAX_BYTES + 1)).toBe('quick');
    expect(ownBackupDepth(1800 * 1024 * 1024)).toBe('quick');
  });
});
