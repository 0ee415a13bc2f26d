// Several station files imported as one batch (issue 16): the plain indexes are set aside once for the whole
// batch and created once at its end, a refused file in the middle leaves nothing of itself, the schema and
// rows afterwards are those of the same files imported one by one, and cross-station conflicts are found.
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStationFile } from '../../db/bench/station-files';
import { importStationFile } from '../../db/services/county-import';
import { importStationFiles } from '../../db/services/county-import-batch';
import { readSchema } from '../../db/transfer/expected-schema';
import { BatchIndexes } from '../../db/transfer/bulk-indexes';
import { openCore } from '../../db/app';
import { forge } from '../support/forge';
import { tempDir, type TempCore } from '../support/core';
import { addFarmer, addVerifiedPurchase, exportTo, stationWith } from '../support/stations';
import { countyCore } from '../support/county-core';

const cores: TempCore[] = [];
let files: ReturnType<typeof tempDir>;
let big: string;
let small: string;
let forged: string;

const county = () => countyCore(Date.UTC(2026, 10, 20), cores);

const schemaOf = (db: Database.Database) =>
  readSchema(db)
    .map((o) => `${o.type} ${o.name} ${o.sql}`)
    .sort();
const hasIndex = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?").get(name) !== undefined;
const rows = (db: Database.Database, table: string) => JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
const entry = (path: string) => ({ fileName: basename(path), path });

/** Files of two stations, each with one farmer whose verified purchase carries the same factory number. */
async function twoStationsSubsidising(factoryNo: string, townships: [string, string], firstFarmer: number): Promise<string[]> {
  const stations = await Promise.all(
    townships.map((township, n) =>
      stationWith(township, Date.UTC(2026, 9, 1), async (s) => {
        const f = await addFarmer(s, firstFarmer + n, { name: `农户${n}` });
        await addVerifiedPurchase(s, f.id, { factoryNo, engineNo: `E-${n}` });
      }),
    ),
  );
  cores.push(...stations);
  return stations.map((s) => exportTo(s, files.dir));
}

beforeAll(() => {
  files = tempDir();
  // purchases over the 5,000-row threshold (indexes set aside), then a small file of another station
  big = generateStationFile(files.dir, 0, { farmers: 300, scraps: 100, purchases: 5_100 }).path;
  small = generateStationFile(files.dir, 1, { farmers: 200, scraps: 50, purchases: 300 }).path;
  // the big file with one purchase changed after signing: refused by the digest check at the end of its merge,
  // after its indexes were set aside inside its savepoint
  forged = forge(big, join(files.dir, 'forged.agri'), "UPDATE purchases SET model = 'X-1' WHERE rowid = 7");
}, 120_000);

afterAll(() => {
  cores.forEach((c) => c.dispose());
  files?.dispose();
});

describe('a batch of station files', () => {
  it('sets the indexes aside once, survives a refused file, and ends as the files imported one by one', async () => {
    const batch = await county();
    const oneByOne = await county();
    const fresh = await county();
    const seen: boolean[] = [];
    const cache = batch.db.pragma('cache_size', { simple: true });
    const live: boolean[] = [];
    const outcomes = importStationFiles(batch.ctx, [forged, big, small].map(entry), { trustNew: true }, () => {
      seen.push(hasIndex(batch.db, 'purchases_ledger_created'));
      // the narrowest index by farmer_id stays live: a farmer's triggers update its purchases and scraps by it
      live.push(hasIndex(batch.db, 'purchases_farmer_date') && hasIndex(batch.db, 'scraps_ledger_farmer'));
    });
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'accepted', 'accepted']);
    expect(outcomes[0]?.reasons.join('；')).toMatch(/校验值不符/);
    // present before the batch and after the refused file's rollback, aside while the small file merged
    expect(seen).toEqual([true, true, false]);
    expect(live).toEqual([true, true, true]);
    expect(hasIndex(batch.db, 'purchases_ledger_created')).toBe(true);
    // the smaller cache used while the indexes were created is the connection's own again
    expect(batch.db.pragma('cache_size', { simple: true })).toBe(cache);
    // the chain index the history check reads stays live throughout
    expect(hasIndex(batch.db, 'audit_log_chain')).toBe(true);
    for (const f of [big, small]) expect(importStationFile(oneByOne.ctx, entry(f), { trustNew: true }).status).toBe('accepted');
    expect(schemaOf(batch.db)).toEqual(schemaOf(fresh.db));
    expect(batch.db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const t of ['farmers', 'scraps', 'purchases', 'farmer_name_grams']) expect(rows(batch.db, t), t).toBe(rows(oneByOne.db, t));
    const plan = batch.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM purchases WHERE factory_no_norm = 'P01'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toContain('purchases_factory_no');
    // a repeat of the whole batch is recognised file by file and changes nothing
    const again = importStationFiles(batch.ctx, [big, small].map(entry), { trustNew: true });
    expect(again.map((o) => [o.status, o.added, o.updated])).toEqual([
      ['accepted', 0, 0],
      ['accepted', 0, 0],
    ]);
  }, 180_000);

  it('records the conflicts between stations of one batch, as one-by-one imports do', async () => {
    const paths = await twoStationsSubsidising('SN-TWICE', ['371525103', '371525104'], 10);
    const batch = await county();
    const oneByOne = await county();
    const outcomes = importStationFiles(batch.ctx, paths.map(entry), { trustNew: true });
    for (const p of paths) importStationFile(oneByOne.ctx, entry(p), { trustNew: true });
    const conflicts = (db: Database.Database) => db.prepare('SELECT kind, key, records_json FROM conflicts ORDER BY kind, key').all();
    expect(conflicts(batch.db)).toEqual(conflicts(oneByOne.db));
    expect(conflicts(batch.db).length).toBeGreaterThan(0);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(outcomes[1]?.conflictsFound).toBeGreaterThan(0);
  }, 120_000);

  it('a batch cut short after a file committed: the file is kept, and its conflicts are looked for when the county file is next opened', async () => {
    const paths = await twoStationsSubsidising('SN-CUT-SHORT', ['371525105', '371525106'], 30);
    const c = await county();
    expect(importStationFile(c.ctx, entry(paths[0] as string), { trustNew: true }).status).toBe('accepted');
    // the second file merged and committed inside a batch, which then never reached its end (the process died)
    const batch = { indexes: new BatchIndexes(c.db), merged: () => undefined };
    const o = importStationFile(c.ctx, entry(paths[1] as string), { trustNew: true }, batch);
    expect([o.status, o.conflictsFound]).toEqual(['accepted', 0]);
    expect(c.db.prepare("SELECT count(*) FROM conflicts WHERE key = 'SNCUTSHORT'").pluck().get()).toBe(0);
    expect(c.db.prepare('SELECT count(*) FROM import_pending_conflicts').pluck().get()).toBe(1);
    c.close();
    const reopened = openCore(c.dbPath, { log: () => undefined });
    try {
      const kinds = reopened.db.prepare("SELECT kind FROM conflicts WHERE key = 'SNCUTSHORT'").pluck().all();
      expect(kinds).toEqual(['serial_twice']);
      expect(reopened.db.prepare('SELECT count(*) FROM import_pending_conflicts').pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  }, 120_000);
});
