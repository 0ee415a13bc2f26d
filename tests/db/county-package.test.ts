import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { localBackupDir } from '../../db/backup/files';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { versionBands } from '../../db/county-package/contents';
import { writeCatalogVersion } from '../../db/services/catalog';
import { setConfig } from '../../db/services/config';
import { requireInstallation } from '../../db/services/installation';
import * as catalogRepo from '../../db/repositories/catalog';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { ImportPackageOutput, MachineCheckOutput, PackageStatus } from '../../shared/schemas/county-package';
import type { TargetsView } from '../../shared/schemas/targets';
import { expectFail, expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { nthResidentId, mobile } from '../support/ids';
import { addFarmer, addScrap, addVerifiedPurchase, exportTo, stationWith } from '../support/stations';
import { setUpInstallation, signIn } from '../support/setup';
import { tractorPurchase, tractorScrap } from '../support/counter';

/**
 * A generated county of 18 stations: each registers and verifies a purchase and a scrap with random
 * machine numbers; the county imports every station file, exports the county package, and one station
 * (柳林镇) loads it. That counter must then refuse every machine already subsidised or scrapped elsewhere,
 * at the live check and at save, however the number is typed.
 */
const DAY = 86_400_000;
const START = Date.UTC(2025, 4, 1, 1, 0, 0);
let dir: string;
const stations: TempCore[] = [];
let county: TempCore;
let otherCounty: TempCore;
let packageB64: string;
let fingerprint: string;
const machines: { township: string; serial: string; engine: string; scrapEngine: string; frame: string; plate: string }[] = [];

/** Random, distinct serials (seeded: the same county every run). */
const serialArb = fc
  .tuple(fc.constantFrom('SN', 'LX', 'WZ', 'DF', 'GX'), fc.stringMatching(/^[0-9A-Z]{6,10}$/))
  .map(([p, s]) => `${p}-${s}`);
const serials = [...new Set(fc.sample(serialArb, { numRuns: 400, seed: 14 }))];

/** How a technician or scanner might give the same number: lower case, full-width, spaces and dashes. */
function variant(raw: string, how: number): string {
  switch (how % 5) {
    case 0:
      return raw.toLowerCase();
    case 1:
      return raw.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 2:
      return ` ${raw.split('').join(' ')} `;
    case 3:
      return raw.replace(/-/g, '').toLowerCase();
    default:
      return raw.replace(/(.{3})/g, '$1-');
  }
}

const stationCode = (i: number) => TOWNSHIPS[i]?.code as string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-package-'));
  for (let i = 0; i < 18; i++) {
    const m = {
      township: stationCode(i),
      serial: serials[i * 5] as string,
      engine: serials[i * 5 + 1] as string,
      scrapEngine: serials[i * 5 + 2] as string,
      frame: serials[i * 5 + 3] as string,
      plate: `鲁15-${String(10000 + i)}`,
    };
    machines.push(m);
    stations.push(
      await stationWith(m.township, START + i * 60_000, async (core) => {
        const buyer = await addFarmer(core, i * 10 + 1, { name: `购机户${i}` });
        await addVerifiedPurchase(core, buyer.id, { factoryNo: m.serial, engineNo: m.engine });
        const owner = await addFarmer(core, i * 10 + 2, { name: `报废户${i}` });
        await addScrap(core, owner.id, { engineNo: m.scrapEngine, frameNo: m.frame, plateNo: m.plate });
      }),
    );
  }
  county = tempCore({ now: steppingClock(START + 30 * DAY) });
  await setUpInstallation(county, { role: 'county', name: '县局管理员' });
  for (const s of stations) {
    const path = exportTo(s, dir);
    const outcome = importStationFile(county.ctx, { fileName: path.split('/').pop() as string, path }, { trustNew: true });
    expect(outcome.status).toBe('accepted');
  }
  // the county's own catalogue for 2025, its targets with real shares, a calendar addition
  const inst = requireInstallation(county.ctx);
  county.db.transaction(() => {
    const sample = catalogRepo.getLiveVersion(county.db, 2025);
    writeCatalogVersion(county.ctx, inst, {
      year: 2025,
      title: '2025年山东省农机购置与应用补贴额一览表（县局）',
      source: '省农业农村厅',
      isSample: false,
      fileName: null,
      bands: versionBands(county.ctx, sample?.id as string),
      method: null,
    });
    setConfig(county.ctx, 'holidays', ['2027-01-01']);
    setConfig(county.ctx, 'calendarSources', { '2027': '国办发明电（2026）9号' });
    setConfig(county.ctx, 'buyerYearlyLimit', 5);
  })();
  const shares = TOWNSHIPS.map((t, i) => ({ townshipCode: t.code, scrapCount: i === 0 ? 15 : 5, purchaseCount: i === 0 ? 133 : 45 }));
  expectOk(await county.call('targets.set', { year: 2025, scrapCount: 100, purchaseCount: 898, mechanizationRate: 94, shares }));
  const exported = expectOk<{ base64: string; fingerprint: string; summary: { machineIndex: number } }>(
    await county.call('county.exportPackage', {}),
  );
  packageB64 = exported.base64;
  fingerprint = exported.fingerprint;
  // 18 purchases × (serial, engine) + 18 scraps × (engine, frame, plate)
  expect(exported.summary.machineIndex).toBe(18 * 5);
  otherCounty = tempCore({ now: steppingClock(START + 40 * DAY) });
  await setUpInstallation(otherCounty, { role: 'county', name: '别的县' });
}, 240_000);

