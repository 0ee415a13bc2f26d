// A merge writes 017's name pieces and 018's text index once per table instead of once per row (issue 16):
// afterwards both hold exactly what they would hold if built from scratch over the merged rows, new and
// updated alike, the triggers are back as stored, and a file whose ids repeat is refused as a whole.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStationFile } from '../../db/bench/station-files';
import { importStationFile } from '../../db/services/county-import';
import { DERIVED_INSERT_TRIGGERS, setWiseInsertTrigger } from '../../db/transfer/bulk-derived';
import { readSchema } from '../../db/transfer/expected-schema';
import { mergeRows } from '../../db/transfer/merge';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import { RefusedFile } from '../../db/transfer/untrusted';
import { expectOk, tempDir, type TempCore } from '../support/core';
import { addFarmer, addScrap, addVerifiedPurchase, exportTo, stationWith } from '../support/stations';
import { countyCore } from '../support/county-core';

const LIULIN = '371525103';
const cores: TempCore[] = [];
let files: ReturnType<typeof tempDir>;

const county = () => countyCore(Date.UTC(2026, 10, 20), cores);

const imp = (c: TempCore, path: string) => importStationFile(c.ctx, { fileName: basename(path), path }, { trustNew: true });

const migration = (n: string) => readFileSync(new URL(`../../db/migrations/${n}`, import.meta.url), 'utf8');

/** 017's own fill query: every farmer's name pieces, computed from scratch. */
function gramsFromScratch(db: Database.Database): unknown[] {
  const sql = migration('017_farmer_name_grams.sql');
  const select = sql.slice(sql.indexOf('SELECT DISTINCT'), sql.indexOf('ORDER BY 1, 2 DESC, 3;'));
  return db.prepare(`${select} ORDER BY 1, 2, 3`).raw().all();
}

/** Each (trigram, row id) the text index holds, against the same index filled by 018's own statement from scratch. */
function textIndex(db: Database.Database, table: 'purchases' | 'scraps'): { held: unknown[]; fromScratch: unknown[] } {
  const fts = table === 'purchases' ? 'purchase_text' : 'scrap_text';
  const sql = migration('018_ledger_text.sql');
  const start = sql.indexOf(`INSERT INTO ${fts} (rowid, words, numbers)\n  SELECT`);
  const fill = sql.slice(start, sql.indexOf(';', start)).replace(`INSERT INTO ${fts}`, 'INSERT INTO temp.scratch');
  db.exec(
    "CREATE VIRTUAL TABLE temp.scratch USING fts5(words, numbers, content='', contentless_delete=1, tokenize='trigram', detail='none')",
  );
  db.prepare(fill).run({ lo: 0, hi: Number.MAX_SAFE_INTEGER });
  const vocab = (schema: string, name: string) => {
    db.exec(`CREATE VIRTUAL TABLE temp.v_${name} USING fts5vocab(${schema}, ${name}, instance)`);
    return db.prepare(`SELECT v.term, t.id FROM temp.v_${name} v JOIN ${table} t ON t.rowid = v.doc ORDER BY 1, 2`).raw().all();
  };
  try {
    return { held: vocab('main', fts), fromScratch: vocab('temp', 'scratch') };
  } finally {
    db.exec(`DROP TABLE temp.v_${fts}; DROP TABLE temp.v_scratch; DROP TABLE temp.scratch;`);
  }
}

/** Each (trigram, voucher id) 020's voucher_text holds, against the same index filled by 020's own statement. */
function voucherIndex(db: Database.Database): { held: unknown[]; fromScratch: unknown[] } {
  const sql = migration('020_voucher_audit_ledgers.sql');
  const start = sql.indexOf('INSERT INTO voucher_text (rowid, number)\n  SELECT');
  const fill = sql.slice(start, sql.indexOf(';\n', start)).replace('INSERT INTO voucher_text', 'INSERT INTO temp.scratch');
  db.exec("CREATE VIRTUAL TABLE temp.scratch USING fts5(number, content='', contentless_delete=1, tokenize='trigram', detail='none')");
  db.prepare(fill).run({ lo: 0, hi: Number.MAX_SAFE_INTEGER });
  const vocab = (schema: string, name: string) => {
    db.exec(`CREATE VIRTUAL TABLE temp.v_${name} USING fts5vocab(${schema}, ${name}, instance)`);
    return db.prepare(`SELECT v.term, t.id FROM temp.v_${name} v JOIN vouchers t ON t.rowid = v.doc ORDER BY 1, 2`).raw().all();
  };
  try {
    return { held: vocab('main', 'voucher_text'), fromScratch: vocab('temp', 'scratch') };
  } finally {
    db.exec('DROP TABLE temp.v_voucher_text; DROP TABLE temp.v_scratch; DROP TABLE temp.scratch;');
  }
}

