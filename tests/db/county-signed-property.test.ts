import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setUpInstallation } from '../support/setup';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import { steppingClock, tempCore, type TempCore } from '../support/core';
import { addFarmer, addScrap, addVerifiedPurchase, contents, exportTo, fileState, stationWith } from '../support/stations';

const TABLES = [...TRAVELLING_TABLES.map((t) => t.name), 'station_keys'];
let dir: string;
let station: TempCore;
let county: TempCore;
let good: Buffer;
let pageSize: number;
let baseline: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-prop-'));
  station = await stationWith('371525103', Date.UTC(2025, 2, 1), async (core) => {
    for (let i = 1; i <= 4; i++) {
      const f = await addFarmer(core, i, { name: `农户${i}` });
      await addVerifiedPurchase(core, f.id, { factoryNo: `SN-${i}`, engineNo: `E-${i}` });
      await addScrap(core, f.id, { engineNo: `SE-${i}`, frameNo: `SF-${i}`, plateNo: `鲁15-${20000 + i}` });
    }
  });
  const path = exportTo(station, dir);
  good = readFileSync(path);
  pageSize = good.readUInt16BE(16);
  county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
  (await setUpInstallation(county, { role: 'county', name: '县局' }));
  expect(importStationFile(county.ctx, { fileName: 'good.agri', path }, { trustNew: true }).status).toBe('accepted');
  baseline = contents(county.dbPath, TABLES);
});

afterAll(() => {
  [station, county].forEach((c) => c.dispose());
  rmSync(dir, { recursive: true, force: true });
});

describe('a signed station file', () => {
  it('any single-byte change to its data pages is refused (county file unchanged) or changes nothing', () => {
    const pages = good.length / pageSize;
    expect(pages).toBeGreaterThan(10);
    let refused = 0;
    fc.assert(
      fc.property(fc.integer({ min: pageSize, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (offset, xor) => {
        const bytes = Buffer.from(good);
        bytes[offset] = (bytes[offset] as number) ^ xor;
        const path = join(dir, 'mutant.agri');
        writeFileSync(path, bytes);
        const before = fileState(county.dbPath);
        const outcome = importStationFile(county.ctx, { fileName: 'mutant.agri', path });
        if (outcome.status === 'refused') {
          refused++;
          expect(fileState(county.dbPath)).toBe(before);
        } else {
          expect(contents(county.dbPath, TABLES)).toBe(baseline);
        }
      }),
      { numRuns: 120, seed: 20251129 },
    );
    // most bytes of a small file are live data: the check is not vacuous
    expect(refused).toBeGreaterThan(10);
  });
});