afterAll(() => {
  [...stations, county, otherCounty].forEach((c) => c?.dispose());
  rmSync(dir, { recursive: true, force: true });
});

const liulin = () => stations[0] as TempCore;
const loads = (core: TempCore) => (core.db.prepare('SELECT count(*) AS n FROM county_package_loads').get() as { n: number }).n;
const indexRows = (core: TempCore) => (core.db.prepare('SELECT count(*) AS n FROM machine_index').get() as { n: number }).n;
const importPkg = (core: TempCore, base64: string, confirmFingerprint?: string) =>
  core.call('settings.importPackage', { fileName: '冠县-县局下发包.agripkg', base64, confirmFingerprint });

describe('county package: export at the county, load at a station', () => {
  it('holds no names, ID numbers or phone numbers (searched in the file bytes and the unpacked contents)', () => {
    const file = Buffer.from(packageB64, 'base64');
    const envelope = JSON.parse(file.toString('utf8')) as { body: string };
    const body = gunzipSync(Buffer.from(envelope.body, 'base64'));
    for (const bytes of [file, body]) {
      for (let i = 0; i < 18; i++) {
        for (const n of [i * 10 + 1, i * 10 + 2]) {
          expect(bytes.includes(Buffer.from(nthResidentId(n).idNumber))).toBe(false);
          expect(bytes.includes(Buffer.from(mobile(n)))).toBe(false);
        }
        expect(bytes.includes(Buffer.from(`购机户${i}`))).toBe(false);
        expect(bytes.includes(Buffer.from(`报废户${i}`))).toBe(false);
      }
      expect(bytes.includes(Buffer.from('东柳林村'))).toBe(false);
    }
    // …while the numbers themselves are there, normalised
    expect(body.includes(Buffer.from((machines[3]?.serial ?? '').replace(/-/g, '')))).toBe(true);
  });

  it('a first import asks to confirm the county key fingerprint and changes nothing until then', async () => {
    const core = liulin();
    const first = expectOk<ImportPackageOutput>(await importPkg(core, packageB64));
    expect(first).toMatchObject({ status: 'needsConfirmation', fingerprint });
    expect(loads(core)).toBe(0);
    expect(expectFail(await importPkg(core, packageB64, 'AAAA-BBBB-CCCC-DDDD-EEEE'), 'VALIDATION').message).toMatch(/指纹.*不一致/);
    const loaded = expectOk<ImportPackageOutput>(await importPkg(core, packageB64, fingerprint.toLowerCase()));
    expect(loaded.status).toBe('loaded');
    expect(indexRows(core)).toBe(18 * 5);
    // a verified backup was made just before the package was applied
    const backupDir = localBackupDir(core.dbPath);
    const reasons = readdirSync(backupDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(backupDir, f), 'utf8'));
    expect(reasons.some((r) => r.includes('"pre-import"'))).toBe(true);
    expect(expectOk<ImportPackageOutput>(await importPkg(core, packageB64)).status).toBe('alreadyLoaded');
  });

  it('applies the catalogue, the township’s real share, the calendar and county-wide settings', async () => {
    const core = liulin();
    const live = catalogRepo.getLiveVersion(core.db, 2025);
    expect(live?.title).toBe('2025年山东省农机购置与应用补贴额一览表（县局）');
    const targets = expectOk<TargetsView>(await core.call('targets.get', { year: 2025 }));
    expect(targets.sharesAreDefault).toBe(false);
    expect(targets.shares).toEqual([expect.objectContaining({ townshipCode: stationCode(0), scrapCount: 15, purchaseCount: 133 })]);
    const cfg = (k: string) =>
      JSON.parse((core.db.prepare('SELECT value_json FROM config WHERE key = ?').get(k) as { value_json: string }).value_json);
    expect(cfg('holidays')).toContain('2027-01-01');
    const calendar = expectOk<{ years: { year: number; source: string; holidays: string[] }[] }>(await core.call('settings.calendar', {}));
    expect(calendar.years.find((y) => y.year === 2027)).toMatchObject({ source: '国办发明电（2026）9号', holidays: ['2027-01-01'] });
    expect(cfg('buyerYearlyLimit')).toBe(5);
    const status = expectOk<PackageStatus>(await core.call('settings.packageStatus', {}));
    expect(status).toMatchObject({ countyFingerprint: fingerprint, stale: false, staleAfterDays: 30 });
    expect(status.loaded?.summary.machineIndex).toBe(90);
  });

  it('refuses every machine subsidised or scrapped at another station, at the live check and at save, however typed', async () => {
    const core = liulin();
    const farmer = await addFarmer(core, 7, { name: '新购机户' });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 17 }),
        fc.nat(),
        fc.constantFrom('serial', 'engineOfScrap', 'scrap'),
        async (i, how, what) => {
          const m = machines[i] as (typeof machines)[number];
          const where = `${2025} 年在${townshipName(m.township)}`;
          if (what === 'scrap') {
            const check = expectOk<MachineCheckOutput>(
              await core.call('machineIndex.check', {
                purpose: 'scrap',
                engineNo: variant(m.scrapEngine, how),
                plateNo: variant(m.plate, how + 1),
              }),
            );
            expect(check.hits.map((h) => [h.source, h.field])).toEqual([
              ['county', 'engineNo'],
              ['county', 'plateNo'],
            ]);
            expect(check.hits[0]?.message).toContain(`该发动机号已于 ${where}登记报废`);
            const saved = expectFail(
              await core.call(
                'scraps.create',
                tractorScrap(farmer.id, { engineNo: variant(m.scrapEngine, how), frameNo: 'FR-NEW-1', plateNo: '鲁15-99999' }),
              ),
              'CONFLICT',
            );
            expect(saved.issues?.[0]?.path).toEqual(['engineNo']);
            expect(saved.message).toContain(where);
            return;
          }
          const input =
            what === 'serial'
              ? { factoryNo: variant(m.serial, how), engineNo: 'ENG-NEVER-SEEN' }
              : { factoryNo: 'SN-NEVER-SEEN-1', engineNo: variant(m.scrapEngine, how) };
          const check = expectOk<MachineCheckOutput>(await core.call('machineIndex.check', { purpose: 'purchase', ...input }));
          expect(check.hits).toHaveLength(1);
          const hit = check.hits[0];
          expect(hit).toMatchObject({ source: 'county', townshipName: townshipName(m.township), year: 2025 });
          expect(hit?.message).toContain(
            what === 'serial' ? `该出厂编号已于 ${where}申请过购置补贴` : `该发动机号属于 ${where}登记报废的农机`,
          );
          const saved = expectFail(await core.call('purchases.create', tractorPurchase(farmer.id, input)), 'CONFLICT');
          expect(saved.issues?.[0]?.path).toEqual([what === 'serial' ? 'factoryNo' : 'engineNo']);
          expect(saved.message).toBe(hit?.message);
        },
      ),
      { numRuns: 60, seed: 1414 },
    );
    // nothing was saved by any refused attempt
    expect((core.db.prepare('SELECT count(*) AS n FROM purchases WHERE farmer_id = ?').get(farmer.id) as { n: number }).n).toBe(0);
  });

  it('passes numbers the county has never seen, and catches this station’s own duplicate at the scan too', async () => {
    const core = liulin();
    const fresh = serials.slice(100, 140);
    for (const s of fresh) {
      const check = expectOk<MachineCheckOutput>(await core.call('machineIndex.check', { purpose: 'purchase', factoryNo: s }));
      expect(check.hits).toEqual([]);
    }
    // 柳林镇's own serial: the live file answers (with the full local message), the package does not repeat it
    const own = expectOk<MachineCheckOutput>(
      await core.call('machineIndex.check', { purpose: 'purchase', factoryNo: variant(machines[0]?.serial as string, 0) }),
    );
    expect(own.hits.map((h) => h.source)).toEqual(['local']);
    expect(own.hits[0]?.message).toMatch(/已于 .* 申请过购置补贴/);
    const farmer = await addFarmer(core, 8);
    const ok = await core.call('purchases.create', tractorPurchase(farmer.id, { factoryNo: fresh[0], engineNo: 'ENG-FRESH-1' }));
    expect(ok.ok).toBe(true);
  });
});