function expectDerivedInStep(db: Database.Database): void {
  const grams = db.prepare('SELECT gram, updated_at, id, live, township_code FROM farmer_name_grams ORDER BY 1, 2, 3').raw().all();
  expect(grams.length).toBeGreaterThan(0);
  expect(grams).toEqual(gramsFromScratch(db));
  for (const t of ['purchases', 'scraps'] as const) {
    const { held, fromScratch } = textIndex(db, t);
    expect(held.length, t).toBeGreaterThan(0);
    expect(held, t).toEqual(fromScratch);
  }
  const vouchers = voucherIndex(db);
  expect(vouchers.held.length).toBeGreaterThan(0);
  expect(vouchers.held).toEqual(vouchers.fromScratch);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

const schemaOf = (db: Database.Database) =>
  readSchema(db)
    .map((o) => `${o.type} ${o.name} ${o.sql}`)
    .sort();

beforeAll(() => {
  files = tempDir();
});

afterAll(() => {
  cores.forEach((c) => c.dispose());
  files?.dispose();
});

describe('derived rows written once per merge', () => {
  it('reads each set-aside trigger as set-wise statements, and leaves other shapes alone', async () => {
    const c = await county();
    for (const [name, table] of Object.entries(DERIVED_INSERT_TRIGGERS)) {
      const sql = c.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
      const fills = setWiseInsertTrigger(sql, table);
      expect(fills, name).not.toBeNull();
      for (const f of fills ?? []) expect(() => c.db.prepare(f), f).not.toThrow();
    }
    // a trigger with a WHEN clause, or one that updates, is not a derived-row insert
    for (const name of ['purchases_buyer_township_insert', 'farmers_township_insert']) {
      const sql = c.db.prepare("SELECT sql, tbl_name FROM sqlite_schema WHERE name = ?").get(name) as { sql: string; tbl_name: string };
      expect(setWiseInsertTrigger(sql.sql, sql.tbl_name), name).toBeNull();
    }
  });

  it('holds exactly what per-row triggers would, for large and small files, new and updated rows', async () => {
    const c = await county();
    const fresh = await county();
    // two generated stations (the first's purchases over the index threshold, the second's merged into live
    // indexes), then a services-built station twice: its second file changes a farmer's name and a
    // purchase's model, and adds rows
    for (const [i, purchases] of [[0, 5_100], [1, 400]] as const) {
      const f = generateStationFile(files.dir, i, { farmers: 300, scraps: 200, purchases }).path;
      expect(imp(c, f).status).toBe('accepted');
    }
    let purchaseId = '';
    const station = await stationWith(LIULIN, Date.UTC(2026, 9, 1), async (s) => {
      const zhang = await addFarmer(s, 1, { name: '张三' });
      purchaseId = (await addVerifiedPurchase(s, zhang.id, { factoryNo: 'SN-OLD-1', engineNo: 'E-OLD-1' })).id;
      // a voucher travels too: its number's text index (020) is written set-wise at the merge
      expectOk(await s.call('vouchers.issue', { kind: 'purchase', applicationId: purchaseId }));
      await addScrap(s, zhang.id, { engineNo: 'ENG-OLD', frameNo: 'FR-OLD', plateNo: '鲁15-12345' });
    });
    cores.push(station);
    const first = imp(c, exportTo(station, files.dir));
    expect([first.status, first.added]).toEqual(['accepted', expect.any(Number)]);
    const later = '2026-11-02T08:00:00.000Z';
    station.db.prepare("UPDATE farmers SET name = '张三丰', updated_at = ? WHERE name = '张三'").run(later);
    station.db.prepare("UPDATE purchases SET model = 'XJ-900', model_norm = 'XJ900', updated_at = ? WHERE id = ?").run(later, purchaseId);
    const li = await addFarmer(station, 2, { name: '李四' });
    const liPurchase = await addVerifiedPurchase(station, li.id, { factoryNo: 'SN-NEW-2', engineNo: 'E-NEW-2' });
    expectOk(await station.call('vouchers.issue', { kind: 'purchase', applicationId: liPurchase.id }));
    const second = imp(c, exportTo(station, files.dir));
    expect([second.status, second.updated >= 2, second.added > 0], second.reasons.join('；')).toEqual(['accepted', true, true]);
    expect(c.db.prepare('SELECT model FROM purchases WHERE id = ?').pluck().get(purchaseId)).toBe('XJ-900');
    expectDerivedInStep(c.db);
    // the old name and model are gone from the indexes, the new ones found
    expect(c.db.prepare("SELECT count(*) FROM farmer_name_grams WHERE gram = '三丰'").pluck().get()).toBe(1);
    const rowid = c.db.prepare('SELECT rowid FROM purchases WHERE id = ?').pluck().get(purchaseId);
    expect(c.db.prepare("SELECT rowid FROM purchase_text WHERE purchase_text MATCH 'XJ9 AND J90'").pluck().all()).toEqual([rowid]);
    expect(schemaOf(c.db)).toEqual(schemaOf(fresh.db));
  }, 180_000);

  it('refuses a file whose ids repeat, with the triggers and rows as they were', async () => {
    const c = await county();
    const before = schemaOf(c.db);
    // a source whose primary-key index is unique on (id, updated_at) only: one farmer twice (what a
    // forged index could hand the merge, which reads every table through its primary-key index)
    const src = new Database(':memory:');
    for (const t of TRAVELLING_TABLES) src.exec(`CREATE TABLE ${t.name} (${t.columns.join(', ')}, PRIMARY KEY (id, ${t.columns.includes('updated_at') ? 'updated_at' : 'station_id'}))`);
    const good = generateStationFile(files.dir, 2, { farmers: 3, scraps: 0, purchases: 0 }).path;
    src.prepare('ATTACH DATABASE ? AS f').run(good);
    const cols = TRAVELLING_TABLES[0]!.columns;
    // the second copy of the first farmer is one millisecond newer, so the index holds both
    const later = cols.map((c) => (c === 'updated_at' ? "substr(updated_at, 1, 20) || '001Z'" : c)).join(', ');
    src.exec(`INSERT INTO farmers SELECT ${cols.join(', ')} FROM f.farmers; INSERT INTO farmers SELECT ${later} FROM f.farmers ORDER BY id LIMIT 1`);
    const stationId = src.prepare('SELECT station_id FROM f.installation').pluck().get() as string;
    src.exec('DETACH DATABASE f');
    const expectations = { digest: '0'.repeat(64), rowCounts: { farmers: 4 }, maxDate: '2026-11-21' };
    expect(() => c.db.transaction(() => mergeRows(c.db, src, stationId, expectations))()).toThrow(RefusedFile);
    expect(() => c.db.transaction(() => mergeRows(c.db, src, stationId, expectations))()).toThrow(/重复或顺序错乱/);
    src.close();
    // and a source without a primary-key index at all is not ours: refused before a row is read
    const bare = new Database(':memory:');
    for (const t of TRAVELLING_TABLES) bare.exec(`CREATE TABLE ${t.name} (${t.columns.join(', ')})`);
    expect(() => c.db.transaction(() => mergeRows(c.db, bare, stationId, expectations))()).toThrow(/农户缺少主键索引/);
    bare.close();
    expect(schemaOf(c.db)).toEqual(before);
    expect(c.db.prepare('SELECT count(*) FROM farmers').pluck().get()).toBe(0);
    expect(c.db.prepare('SELECT count(*) FROM farmer_name_grams').pluck().get()).toBe(0);
  }, 60_000);
});
