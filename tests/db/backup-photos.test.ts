import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { localBackupDir, readSidecar, sidecarPath, writeFileAtomic } from '../../db/backup/files';
import { inspectBackup } from '../../db/backup/inspect';
import { BACKUP_PHOTOS, BACKUP_PLACES } from '../../db/backup/photos';
import { importStationFile } from '../../db/services/county-import';
import { exportStationFile } from '../../db/transfer/export';
import type { BackupCheck, BackupSidecar, CreateResult, RestoreResult } from '../../shared/schemas/backups';
import type { Scrap } from '../../shared/schemas/scraps';
import { runJob } from '../support/backups';
import { expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { qrPng, tinyJpeg } from '../support/images';
import { setUpInstallation } from '../support/setup';
import { addFarmer, addScrap, stationWith } from '../support/stations';

const LIULIN = '371525103';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let cores: TempCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of cores) c.dispose();
  cores = [];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const photosDir = (core: TempCore) => join(dirname(core.dbPath), 'photos');
const backupPath = (core: TempCore, file: string) => join(localBackupDir(core.dbPath), file);

async function addPhoto(core: TempCore, scrapId: string, fileName: string, bytes: Buffer) {
  const mime = fileName.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return expectOk<{ id: string }>(await core.call('scraps.addPhoto', { scrapId, kind: 'before', fileName, mime, base64: bytes.toString('base64') }));
}

/** A station with two scraps and three photos (one picture attached to both scraps). */
async function stationWithPhotos() {
  const pics = { before: tinyJpeg('拆解前 GXBF-0001'), after: await qrPng('拆解后 GXBF-0001') };
  const scraps: Scrap[] = [];
  const core = await stationWith(LIULIN, Date.UTC(2025, 2, 1), async (c) => {
    const f = await addFarmer(c, 1, { name: '张三' });
    scraps.push(await addScrap(c, f.id), await addScrap(c, f.id, { engineNo: 'E-2', frameNo: 'F-2', plateNo: '鲁P·99999' }));
    await addPhoto(c, scraps[0]!.id, '拆解前.jpg', pics.before);
    await addPhoto(c, scraps[0]!.id, '拆解后.png', pics.after);
    await addPhoto(c, scraps[1]!.id, '同一张.jpg', pics.before);
  });
  cores.push(core);
  return { core, pics, scraps };
}

/** Every photo of the station reads back byte-identical and verified. */
async function expectPhotosReadable(core: TempCore, scraps: Scrap[]) {
  let n = 0;
  for (const s of scraps) {
    for (const p of expectOk<Scrap>(await core.call('scraps.get', { id: s.id })).photos) {
      const back = expectOk<{ base64: string; verified: boolean }>(await core.call('scraps.photo', { id: p.id }));
      expect(back.verified).toBe(true);
      expect(sha(Buffer.from(back.base64, 'base64'))).toBe(p.sha256);
      n++;
    }
  }
  return n;
}

async function backUp(core: TempCore): Promise<string> {
  const done = await runJob(core, 'backups.create', {});
  expect(done.state, JSON.stringify(done.error)).toBe('done');
  return (done.result as CreateResult).file;
}

/** Changes a backup file as an attacker who also rewrites its sidecar (so only the photo check can catch it). */
function tamper(core: TempCore, file: string, change: (db: Database.Database) => void) {
  const path = backupPath(core, file);
  const db = new Database(path);
  change(db);
  db.close();
  const sidecar = readSidecar(path) as BackupSidecar;
  writeFileAtomic(sidecarPath(path), JSON.stringify({ ...sidecar, sha256: inspectBackup(path).sha256 }));
}

const scrapCount = (core: TempCore) => core.ctx.db.prepare('SELECT count(*) FROM scraps').pluck().get() as number;
const leftovers = (core: TempCore) => readdirSync(photosDir(core)).filter((n) => n.startsWith('.restore-'));

