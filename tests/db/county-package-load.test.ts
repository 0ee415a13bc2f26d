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
  county?.dispose();
  station?.dispose();
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
