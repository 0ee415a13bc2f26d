import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { setUpInstallation } from '../support/setup';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/services/audit-chain';
import { importStationFile, type ImportOptions } from '../../db/services/county-import';
import type { ImportOutcome } from '../../shared/schemas/county';
import { expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { forge, freshKeyPair, readManifest, setManifest, stationKeyPair } from '../support/forge';
import { rechain } from '../support/history';
import { addFarmer, addVerifiedPurchase, exportTo, fileState, stationWith } from '../support/stations';

const LIULIN = '371525103';
const QINGSHUI = '371525104';

let dir: string;
let a: TempCore;
let b: TempCore;
let county: TempCore;
let goodA: string;
let goodB: string;
let idA: string;
let idB: string;

const stationIdOf = (core: TempCore) => (core.db.prepare('SELECT station_id FROM installation').get() as { station_id: string }).station_id;
const imp = (core: TempCore, path: string, opts: ImportOptions = {}): ImportOutcome =>
  importStationFile(core.ctx, { fileName: 'file.agri', path }, opts);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-forged-'));
  a = await stationWith(LIULIN, Date.UTC(2025, 2, 1), async (core) => {
    const f = await addFarmer(core, 1, { name: '张三' });
    await addVerifiedPurchase(core, f.id);
    await addFarmer(core, 2, { name: '李四' });
  });
  b = await stationWith(QINGSHUI, Date.UTC(2025, 2, 1), async (core) => {
    await addFarmer(core, 3, { name: '王五' });
  });
  idA = stationIdOf(a);
  idB = stationIdOf(b);
  goodA = exportTo(a, dir);
  goodB = exportTo(b, dir);
  county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
  (await setUpInstallation(county, { role: 'county', name: '县局' }));
  expect(imp(county, goodA, { trustNew: true }).status).toBe('accepted');
  expect(imp(county, goodB, { trustNew: true }).status).toBe('accepted');
});

