// A station file's new rows are written by one INSERT … SELECT per table from the file attached to the county
// connection (issue 16), after the checks have read every row. The county ends exactly as when the same rows
// are merged one by one: with a row the checks refuse (left out by id), with a live duplicate inside the file
// (the copy hits the unique index, is undone, and the rows go one by one, the second refused), with rows the
// county already holds (merged one by one), and through the import service.
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStationFile } from '../../db/bench/station-files';
import { importStationFile } from '../../db/services/county-import';
import { mergeRows, type MergeResult } from '../../db/transfer/merge';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import { forge, readManifest } from '../support/forge';
import { tempDir, type TempCore } from '../support/core';
import { countyCore } from '../support/county-core';

const ATTACHED = 'station_file';
const DERIVED = ['farmer_name_grams', 'purchase_year_totals'];
const cores: TempCore[] = [];
let files: ReturnType<typeof tempDir>;
let good: string;
let badDate: string;
let liveTwice: string;
let changed: string;
let clash: string;
let takenId: string;

const county = () => countyCore(Date.UTC(2026, 10, 20), cores);

/** Merges `path` into the county, set-wise (the file attached) or row by row, as the import does inside its transaction. */
function merge(core: TempCore, path: string, setWise: boolean, claimNew = false): MergeResult {
  const src = new Database(path, { readonly: true });
  if (setWise) core.db.prepare(`ATTACH DATABASE ? AS ${ATTACHED}`).run(path);
  try {
    const manifest = readManifest(src);
    const stationId = src.prepare('SELECT station_id FROM installation').pluck().get() as string;
    // the forged files' digests are recomputed; their row counts are the file's own
    const rowCounts = Object.fromEntries(TRAVELLING_TABLES.map((t) => [t.name, src.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number]));
    const expectations = { digest: manifest.data_sha256 as string, rowCounts, maxDate: '2026-11-21' };
    // as the import service decides it: a station whose rows the county has never merged
    const newStation = claimNew || core.db.prepare('SELECT 1 FROM farmers WHERE station_id = ?').get(stationId) === undefined;
    const copy = setWise ? { schema: ATTACHED, stationId, newStation } : undefined;
    return core.db.transaction(() => mergeRows(core.db, src, stationId, expectations, undefined, copy))();
  } finally {
    if (setWise) core.db.exec(`DETACH DATABASE ${ATTACHED}`);
    src.close();
  }
}

/** Every travelling table's rows from stations in rowid order (so the order rows were written in counts too), and the derived tables. */
function contents(db: Database.Database): Record<string, string> {
  const out: Record<string, string> = {};
  // the county's own rows (its set-up audit) differ between two counties
  const own = 'station_id <> (SELECT station_id FROM installation)';
  for (const t of TRAVELLING_TABLES) out[t.name] = JSON.stringify(db.prepare(`SELECT * FROM ${t.name} WHERE ${own} ORDER BY rowid`).raw().all());
  for (const t of DERIVED) out[t] = JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).raw().all());
  out.purchase_text = JSON.stringify(db.prepare("SELECT rowid FROM purchase_text WHERE purchase_text MATCH '示例农' ORDER BY rowid").pluck().all());
  return out;
}

const sameCounts = (r: MergeResult) => ({ ...r, copied: 0 });

