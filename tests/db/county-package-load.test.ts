import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig, setConfig } from '../../db/services/config';
import type { ImportPackageOutput } from '../../shared/schemas/county-package';
import { expectFail, expectOk, steppingClock, stationCore, tempCore, type TempCore } from '../support/core';
import { addUser, setUpInstallation } from '../support/setup';

/**
 * The county package carries the county's calendar year by year: a date the county corrects must leave
 * the station too (a holiday kept by mistake moves every working-day deadline), and the station's own
 * years the package does not carry stay. County-wide settings it brings are audited with their earlier
 * values, and only the 县局管理员 may export it (it sets the stations' reminder days).
 */
const START = Date.UTC(2026, 0, 5, 2, 0, 0);
let county: TempCore;
let station: TempCore;
const cores: TempCore[] = [];

const cfg = (core: TempCore, key: Parameters<typeof getConfig>[1]): unknown => getConfig(core.ctx, key);

async function countyCalendar(holidays: string[], makeupWorkdays: string[]): Promise<string> {
  county.db.transaction(() => {
    setConfig(county.ctx, 'holidays', holidays);
    setConfig(county.ctx, 'makeupWorkdays', makeupWorkdays);
    setConfig(county.ctx, 'calendarSources', { '2027': '国办发明电（2026）9号' });
  })();
  return expectOk<{ base64: string }>(await county.call('county.exportPackage', {})).base64;
}

beforeAll(async () => {
  county = tempCore({ now: steppingClock(START) });
  await setUpInstallation(county, { role: 'county' });
  station = await stationCore({ now: steppingClock(START + 3_600_000) });
});

afterAll(() => {
  [county, station, ...cores].forEach((c) => c?.dispose());
});

