import { createHash } from 'node:crypto';
import { setUpInstallation } from '../support/setup';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { digestLine, selectAll, TRAVELLING_TABLES } from '../../db/transfer/tables';
import { expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { addFarmer, addVerifiedPurchase, exportTo, fileState, stationWith } from '../support/stations';

let dir: string;
let good: string;
let other: TempCore;
let otherFarmerId: string;
let station: TempCore;
let county: TempCore;

/** A copy of the good file changed with SQL, as a careless or hostile sender might. */
function variant(name: string, sql: string, opts: { redigest?: boolean; writableSchema?: boolean } = {}): string {
  const path = join(dir, `${name}.agri`);
  copyFileSync(good, path);
  const db = new Database(path);
  if (opts.writableSchema) {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
  }
  db.exec(sql);
  if (opts.redigest) {
    // a well-formed file whose manifest matches its (bad) rows: only row validation can catch it
    const hash = createHash('sha256');
    for (const t of TRAVELLING_TABLES)
      for (const row of db.prepare(selectAll(t)).iterate() as IterableIterator<Record<string, unknown>>) hash.update(digestLine(t, row));
    db.prepare("UPDATE export_manifest SET value = ? WHERE key = 'data_sha256'").run(hash.digest('hex'));
  }
  db.close();
  return path;
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
    otherFarmerId = (await addFarmer(core, 9, { name: '王五' })).id;
  });
  county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
  (await setUpInstallation(county, { role: 'county', name: '县局' }));
  expect(importStationFile(county.ctx, { fileName: 'other.agri', path: exportTo(other, dir) }).status).toBe('accepted');
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
    'a duplicate UUID owned by another station',
    () => variant('dup-uuid', `UPDATE farmers SET id = '${otherFarmerId}' WHERE name = '李四'`, { redigest: true }),
    /未通过校验/,
  ],
  [
    'a row of another station',
    () =>
      variant('foreign-row', `UPDATE farmers SET station_id = '${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}' WHERE name = '李四'`, {
        redigest: true,
      }),
    /未通过校验/,
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
    const outcome = importStationFile(county.ctx, { fileName: 'bad.agri', path });
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
    const outcome = importStationFile(county.ctx, { fileName: 'bad.agri', path });
    expect(outcome.reasons.some((r) => r.includes('农户') && r.includes('校验位'))).toBe(true);
  });

  it('can accept the good rows of a file when asked, counting the rejected ones', () => {
    const path = variant(
      'partial',
      "UPDATE farmers SET id_number = '371525198001010013', id_number_rev = '3100101089152173' WHERE name = '李四'",
      { redigest: true },
    );
    const outcome = importStationFile(county.ctx, { fileName: 'partial.agri', path }, true);
    expect([outcome.status, outcome.rejected]).toEqual(['accepted', 1]);
    expect(county.db.prepare("SELECT count(*) AS n FROM farmers WHERE name = '张三'").get()).toEqual({ n: 1 });
  });

  it('logs refused files beside the database, not in it', async () => {
    const log = expectOk<{ items: { status: string }[] }>(await county.call('county.imports', { pageSize: 100 }));
    expect(log.items.filter((i) => i.status === 'refused').length).toBeGreaterThanOrEqual(CASES.length);
  });
});