afterAll(() => {
  [a, b, county].forEach((c) => c.dispose());
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const out = () => join(dir, `forged-${++n}.agri`);
const keyA = () => stationKeyPair(a);

/** Changes one manifest field after signing (the signature is left as it was). */
const manifestField = (key: string, value: (old: string) => string) => () =>
  forge(goodA, out(), (db) => setManifest(db, key, value(readManifest(db)[key] ?? '')));

/** Re-labels every trace of station A in the file as `stationId`/`township`. */
function relabel(db: Database.Database, stationId: string, township: string): void {
  for (const t of ['farmers', 'purchases', 'application_events', 'audit_log', 'vouchers', 'scraps', 'partners'])
    db.prepare(`UPDATE ${t} SET station_id = ?`).run(stationId);
  db.prepare('UPDATE installation SET station_id = ?, township_code = ?').run(stationId, township);
  setManifest(db, 'station_id', stationId);
  setManifest(db, 'township_code', township);
}

const CASES: [string, () => string, RegExp][] = [
  // each manifest field changed after signing
  ...(
    [
      ['station_id', () => idB],
      ['township_code', () => QINGSHUI],
      ['township_name', () => '清水镇'],
      ['schema_version', (v: string) => String(Number(v) - 1)],
      ['exported_at', () => '2025-04-01T00:00:00.000Z'],
      ['exported_by', () => '别人'],
      ['row_counts', (v: string) => v.replace('"farmers":2', '"farmers":3')],
      ['data_sha256', () => 'f'.repeat(64)],
      ['history_length', (v: string) => String(Number(v) + 1)],
      ['history_head', () => 'a'.repeat(64)],
      ['public_key', () => freshKeyPair().publicKey],
      ['format_version', () => '1'],
    ] as [string, (v: string) => string][]
  ).map(([k, v]): [string, () => string, RegExp] => [`manifest field ${k} changed after signing`, manifestField(k, v), /签名无效/]),
  ['an extra manifest field added after signing', () => forge(goodA, out(), (db) => setManifest(db, 'note', 'x')), /签名无效/],
  [
    'data rows changed with the digest recomputed (not re-signed)',
    () =>
      forge(goodA, out(), 'UPDATE purchases SET total_fen = total_fen + 100000, purchase_fen = purchase_fen + 100000', { redigest: true }),
    /签名无效/,
  ],
  [
    'data rows changed, re-digested and signed by a made-up key',
    () =>
      forge(goodA, out(), 'UPDATE purchases SET total_fen = total_fen + 100000, purchase_fen = purchase_fen + 100000', {
        redigest: true,
        resignWith: freshKeyPair(),
      }),
    /签名密钥与已登记的不一致/,
  ],
  [
    'a valid file from A re-labelled as station B and re-signed with A’s key',
    () => forge(goodA, out(), (db) => relabel(db, idB, QINGSHUI), { redigest: true, resignWith: keyA() }),
    /签名密钥与已登记的不一致/,
  ],
  [
    'a valid file from A re-labelled as a new station and re-signed with A’s key',
    () =>
      forge(goodA, out(), (db) => relabel(db, '11111111-1111-4111-8111-111111111111', '371525105'), { redigest: true, resignWith: keyA() }),
    /已登记给.*另一个站点/,
  ],
  [
    'a file signed by a fresh key for enrolled station A',
    () => forge(goodA, out(), () => undefined, { resignWith: freshKeyPair() }),
    /签名密钥与已登记的不一致/,
  ],
  ['a truncated signature', manifestField('signature', (s) => s.slice(0, 60)), /签名无效/],
  [
    'the signature of another file',
    () => forge(goodA, out(), (db) => setManifest(db, 'signature', readManifestOf(goodB).signature ?? '')),
    /签名无效/,
  ],
  ['no signature', () => forge(goodA, out(), (db) => setManifest(db, 'signature', null)), /没有签名/],
  [
    'exported in the future (signed by the station)',
    () => forge(goodA, out(), (db) => setManifest(db, 'exported_at', '2031-01-01T00:00:00.000Z'), { resignWith: keyA() }),
    /晚于今天/,
  ],
  [
    'row counts that disagree with the contents (signed by the station)',
    () =>
      forge(goodA, out(), (db) => setManifest(db, 'row_counts', readManifest(db).row_counts!.replace('"farmers":2', '"farmers":5')), {
        resignWith: keyA(),
      }),
    /记录数与文件内容不符/,
  ],
  [
    'an impossible date 9999-02-30 (signed by the station)',
    () => forge(goodA, out(), "UPDATE purchases SET purchase_date = '9999-02-30'", { redigest: true, resignWith: keyA() }),
    /日期不存在/,
  ],
  [
    'a date far in the future (signed by the station)',
    () => forge(goodA, out(), "UPDATE farmers SET updated_at = '2099-01-01T00:00:00.000Z'", { redigest: true, resignWith: keyA() }),
    /日期超出合理范围/,
  ],
  [
    'a bidi override in a name (signed by the station)',
    () =>
      forge(goodA, out(), "UPDATE farmers SET name = '张' || char(0x202E) || '三' WHERE name = '张三'", {
        redigest: true,
        resignWith: keyA(),
      }),
    /name：含有改变文字方向的隐藏字符（U\+202E）/,
  ],
  [
    'a NUL character in a village (signed by the station)',
    () => forge(goodA, out(), "UPDATE farmers SET village = '东' || char(0) || '村'", { redigest: true, resignWith: keyA() }),
    /控制字符/,
  ],
  [
    'a zero-width space in a phone (signed by the station)',
    () => forge(goodA, out(), "UPDATE farmers SET address = '东街' || char(0x200B)", { redigest: true, resignWith: keyA() }),
    /零宽字符（U\+200B）/,
  ],
  [
    'an audit row edited without recomputing the chain (signed by the station)',
    () => forge(goodA, out(), "UPDATE audit_log SET operator = '别人' WHERE chain_seq = 2", { redigest: true, resignWith: keyA() }),
    /历史记录被改写/,
  ],
  [
    'history rewritten: an audit row edited, chain recomputed, validly signed',
    () =>
      forge(
        goodA,
        out(),
        (db) => {
          db.prepare("UPDATE audit_log SET after_json = '{}' WHERE chain_seq = 3").run();
          rechain(db, idA);
        },
        { redigest: true, resignWith: keyA() },
      ),
    /历史记录被改写.*第 3 条/,
  ],
  [
    'history rewritten: an audit row removed, chain recomputed, validly signed',
    () =>
      forge(
        goodA,
        out(),
        (db) => {
          db.prepare('DELETE FROM audit_log WHERE chain_seq = 2').run();
          rechain(db, idA);
          setManifest(
            db,
            'row_counts',
            JSON.stringify({
              ...JSON.parse(readManifest(db).row_counts!),
              audit_log: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
            }),
          );
        },
        { redigest: true, resignWith: keyA() },
      ),
    /历史记录被改写.*第 2 条/,
  ],
  [
    'a directory path',
    () => {
      const p = join(dir, `folder-${++n}.agri`);
      mkdirSync(p);
      return p;
    },
    /文件夹/,
  ],
];

function readManifestOf(path: string): Record<string, string> {
  let m: Record<string, string> = {};
  forge(path, join(dir, `peek-${++n}.agri`), (db) => {
    m = readManifest(db);
  });
  return m;
}

describe('forged and broken station files', () => {
  it('has at least 20 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('refuses %s with a Chinese reason, leaving the county file unchanged', (_name, make, reason) => {
    const path = make();
    const before = fileState(county.dbPath);
    const outcome = imp(county, path);
    expect(outcome.status).toBe('refused');
    expect(outcome.reasons.join('；')).toMatch(reason);
    expect(fileState(county.dbPath)).toBe(before);
  });

  it('a refused directory does not stop the other files of the same batch', async () => {
    const folder = join(dir, 'a-folder.agri');
    mkdirSync(folder);
    const r = expectOk<{ results: ImportOutcome[] }>(
      await county.call('county.importStations', { files: [{ fileName: 'ok.agri', base64: Buffer.from('x').toString('base64') }] }),
    );
    expect(r.results[0]?.status).toBe('refused');
    const outcomes = [folder, goodA].map((p) => imp(county, p));
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'accepted']);
  });

  it('names the first divergent entry of rewritten history, and imports it only when confirmed, listing 历史记录被改写', async () => {
    const path = forge(
      goodA,
      out(),
      (db) => {
        db.prepare('UPDATE audit_log SET after_json = \'{"total":1}\' WHERE chain_seq = 4').run();
        rechain(db, idA);
      },
      { redigest: true, resignWith: keyA() },
    );
    const refused = imp(county, path);
    expect(refused.status).toBe('refused');
    expect(refused.historyRewrite?.seq).toBe(4);
    const accepted = imp(county, path, { acceptRewrittenHistory: true });
    expect(accepted.status).toBe('accepted');
    const list = expectOk<{ items: { kind: string; records: { detail: string }[] }[] }>(
      await county.call('county.conflicts', { kind: 'history_rewritten', pageSize: 50 }),
    );
    expect(list.items.length).toBe(1);
    expect(list.items[0]?.records[0]?.detail).toMatch(/第 4 条/);
    // the accepted head moved: the old file no longer extends it and is flagged, not silently taken
    expect(imp(county, goodA).historyRewrite).not.toBeNull();
  });
});