beforeAll(() => {
  files = tempDir();
  good = generateStationFile(files.dir, 0, { farmers: 200, scraps: 60, purchases: 400 }).path;
  // the fourth purchase dated beyond tomorrow: refused by the checks, so left out of the copy by its id
  badDate = forge(good, join(files.dir, 'bad-date.agri'), "UPDATE purchases SET purchase_date = '2099-01-01' WHERE id = (SELECT id FROM purchases ORDER BY id LIMIT 1 OFFSET 3)", {
    redigest: true,
  });
  // the second farmer given the first one's ID number while both are live (the file's own unique index dropped to
  // allow it; merged here without the opening checks): the county's unique index refuses the copy
  liveTwice = forge(
    good,
    join(files.dir, 'live-twice.agri'),
    `DROP INDEX farmers_live_id_number;
     UPDATE farmers SET (id_number, id_number_rev) = (SELECT id_number, id_number_rev FROM farmers ORDER BY id LIMIT 1)
       WHERE id = (SELECT id FROM farmers ORDER BY id LIMIT 1 OFFSET 1)`,
    { redigest: true },
  );
  // a later file of the same station: some purchases newer, a few new ones
  changed = forge(
    good,
    join(files.dir, 'changed.agri'),
    (db) => {
      db.exec("UPDATE purchases SET model = 'M754-B', updated_at = '2026-11-10T00:00:00.000Z' WHERE rowid % 7 = 0");
      const rows = db.prepare('SELECT * FROM purchases ORDER BY id LIMIT 5').all() as Record<string, unknown>[];
      for (const [n, row] of rows.entries()) {
        const copy = { ...row, id: randomUUID(), factory_no: `PX-${n}`, factory_no_norm: `PX${n}`, engine_no: `ENX-${n}`, engine_no_norm: `ENX${n}`, invoice_no: `INVX${n}` };
        const cols = Object.keys(copy);
        db.prepare(`INSERT INTO purchases (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(copy);
      }
    },
    { redigest: true },
  );
  // another station whose third purchase carries the id of one of the first station's
  const other = generateStationFile(files.dir, 1, { farmers: 50, scraps: 10, purchases: 80 }).path;
  const first = new Database(good, { readonly: true });
  takenId = first.prepare('SELECT id FROM purchases ORDER BY id LIMIT 1 OFFSET 5').pluck().get() as string;
  first.close();
  clash = forge(other, join(files.dir, 'clash.agri'), (db) => {
    db.prepare('UPDATE purchases SET id = ? WHERE id = (SELECT id FROM purchases ORDER BY id LIMIT 1 OFFSET 2)').run(takenId);
  }, { redigest: true });
}, 120_000);

afterAll(() => {
  cores.forEach((c) => c.dispose());
  files?.dispose();
});

describe('set-wise copy of a station file’s new rows', () => {
  it('writes what the row-by-row merge writes, in the same order, with the rows the checks refuse left out', async () => {
    for (const path of [good, badDate]) {
      const a = await county();
      const b = await county();
      const setWise = merge(a, path, true);
      const oneByOne = merge(b, path, false);
      expect(sameCounts(setWise)).toEqual(sameCounts(oneByOne));
      expect(setWise.copied).toBe(setWise.added);
      expect(oneByOne.copied).toBe(0);
      expect(contents(a.db)).toEqual(contents(b.db));
      expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    const bad = await county();
    const r = merge(bad, badDate, true);
    expect([r.rejected, r.rejects[0]?.table]).toEqual([1, '购置登记']);
    expect(r.rejects[0]?.reason).toMatch(/purchase_date：日期超出合理范围/);
    expect(bad.db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBe(399);
    expect(bad.db.prepare("SELECT count(*) FROM purchases WHERE purchase_date = '2099-01-01'").pluck().get()).toBe(0);
  }, 120_000);

  it('falls back to one by one when the copy hits a constraint, refusing the same rows', async () => {
    const a = await county();
    const b = await county();
    const setWise = merge(a, liveTwice, true);
    const oneByOne = merge(b, liveTwice, false);
    expect(sameCounts(setWise)).toEqual(sameCounts(oneByOne));
    // the farmers went one by one (the second holder refused), then the purchases too (the copy hit the
    // refused farmer's foreign key: each farmer has two), both of that farmer's refused
    expect(setWise.perTable.farmers?.rejected).toBe(1);
    expect(setWise.perTable.purchases?.rejected).toBe(2);
    const fellBack = (setWise.perTable.farmers?.added ?? 0) + (setWise.perTable.purchases?.added ?? 0);
    expect(fellBack).toBe(199 + 398);
    expect(setWise.copied).toBeLessThanOrEqual(setWise.added - fellBack);
    expect(setWise.added).toBe(oneByOne.added);
    expect(contents(a.db)).toEqual(contents(b.db));
  }, 120_000);

  it('merges rows the county already holds one by one: a newer copy wins, an equal one is unchanged', async () => {
    const a = await county();
    const b = await county();
    merge(a, good, true);
    merge(b, good, false);
    const setWise = merge(a, changed, true);
    const oneByOne = merge(b, changed, false);
    expect(sameCounts(setWise)).toEqual(sameCounts(oneByOne));
    expect(setWise.updated).toBeGreaterThan(0);
    expect([setWise.added, setWise.copied]).toEqual([5, 5]);
    expect(contents(a.db)).toEqual(contents(b.db));
    // told wrongly that the station is new, the copy finds its own rows among those it skipped: undone, one by one
    const c = await county();
    merge(c, good, true);
    const misled = merge(c, changed, true, true);
    expect(sameCounts(misled)).toEqual(sameCounts(oneByOne));
    expect(misled.copied).toBe(0);
    expect(contents(c.db)).toEqual(contents(b.db));
  }, 120_000);

  it('copies a new station’s rows at once, skipping and listing ids another station’s rows already hold', async () => {
    const a = await county();
    const b = await county();
    for (const c of [a, b]) merge(c, good, c === a);
    const setWise = merge(a, clash, true);
    const oneByOne = merge(b, clash, false);
    expect(sameCounts(setWise)).toEqual(sameCounts(oneByOne));
    expect(setWise.taken.map((x) => [x.table, x.id])).toEqual([['purchases', takenId]]);
    expect(setWise.copied).toBe(setWise.added);
    expect(contents(a.db)).toEqual(contents(b.db));
  }, 120_000);

  it('is how the import service writes a station file, which it attaches only while merging it', async () => {
    const c = await county();
    const o = importStationFile(c.ctx, { fileName: basename(good), path: good }, { trustNew: true });
    const b = await county();
    const oneByOne = merge(b, good, false);
    expect([o.status, o.added, o.rejected], o.reasons.join('；')).toEqual(['accepted', oneByOne.added, 0]);
    expect((c.db.pragma('database_list') as { name: string }[]).map((d) => d.name)).not.toContain(ATTACHED);
    expect(c.db.pragma('cell_size_check', { simple: true })).toBe(0);
    expect(contents(c.db)).toEqual(contents(b.db));
  }, 120_000);
});
