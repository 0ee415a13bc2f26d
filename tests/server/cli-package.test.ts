import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { agri } from '../support/cli';
import { tractorPurchase } from '../support/counter';
import { farmerInput } from '../support/farmers';
import { TEST_PASSWORD } from '../support/setup';

let tmp: { dir: string; dispose(): void };
beforeAll(() => {
  tmp = tempDir('agri-cli-package-');
});
afterAll(() => tmp.dispose());

const pw = { AGRI_PASSWORD: TEST_PASSWORD };

describe('agri export-package / import-package', () => {
  it('the county writes the package; a station pins the county key only with --fingerprint, then refuses a tampered file', async () => {
    const qingshui = join(tmp.dir, 'qingshui.db');
    const liulin = join(tmp.dir, 'liulin.db');
    const county = join(tmp.dir, 'county.db');
    const out = join(tmp.dir, 'out');
    expect((await agri(['init', '--db', qingshui, '--role', 'station', '--township', '清水镇', '--admin', 'zhanzhang', '--name', '站长'], pw)).code).toBe(0);
    const farmer = (await agri(['call', 'farmers.create', JSON.stringify(farmerInput(1, { townshipCode: '371525104' })), '--db', qingshui, '--user', 'zhanzhang'], pw))
      .json as { data: { id: string } };
    const bought = await agri(['call', 'purchases.create', JSON.stringify(tractorPurchase(farmer.data.id, { factoryNo: 'QS-0001' })), '--db', qingshui, '--user', 'zhanzhang'], pw);
    expect(bought.code).toBe(0);
    expect((await agri(['export-station', '--db', qingshui, '--out', out, '--user', 'zhanzhang'], pw)).code).toBe(0);
    expect((await agri(['init', '--db', county, '--role', 'county', '--admin', 'xianju', '--name', '县局'], pw)).code).toBe(0);
    const [stationFile] = readdirSync(out);
    expect((await agri(['import-stations', '--trust-new', '--db', county, '--user', 'xianju', join(out, stationFile as string)], pw)).code).toBe(0);

    const pkg = join(tmp.dir, '下发包.agripkg');
    const exported = await agri(['export-package', '--db', county, '--out', pkg, '--user', 'xianju'], pw);
    expect(exported.code).toBe(0);
    const { fingerprint } = (exported.json as { data: { fingerprint: string } }).data;
    expect(exported.stderr).toContain(fingerprint);

    expect((await agri(['init', '--db', liulin, '--role', 'station', '--township', '柳林镇', '--admin', 'zhanzhang', '--name', '站长'], pw)).code).toBe(0);
    const unconfirmed = await agri(['import-package', '--db', liulin, '--user', 'zhanzhang', pkg], pw);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain(`--fingerprint ${fingerprint}`);
    const loaded = await agri(['import-package', '--fingerprint', fingerprint, '--db', liulin, '--user', 'zhanzhang', pkg], pw);
    expect(loaded.code).toBe(0);
    expect((loaded.json as { data: { status: string; summary: { machineIndex: number } } }).data).toMatchObject({ status: 'loaded', summary: { machineIndex: 2 } });
    const check = await agri(['call', 'machineIndex.check', JSON.stringify({ purpose: 'purchase', factoryNo: 'qs 0001' }), '--db', liulin, '--user', 'zhanzhang'], pw);
    expect((check.json as { data: { hits: { message: string }[] } }).data.hits[0]?.message).toContain('该出厂编号已于 2025 年在清水镇申请过购置补贴');

    const bytes = readFileSync(pkg);
    const at = bytes.length - 40;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
    const forged = join(tmp.dir, 'forged.agripkg');
    writeFileSync(forged, bytes);
    const refused = await agri(['import-package', '--db', liulin, '--user', 'zhanzhang', forged], pw);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/签名无效|已损坏/);
  }, 300_000);
});