describe('a hostile or stale package is refused and changes nothing', () => {
  const unchanged = async (core: TempCore, run: () => Promise<void>) => {
    const before = { loads: loads(core), index: indexRows(core) };
    await run();
    expect({ loads: loads(core), index: indexRows(core) }).toEqual(before);
  };

  it('refuses a package with any one byte changed', async () => {
    const core = liulin();
    const bytes = Buffer.from(packageB64, 'base64');
    const text = bytes.toString('utf8');
    const positions = [
      text.indexOf('"body":"') + 20,
      text.indexOf('"body":"') + 2000,
      bytes.length - 10,
      text.indexOf('"signature":"') + 30,
      text.indexOf('"publicKey":"') + 40,
      5,
    ];
    await unchanged(core, async () => {
      for (const at of positions) {
        const forged = Buffer.from(bytes);
        forged[at] = forged[at] === 0x41 ? 0x42 : 0x41;
        const error = expectFail(await importPkg(core, forged.toString('base64')), 'VALIDATION');
        expect(error.message).toMatch(/签名无效|已损坏|不是由本站登记的县局密钥/);
      }
    });
  });

  it('refuses a package signed by another key, and one older than the loaded package', async () => {
    const core = liulin();
    const foreign = expectOk<{ base64: string }>(await otherCounty.call('county.exportPackage', {}));
    await unchanged(core, async () => {
      expect(expectFail(await importPkg(core, foreign.base64), 'VALIDATION').message).toMatch(/不是由本站登记的县局密钥签名/);
    });
    // a newer package from the pinned county loads; the first one is then older and refused
    const newer = expectOk<{ base64: string }>(await county.call('county.exportPackage', { staleAfterDays: 45 }));
    expect(expectOk<ImportPackageOutput>(await importPkg(core, newer.base64)).status).toBe('loaded');
    await unchanged(core, async () => {
      expect(expectFail(await importPkg(core, packageB64), 'VALIDATION').message).toMatch(/早于本站已导入的下发包/);
    });
  });

  it('refuses what is not a package, and the county cannot load one', async () => {
    const core = liulin();
    await unchanged(core, async () => {
      expect(expectFail(await importPkg(core, Buffer.from('SQLite format 3\0 not json').toString('base64')), 'VALIDATION').message).toMatch(
        /不是县局下发包/,
      );
      expect(
        expectFail(await importPkg(core, Buffer.from('{"format":"agri-county-package"}').toString('base64')), 'VALIDATION').message,
      ).toMatch(/不是县局下发包/);
    });
    expect(expectFail(await importPkg(county, packageB64), 'FORBIDDEN').message).toMatch(/站长/);
    expect((await stations[1]?.call('county.exportPackage', {}))?.ok).toBe(false);
  });

  it('reminds the station once its package is older than the number of days the county set (45 in the newer package)', async () => {
    const core = liulin();
    const loaded = expectOk<PackageStatus>(await core.call('settings.packageStatus', {}));
    expect(loaded).toMatchObject({ staleAfterDays: 45, stale: false });
    const exportedAt = Date.parse(loaded.loaded?.exportedAt as string);
    core.ctx.now = steppingClock(exportedAt + 31 * DAY);
    await signIn(core);
    expect(expectOk<PackageStatus>(await core.call('settings.packageStatus', {}))).toMatchObject({ stale: false, loaded: { ageDays: 31 } });
    core.ctx.now = steppingClock(exportedAt + 46 * DAY);
    await signIn(core);
    expect(expectOk<PackageStatus>(await core.call('settings.packageStatus', {}))).toMatchObject({ stale: true, loaded: { ageDays: 46 } });
  });
});
