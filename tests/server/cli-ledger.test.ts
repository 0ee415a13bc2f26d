import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { buildLedger, liulinSheets } from '../fixtures/ledger-xlsx';
import { agri } from '../support/cli';
import { tempDir } from '../support/core';
import { TEST_PASSWORD } from '../support/setup';

const tmp = tempDir('agri-cli-ledger-');
const PW = { AGRI_PASSWORD: TEST_PASSWORD };
afterAll(() => tmp.dispose());

describe('agri import-ledger', () => {
  it('--dry-run writes nothing; the import then creates what the dry run said; a second run adds nothing', async () => {
    const db = join(tmp.dir, 'station.db');
    const init = await agri(['init', '--db', db, '--role', 'station', '--township', '柳林镇', '--admin', 'zhanzhang', '--name', '王站长'], PW);
    expect(init.code, init.stderr).toBe(0);
    const ledger = await buildLedger('柳林镇台账.xlsx', 'A', liulinSheets());
    const file = join(tmp.dir, ledger.fileName);
    writeFileSync(file, ledger.bytes);

    const dry = await agri(['import-ledger', '--user', 'zhanzhang', '--db', db, '--dry-run', '--sheet', '1月', '--sheet', '2月', file], PW);
    expect(dry.code, dry.stderr).toBe(0);
    const dryData = (dry.json as { data: { totals: { create: number; attention: number }; sheets: { name: string; selected: boolean }[] } }).data;
    expect(dryData.sheets.filter((s) => s.selected).map((s) => s.name)).toEqual(['1月', '2月']);
    const core = openCore(db, { log: () => undefined });
    expect(core.db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(0);
    core.close();

    const report = join(tmp.dir, '报告.xlsx');
    const run = await agri(['import-ledger', '--user', 'zhanzhang', '--db', db, '--sheet', '1月', '--sheet', '2月', '--report', report, file], PW);
    expect(run.code, run.stderr).toBe(0);
    const data = (run.json as { data: { purchasesAdded: number; importId: string } }).data;
    expect(data.purchasesAdded).toBe(dryData.totals.create + dryData.totals.attention);
    expect(existsSync(report)).toBe(true);

    const again = await agri(['import-ledger', '--user', 'zhanzhang', '--db', db, '--sheet', '1月', '--sheet', '2月', file], PW);
    expect((again.json as { data: { purchasesAdded: number; importId: null } }).data).toMatchObject({ purchasesAdded: 0, importId: null });
    expect(again.stderr).toMatch(/正在读取/);
  }, 180_000);

  it('says which file is missing', async () => {
    const run = await agri(['import-ledger', '--db', join(tmp.dir, 'x.db'), join(tmp.dir, 'nope.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/文件不存在/);
  });
});
