import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { storedPhotoPath } from '../../db/services/photo-files';
import { PHOTO_TABLE, photoListDigest } from '../../db/transfer/photos';
import { exportStationFile } from '../../db/transfer/export';
import type { ImportOutcome } from '../../shared/schemas/county';
import type { Scrap } from '../../shared/schemas/scraps';
import { expectFail, expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { forge, resign, setManifest, stationKeyPair } from '../support/forge';
import { qrPng, tinyJpeg } from '../support/images';
import { setUpInstallation } from '../support/setup';
import { addFarmer, addScrap, countyPath, fileState, stationWith } from '../support/stations';

const LIULIN = '371525103';

let dir: string;
let station: TempCore;
let county: TempCore;
let good: string;
const photos: Record<string, Buffer> = {};
let scrapA: Scrap;
let scrapB: Scrap;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const imp = (core: TempCore, path: string): ImportOutcome => importStationFile(core.ctx, { fileName: 'file.agri', path }, { trustNew: true });

async function addPhoto(core: TempCore, scrapId: string, kind: string, fileName: string, bytes: Buffer) {
  const mime = fileName.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return expectOk<{ id: string }>(await core.call('scraps.addPhoto', { scrapId, kind, fileName, mime, base64: bytes.toString('base64') }));
}

function freshCounty(): Promise<TempCore> {
  const c = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
  return setUpInstallation(c, { role: 'county', name: '县局' }).then(() => c);
}

const receivedFiles = (c: TempCore) => {
  try {
    return readdirSync(join(dirname(countyPath(c)), 'photos', 'received')).filter((f) => !f.startsWith('.'));
  } catch {
    return [];
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-photos-'));
  photos.before = tinyJpeg('拆解前 GXBF-0001');
  photos.after = await qrPng('拆解后 GXBF-0001');
  photos.other = tinyJpeg('另一台 GXBF-0002');
  station = await stationWith(LIULIN, Date.UTC(2025, 2, 1), async (core) => {
    const f = await addFarmer(core, 1, { name: '张三' });
    scrapA = await addScrap(core, f.id);
    scrapB = await addScrap(core, f.id, { engineNo: 'E-OTHER-2', frameNo: 'F-OTHER-2', plateNo: '鲁P·99999' });
    await addPhoto(core, scrapA.id, 'before', '拆解前.jpg', photos.before as Buffer);
    await addPhoto(core, scrapA.id, 'after', '拆解后.png', photos.after as Buffer);
    // the same picture attached to a second record travels and is kept once
    await addPhoto(core, scrapB.id, 'before', '拆解前-同一张.jpg', photos.before as Buffer);
    await addPhoto(core, scrapB.id, 'after', '另一台.jpg', photos.other as Buffer);
  });
  good = exportStationFile(station.ctx, dir).path;
  county = await freshCounty();
});

afterAll(() => {
  [station, county].forEach((c) => c.dispose());
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const out = () => join(dir, `forged-${++n}.agri`);

describe('photos travel in station files', () => {
  it('carries each photo once, signed, and the county shows them byte-identical, stored once each', async () => {
    const outcome = imp(county, good);
    expect(outcome.status).toBe('accepted');
    expect(outcome.reasons).toEqual([]);
    expect(receivedFiles(county).sort()).toEqual(
      [`${sha(photos.before as Buffer)}.jpg`, `${sha(photos.after as Buffer)}.png`, `${sha(photos.other as Buffer)}.jpg`].sort(),
    );
    for (const scrap of [scrapA, scrapB]) {
      const detail = expectOk<Scrap>(await county.call('scraps.get', { id: scrap.id }));
      expect(detail.photos).toHaveLength(2);
      for (const p of detail.photos) {
        const back = expectOk<{ base64: string; verified: boolean }>(await county.call('scraps.photo', { id: p.id }));
        expect(back.verified).toBe(true);
        expect(sha(Buffer.from(back.base64, 'base64'))).toBe(p.sha256);
      }
    }
    const first = expectOk<Scrap>(await county.call('scraps.get', { id: scrapA.id })).photos.find((p) => p.kind === 'after');
    const back = expectOk<{ base64: string }>(await county.call('scraps.photo', { id: first?.id ?? '' }));
    expect(Buffer.from(back.base64, 'base64').equals(photos.after as Buffer)).toBe(true);
    // the same file again: nothing new is stored
    expect(imp(county, good).status).toBe('accepted');
    expect(receivedFiles(county)).toHaveLength(3);
  });

  it('a photo lost after a successful import comes back when the same file is imported again (not taken as a repeat)', async () => {
    const c = await freshCounty();
    try {
      expect(imp(c, good).status).toBe('accepted');
      const lost = join(dirname(countyPath(c)), 'photos', 'received', `${sha(photos.after as Buffer)}.png`);
      rmSync(lost);
      expect(receivedFiles(c)).toHaveLength(2);
      const again = imp(c, good);
      expect(again.status).toBe('accepted');
      expect(receivedFiles(c)).toHaveLength(3);
      expect(readFileSync(lost).equals(photos.after as Buffer)).toBe(true);
      // the second import re-read the file and changed no record
      expect(again).toMatchObject({ added: 0, updated: 0, reasons: [] });
    } finally {
      c.dispose();
    }
  });

  it('refuses a file holding a non-image "photo", even one its station signed, leaving the county unchanged', async () => {
    const c = await freshCounty();
    const before = fileState(countyPath(c));
    const fake = Buffer.from('MZ\x90\x00 this is an executable, not a photo');
    const path = forge(good, out(), (db) => {
      db.prepare(`INSERT INTO ${PHOTO_TABLE} (sha256, mime, size_bytes, data) VALUES (?, 'image/jpeg', ?, ?)`).run(sha(fake), fake.length, fake);
      const list = photoListDigest(db);
      setManifest(db, 'photo_count', String(list.count));
      setManifest(db, 'photo_bytes', String(list.bytes));
      setManifest(db, 'photos_sha256', list.sha256);
      resign(db, stationKeyPair(station));
    });
    const outcome = imp(c, path);
    expect(outcome.status).toBe('refused');
    expect(outcome.reasons[0]).toContain('不是有效的 JPG/PNG 图片');
    expect(fileState(countyPath(c))).toBe(before);
    expect(receivedFiles(c)).toEqual([]);
    c.dispose();
  });

  it('refuses a photo over 15 MB, and a photo added or removed after signing', async () => {
    const c = await freshCounty();
    const big = Buffer.concat([photos.after as Buffer, Buffer.alloc(15 * 1024 * 1024)]);
    const tooBig = forge(good, out(), (db) => {
      db.prepare(`INSERT INTO ${PHOTO_TABLE} (sha256, mime, size_bytes, data) VALUES (?, 'image/png', ?, ?)`).run(sha(big), big.length, big);
      const list = photoListDigest(db);
      setManifest(db, 'photo_count', String(list.count));
      setManifest(db, 'photo_bytes', String(list.bytes));
      setManifest(db, 'photos_sha256', list.sha256);
      resign(db, stationKeyPair(station));
    });
    expect(imp(c, tooBig).reasons[0]).toContain('超过 15 MB');
    const removed = forge(good, out(), `DELETE FROM ${PHOTO_TABLE} WHERE sha256 = '${sha(photos.other as Buffer)}'`);
    expect(imp(c, removed).reasons[0]).toContain('照片清单与签名不符');
    const dropped = forge(good, out(), `DROP TABLE ${PHOTO_TABLE}`);
    expect(imp(c, dropped).status).toBe('refused');
    c.dispose();
  });

  it('names an altered photo in the report and keeps nothing of it; the records still come in', async () => {
    const c = await freshCounty();
    const target = sha(photos.other as Buffer);
    const path = forge(good, out(), (db) => {
      const altered = Buffer.from(photos.other as Buffer);
      altered[altered.length - 3] = 0x00; // same size, different bytes
      db.prepare(`UPDATE ${PHOTO_TABLE} SET data = ? WHERE sha256 = ?`).run(altered, target);
    });
    const outcome = imp(c, path);
    expect(outcome.status).toBe('accepted');
    expect(outcome.reasons).toEqual([expect.stringContaining('报废照片“另一台.jpg”')]);
    expect(outcome.reasons[0]).toContain('内容与签名的校验值不符');
    expect(receivedFiles(c)).not.toContain(`${target}.jpg`);
    const p = expectOk<Scrap>(await c.call('scraps.get', { id: scrapB.id })).photos.find((x) => x.fileName === '另一台.jpg');
    expect(expectFail(await c.call('scraps.photo', { id: p?.id ?? '' }), 'NOT_FOUND').message).toBe('照片文件已丢失，请重新上传');
    c.dispose();
  });

  it('names a photo whose file the station lost as missing', async () => {
    const lost = await stationWith('371525104', Date.UTC(2025, 2, 1), async (core) => {
      const f = await addFarmer(core, 5, { name: '王五' });
      const s = await addScrap(core, f.id, { engineNo: 'E-LOST-5', frameNo: 'F-LOST-5', plateNo: '鲁P·55555' });
      await addPhoto(core, s.id, 'before', '丢失的照片.jpg', tinyJpeg('lost'));
      await addPhoto(core, s.id, 'after', '还在的照片.png', await qrPng('kept'));
    });
    const row = lost.db.prepare("SELECT stored_path FROM scrap_photos WHERE file_name = '丢失的照片.jpg'").get() as { stored_path: string };
    rmSync(storedPhotoPath(lost.ctx, '', row.stored_path) as string);
    const exported = exportStationFile(lost.ctx, dir);
    expect(exported.photosLeftOut.map((p) => p.file_name)).toEqual(['丢失的照片.jpg']);
    const c = await freshCounty();
    const outcome = imp(c, exported.path);
    expect(outcome.status).toBe('accepted');
    expect(outcome.reasons).toEqual([expect.stringMatching(/^报废照片“丢失的照片\.jpg”.*不在文件中/)]);
    expect(receivedFiles(c)).toHaveLength(1);
    [lost, c].forEach((x) => x.dispose());
  });

  it('still accepts a file from before photos travelled (format 2, no photo table)', async () => {
    const c = await freshCounty();
    const path = forge(good, out(), (db) => {
      db.exec(`DROP TABLE ${PHOTO_TABLE}`);
      for (const k of ['photo_count', 'photo_bytes', 'photos_sha256']) setManifest(db, k, null);
      setManifest(db, 'format_version', '2');
      resign(db, stationKeyPair(station));
    });
    const outcome = imp(c, path);
    expect(outcome.status).toBe('accepted');
    // its photo rows came in without their content: each is named
    expect(outcome.reasons).toHaveLength(4);
    expect(outcome.reasons.every((r) => r.includes('不在文件中'))).toBe(true);
    c.dispose();
  });
});
