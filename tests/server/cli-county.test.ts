import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { agri } from '../support/cli';
import { farmerInput } from '../support/farmers';
import { TEST_PASSWORD } from '../support/setup';

let tmp: { dir: string; dispose(): void };
beforeAll(() => {
  tmp = tempDir('agri-cli-county-');
});
afterAll(() => tmp.dispose());

describe('agri export-station / import-stations', () => {
  it('a station exports its file and the county imports it from the command line', async () => {
    const station = join(tmp.dir, 'station.db');
    const county = join(tmp.dir, 'county.db');
    const out = join(tmp.dir, 'out');
    const pw = { AGRI_PASSWORD: TEST_PASSWORD };
    expect((await agri(['init', '--db', station, '--role', 'station', '--township', '清水镇', '--admin', 'zhanzhang', '--name', '站长'], pw)).code).toBe(0);
    expect(
      (await agri(['call', 'farmers.create', JSON.stringify(farmerInput(1, { townshipCode: '371525104' })), '--db', station, '--user', 'zhanzhang'], pw)).code,
    ).toBe(0);
    // batch commands need an account too
    const anonymous = await agri(['export-station', '--db', station, '--out', out]);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stdout).toContain('--user');
    const exported = await agri(['export-station', '--db', station, '--out', out, '--user', 'zhanzhang'], pw);
    expect(exported.code).toBe(0);
    const [file] = readdirSync(out);
    expect(file).toMatch(/^冠县-清水镇-\d{8}\.agri$/);

    expect((await agri(['init', '--db', county, '--role', 'county', '--admin', 'xianju', '--name', '县局'], pw)).code).toBe(0);
    // a first-seen station key is not pinned without --trust-new: refused, its fingerprint printed for checking
    const fingerprint = ((await agri(['call', 'settings.get', '{}', '--db', station])).json as { data: { keyFingerprint: string } }).data
      .keyFingerprint;
    const unconfirmed = await agri(['import-stations', '--db', county, '--user', 'xianju', join(out, file!)], pw);
    expect(unconfirmed.code).toBe(1);
    expect(JSON.parse(unconfirmed.stdout.trim())).toMatchObject({ status: 'refused', enrolment: { fingerprint } });
    expect(unconfirmed.stderr).toContain(fingerprint);
    const imported = await agri(['import-stations', '--trust-new', '--db', county, '--user', 'xianju', join(out, file!), join(out, 'missing.agri')], pw);
    expect(imported.code).toBe(1); // one of the two files does not exist
    const lines = imported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; added?: number; reasons?: string[] });
    expect(lines[0]).toMatchObject({ status: 'accepted', pinnedFingerprint: fingerprint });
    expect(imported.stderr).toContain(`指纹 ${fingerprint}`);
    expect(lines[0]!.added).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ status: 'refused', reasons: ['文件不存在'] });
    expect(imported.stderr).toContain('[1/2] 正在导入');
    const found = await agri(['call', 'farmers.search', '{"q":"农户1"}', '--db', county, '--user', 'xianju'], pw);
    expect((found.json as { data: { total: number } }).data.total).toBe(1);
  }, 180_000);
});
