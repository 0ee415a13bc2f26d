import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../db/connection';
import { latestVersion, loadMigrations, migrate } from '../../db/migrate';
import { openCore } from '../../db/app';
import type { Purchase } from '../../shared/schemas/purchases';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { createFarmer, expectOk, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';
import { signIn, TEST_PASSWORD } from '../support/setup';
import { orderOf } from '../support/table-order';

/**
 * Stations hold real records: every migration must carry a populated file forward without loss. A file at
 * each earlier schema version is filled with the rows a working station has (copied, column by column, from
 * a station set up through the app), then opened by the app; every row of every table must still be there.
 */
const MIGRATIONS = loadMigrations();
const LATEST = latestVersion(MIGRATIONS);
const tmp = tempDir('agri-carry-');
let source: TempCore;

type Row = Record<string, unknown>;

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

function tablesOf(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).sort();
}

/** A file at `version` holding every row of `from` that fits its tables (the columns that existed then). */
let files = 0;
function fileAtVersion(version: number, from: Database.Database): string {
  const file = join(tmp.dir, `v${version}-${++files}.db`);
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const table of tablesOf(db)) {
      const cols = columnsOf(db, table).filter((c) => columnsOf(from, table).includes(c));
      if (!cols.length) continue;
      const list = cols.map((c) => `"${c}"`).join(', ');
      const insert = db.prepare(`INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const row of from.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${orderOf(from, table)}`).raw().all() as unknown[][]) insert.run(...row);
    }
  })();
  db.close();
  return file;
}

function snapshot(file: string): Record<string, Row[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tablesOf(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${orderOf(db, t)}`).all() as Row[]]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  source = await stationCore();
  const zhang = await createFarmer(source, farmerInput(1, { name: '张三' }));
  await createFarmer(source, farmerInput(2, { name: '李四' }));
  const scrap = expectOk<{ id: string }>(await source.call('scraps.create', tractorScrap(zhang.id)));
  const purchase = expectOk<Purchase>(await source.call('purchases.create', { ...tractorPurchase(zhang.id), scrapId: scrap.id }));
  for (const to of ['accepted', 'verified'] as const) {
    expectOk(await source.call('applications.transition', { kind: 'purchase', ids: [purchase.id], to, checks: ALL_PURCHASE_CHECKS }));
  }
  expectOk(await source.call('vouchers.issue', { kind: 'purchase', applicationId: purchase.id }));
}, 60_000);
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

describe('every earlier schema version, populated, opens in this version without losing a row', () => {
  const versions = Array.from({ length: LATEST - 1 }, (_, i) => i + 1);
  it.each(versions)('from version %i', (version) => {
    const file = fileAtVersion(version, source.db);
    const before = snapshot(file);
    expect(Object.values(before).some((rows) => rows.length > 0)).toBe(true);
    const db = openDatabase(file);
    db.close();
    const after = snapshot(file);
    for (const [table, rows] of Object.entries(before)) {
      // every old column of every old row, unchanged (new columns may be added with their defaults)
      const kept = (after[table] ?? []).map((r) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, r[k]])));
      expect(kept, `${table} at version ${version}`).toEqual(rows);
    }
  });

  it('013: a station file from before the county package checks its own machines at the counter and asks for a package', async () => {
    const file = fileAtVersion(12, source.db);
    const core = openCore(file, { log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST);
      await signIn(core);
      const serial = (core.db.prepare('SELECT factory_no FROM purchases').get() as { factory_no: string }).factory_no;
      const check = expectOk<{ hits: { source: string }[]; packageExportedAt: string | null }>(
        await core.call('machineIndex.check', { purpose: 'purchase', factoryNo: serial.toLowerCase() }),
      );
      expect(check).toMatchObject({ hits: [{ source: 'local' }], packageExportedAt: null });
      const status = expectOk<{ loaded: unknown; stale: boolean; countyFingerprint: unknown }>(await core.call('settings.packageStatus', {}));
      expect(status).toMatchObject({ loaded: null, stale: true, countyFingerprint: null });
      expect(core.db.prepare('SELECT count(*) FROM machine_index').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });

  it('a station set up before accounts keeps its records and creates its first administrator on first start', async () => {
    const file = fileAtVersion(7, source.db);
    const core = openCore(file, { log: () => undefined });
    try {
      const session = expectOk<{ needsFirstAdmin: boolean; user: unknown }>(await core.call('auth.session', {}));
      expect(session).toMatchObject({ needsFirstAdmin: true, user: null });
      // nothing but setup state is readable without an account
      expect((await core.call('farmers.search', {})).ok).toBe(false);
      const created = expectOk<{ recoveryCode: string }>(
        await core.call('auth.createFirstAdmin', { login: 'laozhan', displayName: '老站长', password: TEST_PASSWORD }),
      );
      expect(created.recoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
      expect(expectOk<{ total: number }>(await core.call('farmers.search', {})).total).toBe(2);
      // the old free-text operator names stay readable on the old audit rows
      const audit = expectOk<{ items: { operator: string; method: string }[] }>(await core.call('audit.list', { pageSize: 200 }));
      expect(audit.items.filter((a) => a.method === 'farmers.create').map((a) => a.operator)).toEqual(['王会计', '王会计']);
      // a second "first administrator" is refused
      expect((await core.call('auth.createFirstAdmin', { login: 'other', displayName: '别人', password: TEST_PASSWORD }, {})).ok).toBe(false);
    } finally {
      core.close();
    }
  });
});