describe('old data', () => {
  it('an audit snapshot quoting a zero-width character typed before the counter refused it does not lock the station out', () => {
    appendAudit(b.db, {
      id: '99999999-9999-4999-8999-999999999999',
      station_id: idB,
      at: '2025-03-02T08:00:00.000Z',
      operator: '站长',
      method: 'farmers.update',
      entity: 'farmer',
      entity_id: '99999999-9999-4999-8999-999999999999',
      before_json: null,
      after_json: JSON.stringify({ village: '东街\u200b村' }),
    });
    expect(imp(county, exportTo(b, dir)).status).toBe('accepted');
  });
});

describe('enrolment', () => {
  it('asks to confirm a first-seen key, shows its fingerprint, and pins it only when confirmed', async () => {
    const c = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
    try {
      (await setUpInstallation(c, { role: 'county', name: '县局' }));
      const fp = (expectOk(await a.call('settings.get', {})) as { keyFingerprint: string }).keyFingerprint;
      expect(fp).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
      const before = fileState(c.dbPath);
      const first = imp(c, goodA);
      expect(first.status).toBe('refused');
      expect(first.enrolment).toMatchObject({ stationId: idA, townshipName: '柳林镇', fingerprint: fp });
      expect(fileState(c.dbPath)).toBe(before);
      expect(imp(c, goodA, { trustFingerprints: ['AAAA-AAAA-AAAA-AAAA-AAAA'] }).status).toBe('refused');
      expect(imp(c, goodA, { trustFingerprints: [fp] }).status).toBe('accepted');
      const list = expectOk<{ items: { stationId: string; fingerprint: string; pinnedBy: string }[] }>(await c.call('county.stations', {}));
      expect(list.items).toEqual([expect.objectContaining({ stationId: idA, fingerprint: fp, pinnedBy: '县局' })]);
      // a re-installed station: its new key is refused until re-enrolled, with a reason, audited
      const reinstalled = forge(goodA, out(), () => undefined, { resignWith: freshKeyPair() });
      expect(imp(c, reinstalled).reasons[0]).toMatch(/签名密钥与已登记的不一致/);
      const r = await c.call('county.reenrollStation', { stationId: idA, reason: '' });
      expect(r.ok).toBe(false);
      expectOk(await c.call('county.reenrollStation', { stationId: idA, reason: '站点重装软件' }));
      const again = imp(c, reinstalled);
      expect(again.enrolment?.fingerprint).not.toBe(fp);
      expect(imp(c, reinstalled, { trustFingerprints: [again.enrolment!.fingerprint] }).status).toBe('accepted');
      expect(c.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'county.reenrollStation'").pluck().get()).toBe(1);
    } finally {
      c.dispose();
    }
  });
});