describe('county package calendar', () => {
  it('replaces each year the package carries, keeps the station’s other years, and audits the change', async () => {
    // the station's own year the county does not carry
    station.db.transaction(() => setConfig(station.ctx, 'holidays', ['2028-01-01']))();
    const first = await countyCalendar(['2027-01-01', '2027-01-02'], []);
    const fp = expectOk<ImportPackageOutput>(await station.call('settings.importPackage', { fileName: 'a.agripkg', base64: first }));
    expect(
      expectOk<ImportPackageOutput>(
        await station.call('settings.importPackage', { fileName: 'a.agripkg', base64: first, confirmFingerprint: fp.fingerprint }),
      ).status,
    ).toBe('loaded');
    expect(cfg(station, 'holidays')).toEqual(['2027-01-01', '2027-01-02', '2028-01-01']);

    // the county corrects 2027-01-02: not a holiday but a make-up working day
    const corrected = await countyCalendar(['2027-01-01'], ['2027-01-02']);
    expect(expectOk<ImportPackageOutput>(await station.call('settings.importPackage', { fileName: 'b.agripkg', base64: corrected })).status).toBe(
      'loaded',
    );
    expect(cfg(station, 'holidays')).toEqual(['2027-01-01', '2028-01-01']);
    expect(cfg(station, 'makeupWorkdays')).toEqual(['2027-01-02']);

    const audit = station.db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE method = 'settings.importPackage' AND entity_id = 'calendar' ORDER BY rowid DESC")
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toEqual({
      years: [{ year: 2027, holidays: ['2027-01-01', '2027-01-02'], makeupWorkdays: [], source: '国办发明电（2026）9号' }],
    });
    expect(JSON.parse(audit.after_json)).toEqual({
      years: [{ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-02'], source: '国办发明电（2026）9号' }],
    });
  });
});

describe('county package settings and who may export', () => {
  it('the read-only 县局业务员 cannot export the package (it writes the reminder days)', async () => {
    const clerk = await addUser(county, { login: 'yewuyuan', displayName: '赵业务员', role: 'countyClerk' });
    const before = cfg(county, 'packageStaleDays');
    const refused = expectFail(await county.call('county.exportPackage', { staleAfterDays: 90 }, clerk.session), 'FORBIDDEN');
    expect(refused.message).toMatch(/县局管理员/);
    expect(cfg(county, 'packageStaleDays')).toBe(before);
  });

  it('a loaded package’s settings are audited with the station’s earlier values', async () => {
    county.db.transaction(() => setConfig(county.ctx, 'buyerYearlyLimit', 6))();
    const pkg = expectOk<{ base64: string }>(await county.call('county.exportPackage', { staleAfterDays: 40 })).base64;
    station.db.transaction(() => setConfig(station.ctx, 'buyerYearlyLimit', 4))();
    expect(expectOk<ImportPackageOutput>(await station.call('settings.importPackage', { fileName: 'c.agripkg', base64: pkg })).status).toBe('loaded');
    expect(cfg(station, 'buyerYearlyLimit')).toBe(6);
    const audit = station.db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE method = 'settings.importPackage' AND entity_id = 'county-settings' ORDER BY rowid DESC")
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toMatchObject({ buyerYearlyLimit: 4, packageStaleDays: 30 });
    expect(JSON.parse(audit.after_json)).toMatchObject({ buyerYearlyLimit: 6, packageStaleDays: 40 });
  });
});

describe('re-pinning the county key (the county lost its key and signs with a new one)', () => {
  it('refuses the new key’s package, refuses a wrong fingerprint, pins the read-out one and audits old and new', async () => {
    const oldFingerprint = (station.db.prepare('SELECT fingerprint FROM county_key').pluck().get() as string) ?? '';
    expect(oldFingerprint).not.toBe('');
    const newCounty = tempCore({ now: steppingClock(START + 86_400_000) });
    cores.push(newCounty);
    await setUpInstallation(newCounty, { role: 'county' });
    const pkg = expectOk<{ base64: string; fingerprint: string }>(await newCounty.call('county.exportPackage', {}));
    expect(pkg.fingerprint).not.toBe(oldFingerprint);
    const load = (base64: string) => station.call('settings.importPackage', { fileName: 'new.agripkg', base64 });
    const repin = (confirmFingerprint: string) =>
      station.call('settings.repinCountyKey', { fileName: 'new.agripkg', base64: pkg.base64, confirmFingerprint });
    const pinnedNow = () => station.db.prepare('SELECT fingerprint FROM county_key').pluck().get();

    // the old pin refuses the new key, and says which key the file has (the card offers to re-pin)
    const refused = expectFail(await load(pkg.base64), 'VALIDATION');
    expect(refused.message).toMatch(/不是由本站登记的县局密钥签名/);
    expect(refused.details).toEqual({ otherCountyKey: true });
    expect(refused.message).not.toContain(pkg.fingerprint);

    // a fingerprint that is not the new key's: nothing changes
    const wrong = expectFail(await repin(oldFingerprint), 'VALIDATION');
    expect(wrong.issues?.[0]?.path).toEqual(['confirmFingerprint']);
    expect(wrong.message).toMatch(/指纹.*不一致/);
    expect(pinnedNow()).toBe(oldFingerprint);
    // without a fingerprint the request is refused by its schema
    expectFail(await station.call('settings.repinCountyKey', { fileName: 'new.agripkg', base64: pkg.base64 }), 'VALIDATION');

    // the fingerprint as read out over the phone (lower case, spaces): pinned and the package loaded
    const typed = pkg.fingerprint.toLowerCase().replace(/-/g, ' ');
    expect(expectOk<ImportPackageOutput>(await repin(typed)).status).toBe('loaded');
    expect(pinnedNow()).toBe(pkg.fingerprint);
    const audit = station.db
      .prepare("SELECT before_json, after_json FROM audit_log WHERE method = 'settings.repinCountyKey' AND entity = 'county_key'")
      .all() as { before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.before_json ?? '{}')).toMatchObject({ fingerprint: oldFingerprint });
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ fingerprint: pkg.fingerprint });

    // from now on the old key is the foreign one, and the new key's packages load as usual
    const old = expectOk<{ base64: string }>(await county.call('county.exportPackage', {}));
    expect(expectFail(await load(old.base64), 'VALIDATION').details).toEqual({ otherCountyKey: true });
    const next = expectOk<{ base64: string }>(await newCounty.call('county.exportPackage', {}));
    expect(expectOk<ImportPackageOutput>(await load(next.base64)).status).toBe('loaded');
    // re-pinning to the key already pinned is refused
    expect(expectFail(await repin(pkg.fingerprint), 'VALIDATION').message).toMatch(/无需重新登记/);
  });
});
