import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import { type TempCore } from '../support/core';
import { addFarmer, addScrap, addVerifiedPurchase, contents, exportTo, stationWith } from '../support/stations';
import { countyCore } from '../support/county-core';

/**
 * Issue 16: a station file whose signed content the county already merged is recognised at once (by its
 * bytes, or after the signature check by its signed data digest) and logged without merging; anything
 * else (a newer file in between, a re-enrolled key, an import made before the digest was remembered)
 * goes through the full import. Recognised or not, the outcome counts and the county's data are the same.
 */
const LIULIN = '371525103';
const TABLES = TRAVELLING_TABLES.map((t) => t.name);
let dir: string;
let station: TempCore;
let file: string;

const county = () => countyCore(Date.UTC(2025, 5, 1));
const imp = (core: TempCore, path: string) => importStationFile(core.ctx, { fileName: path.split('/').pop() ?? path, path }, { trustNew: true });
const REPEAT = /无需重新合并/;
const counts = (o: { status: string; added: number; updated: number; unchanged: number; rejected: number }) => [o.status, o.added, o.updated, o.unchanged, o.rejected];
const logRows = (c: TempCore) => c.db.prepare('SELECT id, repeat_of, signed_digest, public_key FROM county_imports ORDER BY rowid').all() as Record<string, string | null>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-repeat-'));
  station = await stationWith(LIULIN, Date.UTC(2025, 2, 1), async (core) => {
    const zhang = await addFarmer(core, 1, { name: '张三' });
    await addVerifiedPurchase(core, zhang.id, { factoryNo: 'SN-1', engineNo: 'E-1' });
    const li = await addFarmer(core, 2, { name: '李四' });
    await addScrap(core, li.id, { engineNo: 'ENG-1', frameNo: 'FR-1', plateNo: '鲁15-11111' });
  });
  file = exportTo(station, dir);
});
afterAll(() => {
  station.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('re-importing an unchanged station file (issue 16)', () => {
  it('the same bytes again: logged as a repeat of the first import, the same counts as a full re-merge, nothing changed', async () => {
    const c = await county();
    const first = imp(c, file);
    expect(first.status).toBe('accepted');
    expect(first.added).toBeGreaterThan(5);
    const before = contents(c.dbPath, TABLES);
    const lastImport = () => c.db.prepare('SELECT last_import_at FROM stations').pluck().get() as string;
    const heard = lastImport();
    const copy = join(dir, 'copy-of-station.agri');
    copyFileSync(file, copy);
    const again = imp(c, copy);
    expect(again.reasons.join()).toMatch(REPEAT);
    expect(counts(again)).toEqual(['accepted', 0, 0, first.added + first.updated + first.unchanged, 0]);
    expect(contents(c.dbPath, TABLES)).toBe(before);
    expect(lastImport() > heard).toBe(true);
    const log = logRows(c);
    expect(log).toHaveLength(2);
    expect(log[1]).toMatchObject({ repeat_of: log[0]?.id, signed_digest: log[0]?.signed_digest, public_key: log[0]?.public_key });
    // a repeat of a repeat is recognised too
    expect(imp(c, file).reasons.join()).toMatch(REPEAT);

    // the full merge of the same file (the digest forgotten, as on a pre-017 import row) counts the same
    c.db.prepare('UPDATE county_imports SET signed_digest = NULL').run();
    const full = imp(c, file);
    expect(full.reasons.join()).not.toMatch(REPEAT);
    expect(counts(full)).toEqual(counts(again));
    expect(contents(c.dbPath, TABLES)).toBe(before);
    c.dispose();
  });

  it('a file with the signed manifest of an imported one but other rows is recognised by its signed digest and changes nothing', async () => {
    const c = await county();
    imp(c, file);
    const before = contents(c.dbPath, TABLES);
    const forged = join(dir, 'forged.agri');
    copyFileSync(file, forged);
    const db = new Database(forged);
    db.prepare("UPDATE farmers SET name = '王伪造' WHERE name = '张三'").run();
    db.close();
    const o = imp(c, forged);
    expect(o.reasons.join()).toMatch(REPEAT);
    expect([o.added, o.updated]).toEqual([0, 0]);
    expect(contents(c.dbPath, TABLES)).toBe(before);
    expect(c.db.prepare("SELECT count(*) FROM farmers WHERE name = '王伪造'").pluck().get()).toBe(0);
    c.dispose();
  });

  it('is not taken for a repeat after a newer file from the station, or once the station key was retired', async () => {
    const c = await county();
    imp(c, file);
    await addFarmer(station, 3, { name: '王五' });
    const newer = exportTo(station, dir);
    const n = imp(c, newer);
    expect(n.reasons.join()).not.toMatch(REPEAT);
    expect(n.added).toBeGreaterThan(0);
    // the older file again: merged in full (it changes nothing: newer rows win)
    const stale = imp(c, file);
    expect(stale.reasons.join()).not.toMatch(REPEAT);
    expect([stale.status, stale.added, stale.updated]).toEqual(['accepted', 0, 0]);
    // the newer file again is a repeat; after the key is retired it is not (the key is checked again)
    expect(imp(c, newer).reasons.join()).not.toMatch(REPEAT); // the stale one is now the latest import
    expect(imp(c, newer).reasons.join()).toMatch(REPEAT);
    c.db.prepare("UPDATE station_keys SET retired_at = '2025-06-02T00:00:00.000Z', retired_reason = '重装软件'").run();
    const rekeyed = imp(c, newer);
    expect(rekeyed.reasons.join()).not.toMatch(REPEAT);
    expect(rekeyed.status).toBe('accepted');
    c.dispose();
  });
});