describe('backups carry the photo files', () => {
  it('a restored station gets its evidence photos back, byte-identical, from the local and the encrypted backup', async () => {
    const { core, scraps } = await stationWithPhotos();
    const file = await backUp(core);
    expect(readSidecar(backupPath(core, file))).toMatchObject({ format: 2, ok: true, photos: { photos: 2, missing: 0 } });
    // the list of tables shown to the user is the records' only
    expect(readSidecar(backupPath(core, file))?.tables.map((t) => t.name)).not.toContain(BACKUP_PHOTOS);

    rmSync(photosDir(core), { recursive: true });
    const done = await runJob(core, 'backups.restore', { file, location: 'local' });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect((done.result as RestoreResult).photos).toEqual({ photos: 2, missing: 0 });
    expect(await expectPhotosReadable(core, scraps)).toBe(3);
    // the restored data file holds the records only
    const names = core.ctx.db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'backup_%'").pluck().all();
    expect(names).toEqual([]);
    expect(leftovers(core)).toEqual([]);

    // the encrypted copy carries them too
    const usb = join(core.dir, 'usb');
    mkdirSync(usb);
    expectOk(await core.call('backups.config', { offsiteDir: usb, password: 'zhanzhang-2026' }));
    const made = (await runJob(core, 'backups.create', { offsite: true })).result as CreateResult;
    rmSync(photosDir(core), { recursive: true });
    const back = await runJob(core, 'backups.restore', { file: made.offsite as string, location: 'offsite', password: 'zhanzhang-2026' });
    expect(back.state, JSON.stringify(back.error)).toBe('done');
    expect(await expectPhotosReadable(core, scraps)).toBe(3);
  });

  it('still restores a backup made the old way (database only, format 1), keeping the photos on disk', async () => {
    const { core, scraps } = await stationWithPhotos();
    const path = join(localBackupDir(core.dbPath), 'agri-20250301T000000000Z.db');
    mkdirSync(dirname(path), { recursive: true });
    core.ctx.db.prepare('VACUUM INTO ?').run(path);
    const found = inspectBackup(path);
    const old = { format: 1, createdAt: '2025-03-01T00:00:00.000Z', reason: 'manual', verifiedAt: '2025-03-01T00:00:00.000Z' };
    const { ok, problems, applicationId, userVersion, tables, marker, sizeBytes, sha256 } = found;
    writeFileAtomic(sidecarPath(path), JSON.stringify({ ...old, ok, problems, applicationId, userVersion, tables, marker, sizeBytes, sha256 }));
    await addScrap(core, (await addFarmer(core, 2)).id, { engineNo: 'E-3', frameNo: 'F-3', plateNo: '鲁P·88888' });
    expect(scrapCount(core)).toBe(3);

    const done = await runJob(core, 'backups.restore', { file: 'agri-20250301T000000000Z.db', location: 'local' });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect((done.result as RestoreResult).photos).toEqual({ photos: 0, missing: 0 });
    expect(scrapCount(core)).toBe(2);
    expect(await expectPhotosReadable(core, scraps)).toBe(3);
  });

  it('refuses a backup whose photo was altered, naming the photo, and changes nothing', async () => {
    const { core, pics } = await stationWithPhotos();
    const file = await backUp(core);
    tamper(core, file, (db) => {
      // still a JPEG (magic bytes kept), one byte of its comment changed
      const forged = Buffer.from(pics.before);
      forged.writeUInt8((forged.at(-30) ?? 0) ^ 0x01, forged.length - 30);
      db.prepare(`UPDATE ${BACKUP_PHOTOS} SET data = ? WHERE sha256 = ?`).run(forged, sha(pics.before));
    });
    await addScrap(core, (await addFarmer(core, 2)).id, { engineNo: 'E-3', frameNo: 'F-3', plateNo: '鲁P·88888' });
    const check = (await runJob(core, 'backups.verify', { file, location: 'local' })).result as BackupCheck;
    expect(check.ok).toBe(false);
    expect(check.problems.join()).toContain('报废照片“拆解前.jpg”');

    const refused = await runJob(core, 'backups.restore', { file, location: 'local' });
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toContain('未通过校验');
    expect(refused.error?.message).toContain('“拆解前.jpg”');
    expect(refused.error?.message).toContain('校验值不符');
    expect(scrapCount(core)).toBe(3);
    expect(leftovers(core)).toEqual([]);
  });

  it('refuses forged photo parts: an unregistered photo, a place outside the folder, a photo taken out, a newer format', async () => {
    const { core, pics } = await stationWithPhotos();
    const extra = tinyJpeg('不属于任何记录');
    const forgeries: [string, (db: Database.Database) => void, string][] = [
      ['extra', (db) => db.prepare(`INSERT INTO ${BACKUP_PHOTOS} VALUES (?, 'image/jpeg', ?, ?)`).run(sha(extra), extra.length, extra), '数据库未登记'],
      ['place', (db) => db.prepare(`INSERT INTO ${BACKUP_PLACES} VALUES ('../../evil.jpg', ?)`).run(sha(pics.before)), '照片位置'],
      ['dropped', (db) => db.prepare(`DELETE FROM ${BACKUP_PHOTOS} WHERE sha256 = ?`).run(sha(pics.after)), '与清单'],
      ['newer', (db) => db.exec("UPDATE backup_manifest SET value = 3 WHERE key = 'format'"), '更新版本'],
      ['half', (db) => db.exec('DROP TABLE backup_manifest'), '不完整'],
    ];
    for (const [, change, expected] of forgeries) {
      const file = await backUp(core);
      tamper(core, file, change);
      const refused = await runJob(core, 'backups.restore', { file, location: 'local' });
      expect(refused.state, expected).toBe('failed');
      expect(refused.error?.message).toContain(expected);
    }
    expect(scrapCount(core)).toBe(2);
  });

  it("carries the county's received photos and puts them back in photos/received", async () => {
    const { core: station, pics, scraps } = await stationWithPhotos();
    const dir = mkdtempSync(join(tmpdir(), 'agri-bp-'));
    dirs.push(dir);
    const county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
    cores.push(county);
    await setUpInstallation(county, { role: 'county', name: '县局' });
    const file = exportStationFile(station.ctx, dir).path;
    expect(importStationFile(county.ctx, { fileName: 'f.agri', path: file }, { trustNew: true }).status).toBe('accepted');
    const received = join(photosDir(county), 'received');
    const expected = [`${sha(pics.before)}.jpg`, `${sha(pics.after)}.png`].sort();
    expect(readdirSync(received).sort()).toEqual(expected);

    const backup = await backUp(county);
    rmSync(photosDir(county), { recursive: true });
    const done = await runJob(county, 'backups.restore', { file: backup, location: 'local' });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(readdirSync(received).sort()).toEqual(expected);
    expect(existsSync(join(received, `${sha(pics.before)}.jpg`))).toBe(true);
    expect(readFileSync(join(received, `${sha(pics.after)}.png`)).equals(pics.after)).toBe(true);
    expect(await expectPhotosReadable(county, scraps)).toBe(3);
  });
});
