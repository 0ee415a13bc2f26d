// How much of a received file's structure the county checks (issue 16): every page (quick_check), every
// index of the tables it reads through indexes (audit_log, photos, manifest…) against its rows, but not the
// secondary indexes of farmers/scraps/purchases, which it never reads: a file whose purchase index
// disagrees with its rows imports exactly its rows, while one whose audit_log index disagrees is refused.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { tempDir, type TempCore } from '../support/core';
import { forge, stationKeyPair } from '../support/forge';
import { addFarmer, addVerifiedPurchase, exportTo, stationWith } from '../support/stations';
import { countyCore } from '../support/county-core';

const LIULIN = '371525103';
let files: ReturnType<typeof tempDir>;
let station: TempCore;
let good: string;
const cores: TempCore[] = [];

const county = () => countyCore(Date.UTC(2025, 5, 1), cores, '县局');

const imp = (c: TempCore, path: string) => importStationFile(c.ctx, { fileName: 'file.agri', path }, { trustNew: true });

/**
 * The index `index` of `table` left holding the old values of `column` while its rows get `newValue`
 * (the index is pointed at another column during the update, then its own definition is put back):
 * integrity_check finds the mismatch, quick_check does not. Re-digested and re-signed by the station.
 */
function staleIndex(table: string, index: string, column: string, other: string, newValue: string): string {
  const path = join(files.dir, `stale-${index}.agri`);
  forge(good, path, (db) => {
    const sql = db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(index) as string;
    const swap = (to: string) => {
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(to, index);
      db.pragma('writable_schema = OFF');
      db.unsafeMode(false);
    };
    swap(sql.replace(`(${column}`, `(${other}`));
    const again = new Database(db.name);
    again.prepare(`UPDATE ${table} SET ${column} = ${newValue}`).run();
    again.close();
    swap(sql);
  });
  const check = new Database(path, { readonly: true });
  try {
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
  } finally {
    check.close();
  }
  // the rows changed: digest and signature made again by the station's own key (the hostile sender)
  const signed = join(files.dir, `stale-${index}-signed.agri`);
  return forge(path, signed, () => undefined, { redigest: true, resignWith: stationKeyPair(station) });
}

beforeAll(async () => {
  files = tempDir();
  station = await stationWith(LIULIN, Date.UTC(2025, 2, 1), async (core) => {
    const f = await addFarmer(core, 1, { name: '张三' });
    await addVerifiedPurchase(core, f.id, { factoryNo: 'SN-100' });
    await addVerifiedPurchase(core, f.id, { factoryNo: 'SN-200' });
  });
  good = exportTo(station, files.dir);
}, 120_000);

afterAll(() => {
  [station, ...cores].forEach((c) => c?.dispose());
  files?.dispose();
});

describe('structure check of a received file', () => {
  it('imports exactly the rows of a file whose purchase index disagrees with them (that index is never read)', async () => {
    const file = staleIndex('purchases', 'purchases_factory_no', 'factory_no_norm', 'model_norm', "'X' || factory_no_norm");
    const c = await county();
    const o = imp(c, file);
    expect([o.status, o.added], o.reasons.join('；')).toEqual(['accepted', expect.any(Number)]);
    const src = new Database(file, { readonly: true });
    try {
      const rows = (db: Database.Database) => db.prepare('SELECT id, factory_no_norm FROM purchases NOT INDEXED ORDER BY id').all();
      expect(rows(c.db)).toEqual(rows(src));
      expect(rows(c.db)).toEqual([expect.objectContaining({ factory_no_norm: expect.stringMatching(/^XSN/) }), expect.anything()]);
    } finally {
      src.close();
    }
    // the county's own index is its own, built from the rows
    expect(c.db.prepare("SELECT count(*) FROM purchases WHERE factory_no_norm = 'XSN100'").pluck().get()).toBe(1);
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);

  it('never reads a file’s derived tables: junk name pieces and text-index rows do not reach the county', async () => {
    const path = join(files.dir, 'junk-derived.agri');
    forge(good, path, (db) => {
      db.prepare("INSERT INTO farmer_name_grams (gram, updated_at, id, live, township_code) VALUES ('ZZ', '2025-01-01', 'no-such-farmer', 1, ?)").run(LIULIN);
      db.prepare("INSERT INTO purchase_text (rowid, words, numbers) VALUES (424242, 'JUNKWORD', 'JUNKNUMBER')").run();
    });
    const file = forge(path, join(files.dir, 'junk-derived-signed.agri'), () => undefined, { redigest: true, resignWith: stationKeyPair(station) });
    const c = await county();
    const o = imp(c, file);
    expect([o.status, o.added], o.reasons.join('；')).toEqual(['accepted', 17]);
    expect(c.db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(2);
    expect(c.db.prepare("SELECT count(*) FROM farmer_name_grams WHERE gram = 'zz' OR id = 'no-such-farmer'").pluck().get()).toBe(0);
    expect(c.db.prepare("SELECT count(*) FROM purchase_text WHERE purchase_text MATCH 'JUN'").pluck().get()).toBe(0);
    // the county's own pieces: one per character and pair of 张三, for the one farmer
    expect(c.db.prepare('SELECT gram FROM farmer_name_grams ORDER BY gram').pluck().all()).toEqual(['三', '张', '张三']);
  }, 60_000);

  it('refuses a file whose audit_log index disagrees with its rows', async () => {
    const file = staleIndex('audit_log', 'audit_log_at', 'at', 'entity_id', "'2025-03-01T08:00:00.000Z'");
    const c = await county();
    const o = imp(c, file);
    expect(o.status).toBe('refused');
    expect(o.reasons[0]).toMatch(/^文件已损坏，完整性检查未通过/);
    expect(c.db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(0);
  }, 60_000);
});
