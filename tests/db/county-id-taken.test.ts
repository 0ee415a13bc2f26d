import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import type { Conflict } from '../../shared/schemas/county';
import { expectOk, type TempCore } from '../support/core';
import { forge, stationKeyPair } from '../support/forge';
import { addFarmer, exportTo, stationWith } from '../support/stations';
import { countyCore } from '../support/county-core';

let dir: string;
let a: TempCore;
let c: TempCore;
let goodA: string;
let laterA: string;
let hostileC: string;
let farmerA: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-taken-'));
  a = await stationWith('371525103', Date.UTC(2025, 2, 1), async (core) => {
    farmerA = (await addFarmer(core, 1, { name: '张三' })).id;
  });
  goodA = exportTo(a, dir);
  // station C (a real, enrolled station) re-uses A's farmer id for one of its own rows and signs the file itself
  c = await stationWith('371525105', Date.UTC(2025, 2, 1), async (core) => {
    await addFarmer(core, 2, { name: '冒名' });
  });
  hostileC = forge(exportTo(c, dir), join(dir, 'hostile-c.agri'), `UPDATE farmers SET id = '${farmerA}'`, {
    redigest: true,
    resignWith: stationKeyPair(c),
  });
  await addFarmer(a, 3, { name: '李四' });
  laterA = exportTo(a, dir);
});

afterAll(() => {
  [a, c].forEach((x) => x.dispose());
  rmSync(dir, { recursive: true, force: true });
});

const county = () => countyCore(Date.UTC(2025, 5, 1), undefined, '县局');

const imp = (core: TempCore, path: string) => importStationFile(core.ctx, { fileName: 'f.agri', path }, { trustNew: true });
const farmer = (core: TempCore) => core.db.prepare('SELECT name, station_id FROM farmers WHERE id = ?').get(farmerA);

async function takenConflicts(core: TempCore) {
  return expectOk<{ items: Conflict[] }>(await core.call('county.conflicts', { kind: 'id_taken', pageSize: 50 })).items;
}

describe('a row id owned by another station (编号冲突)', () => {
  it('owner first: the claim is skipped and listed, the owner’s row is untouched and its later files still import', async () => {
    const x = await county();
    try {
      expect(imp(x, goodA).status).toBe('accepted');
      const r = imp(x, hostileC);
      expect(r.status).toBe('accepted');
      expect(r.reasons.join()).toMatch(/编号冲突/);
      expect(farmer(x)).toEqual({
        name: '张三',
        station_id: (a.db.prepare('SELECT station_id FROM installation').get() as { station_id: string }).station_id,
      });
      const list = await takenConflicts(x);
      expect(list.map((k) => k.key)).toEqual([`farmers:${farmerA}`]);
      expect(imp(x, laterA).status).toBe('accepted');
    } finally {
      x.dispose();
    }
  });

  it('claimant first: the genuine owner’s file is not refused, the claimant’s row is not overwritten, and the clash is listed', async () => {
    const x = await county();
    try {
      expect(imp(x, hostileC).status).toBe('accepted');
      const r = imp(x, goodA);
      expect(r.status).toBe('accepted');
      expect(farmer(x)).toMatchObject({ name: '冒名' });
      expect(imp(x, laterA).status).toBe('accepted');
      expect(x.db.prepare("SELECT count(*) FROM farmers WHERE name = '李四'").pluck().get()).toBe(1);
      expect((await takenConflicts(x)).map((k) => k.key)).toEqual([`farmers:${farmerA}`]);
    } finally {
      x.dispose();
    }
  });
});
