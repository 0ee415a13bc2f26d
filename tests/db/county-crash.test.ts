import { spawn } from 'node:child_process';
import { setUpInstallation } from '../support/setup';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, steppingClock, tempCore, tempDir, type TempCore } from '../support/core';
import { farmerInput } from '../support/farmers';
import { exportTo, stationWith } from '../support/stations';
import { generateStationFile } from '../../db/bench/station-files';
import { openDatabase } from '../../db/connection';
import { readSchema } from '../../db/transfer/expected-schema';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'tests/support/import-child.ts');
const FARMERS = 1500;
let tmp: { dir: string; dispose(): void };
let file: string;
let station: TempCore;
let stationId: string;

/** Starts an import in a child and SIGKILLs it `delayMs` after it begins (or lets it finish). */
function importAndKill(countyDb: string, delayMs: number, paths: string[] = [file]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, countyDb, ...paths], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('start') && !out.includes('killing')) {
        out += 'killing';
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', fail);
    child.on('exit', () => (err && !out.includes('start') ? fail(new Error(err)) : done(out)));
  });
}

beforeAll(async () => {
  tmp = tempDir('agri-crash-import-');
  station = await stationWith('371525103', Date.UTC(2025, 2, 1), async (core) => {
    for (let n = 0; n < FARMERS; n++) expectOk(await core.call('farmers.create', farmerInput(1000 + n, { name: `农户${n}` })));
  });
  stationId = (station.db.prepare('SELECT station_id FROM installation').get() as { station_id: string }).station_id;
  file = exportTo(station, tmp.dir);
}, 120_000);

afterAll(() => {
  station.dispose();
  tmp.dispose();
});

describe('an import killed at any moment', () => {
  it('leaves the county file whole, with all or none of the station’s rows', async () => {
    const seen = new Set<number>();
    for (const delay of [0, 5, 20, 40, 80, 150, 400]) {
      const county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
      (await setUpInstallation(county, { role: 'county', name: '县局' }));
      county.close();
      await importAndKill(county.dbPath, delay);
      const db = new Database(county.dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (db.prepare('SELECT count(*) AS n FROM farmers WHERE station_id = ?').get(stationId) as { n: number }).n;
      expect([0, FARMERS]).toContain(n);
      seen.add(n);
      db.close();
      county.dispose();
    }
    // the delays were chosen so both outcomes happen; if the machine is very fast or slow, at least one did
    expect(seen.size).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('a batch killed between or inside files keeps the files it committed, and the next opening brings every index back', async () => {
    // two stations over the 5,000-purchase threshold: their indexes go aside with the first and come back at the end
    const big = [0, 1].map((n) => generateStationFile(tmp.dir, n, { farmers: 100, scraps: 20, purchases: 5_100 }));
    const fresh = tempCore();
    await setUpInstallation(fresh, { role: 'county', name: '县局' });
    const schema = (db: Database.Database) => readSchema(db).map((o) => `${o.type} ${o.name} ${o.sql}`).sort();
    const want = schema(fresh.db);
    fresh.dispose();
    const seen = new Set<string>();
    for (const delay of [0, 600, 1200, 1800, 2600, 3600, 6000]) {
      const county = tempCore({ now: steppingClock(Date.UTC(2026, 10, 20)) });
      await setUpInstallation(county, { role: 'county', name: '县局' });
      county.close();
      await importAndKill(county.dbPath, delay, big.map((b) => b.path));
      // opened as the app opens it: migrations, then whatever a cut-short batch left aside
      const db = openDatabase(county.dbPath);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(schema(db)).toEqual(want);
        expect(db.prepare('SELECT count(*) FROM import_indexes_aside').pluck().get()).toBe(0);
        const perStation = db.prepare('SELECT count(*) FROM purchases GROUP BY station_id ORDER BY 1').pluck().all() as number[];
        // files are all or nothing, in order: none, the first, or both
        expect([[], [5_100], [5_100, 5_100]].map((x) => JSON.stringify(x))).toContain(JSON.stringify(perStation));
        seen.add(JSON.stringify(perStation));
      } finally {
        db.close();
        county.dispose();
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
