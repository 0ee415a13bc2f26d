import { setUpInstallation } from '../support/setup';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { forge, stationKeyPair } from '../support/forge';
import { addFarmer, addVerifiedPurchase, exportTo, fileState, stationWith } from '../support/stations';

let dir: string;
let good: string;
let other: TempCore;
let station: TempCore;
let county: TempCore;

/**
 * A copy of the good file changed with SQL, as a careless or hostile sender might. `redigest`: the
 * manifest made to match the (bad) rows and re-signed with the station's own key — a well-formed,
 * validly signed file that only row validation can catch.
 */
function variant(name: string, sql: string, opts: { redigest?: boolean; writableSchema?: boolean } = {}): string {
  return forge(good, join(dir, `${name}.agri`), sql, {
    writableSchema: opts.writableSchema,
    redigest: opts.redigest,
    resignWith: opts.redigest ? stationKeyPair(station) : undefined,
  });
}

function bytes(name: string, change: (b: Buffer) => Buffer): string {
  const path = join(dir, `${name}.agri`);
  writeFileSync(path, change(readFileSync(good)));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-bad-'));
  station = await stationWith('371525103', Date.UTC(2025, 2, 1), async (core) => {
    const f = await addFarmer(core, 1, { name: '张三' });
    await addVerifiedPurchase(core, f.id);
    await addFarmer(core, 2, { name: '李四' });
  });
  good = exportTo(station, dir);
  other = await stationWith('371525104', Date.UTC(2025, 2, 1), async (core) => {
    await addFarmer(core, 9, { name: '王五' });
  });
  county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
  (await setUpInstallation(county, { role: 'county', name: '县局' }));
  expect(importStationFile(county.ctx, { fileName: 'other.agri', path: exportTo(other, dir) }, { trustNew: true }).status).toBe('accepted');
});

afterAll(() => {
  [station, other, county].forEach((c) => c.dispose());
  rmSync(dir, { recursive: true, force: true });
});

const CASES: [string, () => string, RegExp][] = [
  ['not SQLite', () => bytes('not-sqlite', () => Buffer.from('这不是数据库文件'.repeat(200))), /不是.*SQLite/],
  ['truncated', () => bytes('truncated', (b) => b.subarray(0, Math.floor(b.length / 2) + 100)), /不完整|截断/],
  [
    'a corrupted page',
    () =>
      bytes('corrupt', (b) => {
        const c = Buffer.from(b);
        c.fill(0xa5, 4096 * 2 + 8, 4096 * 2 + 600);
        return c;
      }),
    /损坏|完整性|无法读取|不一致/,
  ],
  [
    'wrong application_id',
    () =>
      bytes('app-id', (b) => {
        const c = Buffer.from(b);
        c.writeUInt32BE(0x12345678, 68);
        return c;
      }),
    /应用标识/,
  ],
  ['a future schema version', () => variant('future', 'PRAGMA user_version = 999'), /更新版本.*升级软件/],
  [
    'a trigger on a table',
    () => variant('trigger', 'CREATE TRIGGER evil AFTER INSERT ON farmers BEGIN DELETE FROM farmers; END'),
    /多出的触发器/,
  ],
  [
    'a view in place of a table',
    () => variant('view', 'DROP TABLE audit_log; CREATE VIEW audit_log AS SELECT * FROM farmers'),
    /应为表|视图/,
  ],
  ['an extra table', () => variant('extra', 'CREATE TABLE payload (x BLOB)'), /多出的表/],
  [
    'an index that disagrees with its table',
    () =>
      variant(
        'index',
        "UPDATE sqlite_schema SET sql = 'CREATE INDEX farmers_name_initials ON farmers (name)' WHERE name = 'farmers_name_initials'",
        { writableSchema: true },
      ),
    /完整性|定义与本软件不一致|损坏/,
  ],
  [
    'an oversized text field',
    () => variant('oversized', `UPDATE farmers SET village = '${'村'.repeat(5000)}'`, { redigest: true }),
    /未通过校验/,
  ],
  [
    'an invalid ID number in a row',
    () =>
      variant(
        'bad-id',
        "UPDATE farmers SET id_number = '371525198001010013', id_number_rev = '310010108915217' || '3' WHERE name = '李四'",
        { redigest: true },
      ),
    /未通过校验/,
  ],
  [
    'a row of another station',
    () =>
      variant('foreign-row', `UPDATE farmers SET station_id = '${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}' WHERE name = '李四'`, {
        redigest: true,
      }),
    /站点编号不是签名站点的/,
  ],
  [
    'rows changed after export',
    () => variant('tampered', 'UPDATE purchases SET total_fen = total_fen + 100000, purchase_fen = purchase_fen + 100000'),
    /校验值不符/,
  ],
  ['a WAL-mode file', () => variant('wal', 'PRAGMA journal_mode = WAL'), /单文件格式/],
  ['no manifest', () => variant('no-manifest', 'DELETE FROM export_manifest'), /清单/],
];

describe('received files are untrusted', () => {
  it.each(CASES)('refuses %s with a Chinese reason and leaves the county file unchanged', (_name, make, reason) => {
    const path = make();
    const before = fileState(county.dbPath);
    const outcome = importStationFile(county.ctx, { fileName: 'bad.agri', path }, { trustNew: true });
    expect(outcome.status).toBe('refused');
    expect(outcome.reasons.join('；')).toMatch(reason);
    expect(fileState(county.dbPath)).toBe(before);
  });

  it('names the bad rows of a refused file', () => {
    const path = variant(
      'bad-id-2',
      "UPDATE farmers SET id_number = '371525198001010013', id_number_rev = '3100101089152173' WHERE name = '李四'",
      { redigest: true },
    );
    const outcome = importStationFile(county.ctx, { fileName: 'bad.agri', path }, { trustNew: true });
    expect(outcome.reasons.some((r) => r.includes('农户') && r.includes('校验位'))).toBe(true);
  });

  it('can accept the good rows of a file when asked, counting the rejected ones', () => {
    const path = variant(
      'partial',
      "UPDATE farmers SET id_number = '371525198001010013', id_number_rev = '3100101089152173' WHERE name = '李四'",
      { redigest: true },
    );
    const outcome = importStationFile(county.ctx, { fileName: 'partial.agri', path }, { acceptPartial: true, trustNew: true });
    expect([outcome.status, outcome.rejected]).toEqual(['accepted', 1]);
    expect(county.db.prepare("SELECT count(*) AS n FROM farmers WHERE name = '张三'").get()).toEqual({ n: 1 });
  });

  it('logs refused files beside the database, not in it', async () => {
    const log = expectOk<{ items: { status: string }[] }>(await county.call('county.imports', { pageSize: 100 }));
    expect(log.items.filter((i) => i.status === 'refused').length).toBeGreaterThanOrEqual(CASES.length);
  });
});
