// A large station file merges with the county tables' plain indexes set aside and rebuilt (issue 16): the
// schema afterwards is exactly a fresh county's, every index agrees with its table, the rows are the file's,
// and a refused merge leaves the indexes where they were.
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStationFile } from '../../db/bench/station-files';
import { importStationFile } from '../../db/services/county-import';
import { readSchema } from '../../db/transfer/expected-schema';
import { mergeRows, type MergeExpectations } from '../../db/transfer/merge';
import { BatchIndexes } from '../../db/transfer/bulk-indexes';
import { openDatabase } from '../../db/connection';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import { RefusedFile } from '../../db/transfer/untrusted';
import { tempDir, type TempCore } from '../support/core';
import { countyCore } from '../support/county-core';

const TABLES = TRAVELLING_TABLES.map((t) => t.name);
let files: ReturnType<typeof tempDir>;
let file: string;
const cores: TempCore[] = [];

const county = () => countyCore(Date.UTC(2026, 10, 20), cores);

const indexes = (db: Database.Database) =>
  readSchema(db)
    .filter((o) => o.type === 'index' || o.type === 'trigger')
    .map((o) => `${o.name} ${o.sql}`)
    .sort();

beforeAll(() => {
  files = tempDir();
  // purchases over the 5,000-row threshold (set aside), farmers and scraps under it (merged row by row)
  file = generateStationFile(files.dir, 0, { farmers: 400, scraps: 100, purchases: 5_200 }).path;
}, 120_000);

afterAll(() => {
  cores.forEach((c) => c.dispose());
  files?.dispose();
});

describe('bulk merge with indexes set aside', () => {
  it('leaves the schema of a fresh county, consistent indexes and exactly the file’s rows', async () => {
    const fresh = await county();
    const c = await county();
    const before = indexes(c.db);
    expect(before.some((x) => x.startsWith('purchases_ledger_created '))).toBe(true);
    const o = importStationFile(c.ctx, { fileName: basename(file), path: file }, { trustNew: true });
    expect([o.status, o.added, o.rejected], o.reasons.join('；')).toEqual(['accepted', 5_700, 0]);
    expect(indexes(c.db)).toEqual(indexes(fresh.db));
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // the rebuilt indexes serve queries: a lookup by a secondary key finds the row through its index
    const plan = c.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM purchases WHERE factory_no_norm = 'P01'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('purchases_factory_no');
    expect(c.db.prepare("SELECT count(*) FROM purchases WHERE factory_no_norm = 'P01'").pluck().get()).toBe(1);
    const src = new Database(file, { readonly: true });
    try {
      for (const t of ['farmers', 'purchases', 'scraps']) {
        const want = JSON.stringify(src.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
        expect(JSON.stringify(c.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()), t).toBe(want);
      }
    } finally {
      src.close();
    }
    // a second import of the same content, now row by row into a table as large as the file: nothing changes
    const again = importStationFile(c.ctx, { fileName: basename(file), path: file }, { trustNew: true });
    expect([again.status, again.added, again.updated, again.unchanged]).toEqual(['accepted', 0, 0, 5_700]);
  }, 120_000);

  it('sets aside unique indexes that only order rows by their key, never one that holds a constraint', async () => {
    const c = await county();
    const names = () => (c.db.pragma('index_list(farmers)') as { name: string }[]).map((i) => i.name).sort();
    const before = names();
    c.db.exec('BEGIN');
    try {
      new BatchIndexes(c.db).setAside('farmers');
      const left = names();
      // (name_pinyin, id) and (township_code, name_pinyin, id) cannot be broken while id is unique
      expect(before).toEqual(expect.arrayContaining(['farmers_ledger_pinyin', 'farmers_ledger_township']));
      expect(left).not.toContain('farmers_ledger_pinyin');
      expect(left).not.toContain('farmers_ledger_township');
      // one live ID number per station is a real rule: it stays, with the primary key
      expect(left).toEqual(expect.arrayContaining(['farmers_live_id_number', 'sqlite_autoindex_farmers_1']));
      expect(c.db.prepare('SELECT name FROM import_indexes_aside WHERE tbl = ? ORDER BY name').pluck().all('farmers')).toEqual(
        before.filter((n) => !left.includes(n)),
      );
    } finally {
      c.db.exec('ROLLBACK');
    }
    expect(names()).toEqual(before);
  });

  it('rolls the dropped indexes back with a refused merge', async () => {
    const c = await county();
    const before = indexes(c.db);
    const src = new Database(file, { readonly: true });
    try {
      const rowCounts = Object.fromEntries(TABLES.map((t) => [t, src.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
      const expect_: MergeExpectations = { digest: '0'.repeat(64), rowCounts, maxDate: '2026-11-21' };
      const stationId = src.prepare('SELECT station_id FROM installation').pluck().get() as string;
      expect(() => c.db.transaction(() => mergeRows(c.db, src, stationId, expect_))()).toThrow(RefusedFile);
    } finally {
      src.close();
    }
    expect(indexes(c.db)).toEqual(before);
    expect(c.db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(0);
  }, 120_000);

  it('notes each index a batch sets aside, and a file opened after a batch was cut short gets them back', async () => {
    const c = await county();
    const before = indexes(c.db);
    const batch = new BatchIndexes(c.db);
    // the batch's first file committed with the indexes aside, then the process died before the batch ended
    c.db.transaction(() => batch.setAside('purchases'))();
    const noted = c.db.prepare('SELECT name, sql, tbl FROM import_indexes_aside ORDER BY name').all() as { name: string; sql: string; tbl: string }[];
    expect(noted.length).toBeGreaterThan(10);
    expect(noted.every((n) => n.tbl === 'purchases' && n.sql.startsWith(`CREATE INDEX ${n.name} ON purchases`))).toBe(true);
    expect(indexes(c.db)).not.toEqual(before);
    // a refused file's rollback takes the drop and its note back together
    c.db.exec('DELETE FROM import_indexes_aside');
    c.db.exec(noted.map((n) => `${n.sql};`).join('\n'));
    expect(() =>
      c.db.transaction(() => {
        batch.setAside('purchases');
        throw new Error('refused');
      })(),
    ).toThrow('refused');
    expect(indexes(c.db)).toEqual(before);
    expect(c.db.prepare('SELECT count(*) FROM import_indexes_aside').pluck().get()).toBe(0);
    c.db.transaction(() => batch.setAside('purchases'))();
    c.close();
    const reopened = openDatabase(c.dbPath);
    try {
      expect(indexes(reopened)).toEqual(before);
      expect(reopened.prepare('SELECT count(*) FROM import_indexes_aside').pluck().get()).toBe(0);
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  }, 120_000);
});
