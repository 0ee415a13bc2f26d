import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { latestVersion, loadMigrations } from '../../db/migrate';
import { openCore } from '../../db/app';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult } from '../../shared/schemas/ledger-import';
import type { Purchase } from '../../shared/schemas/purchases';
import { buildLedger } from '../fixtures/ledger-xlsx';
import { buildScrapLedger } from '../fixtures/scrap-ledger-xlsx';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { createFarmer, expectOk, farmerInput, stationCore, steppingClock, tempDir, type TempCore } from '../support/core';
import { fileAtVersion, snapshot } from '../support/migration-files';
import { textCandidates } from '../../db/repositories/ledger-text';
import { voucherCandidates } from '../../db/repositories/voucher-candidates';
import type { LedgerFilter } from '../../db/repositories/ledger-query';
import { listPurchases } from '../../db/repositories/purchases';
import { listScraps } from '../../db/repositories/scraps';
import { referenceIds } from '../support/ledger-reference';
import { purchaseMonthItems, purchaseTotals, scrapTotals } from '../../db/repositories/progress';
import { COUNTED_STATUSES } from '../../shared/domain/workflow';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import {
  canonical,
  referencePurchaseMonthItemSql,
  REFERENCE_YEAR_TOTALS_SQL,
  referencePurchaseTotalsSql,
  referenceScrapTotalsSql,
} from '../support/progress-reference';
import { bankDetails, publishAndPay } from '../support/notices';
import { signIn, TEST_PASSWORD } from '../support/setup';

/**
 * Stations hold real records: every migration must carry a populated file forward without loss. A file at
 * each earlier schema version is filled with the rows a working station has (copied, column by column, from
 * a station set up through the app), then opened by the app; every row of every table must still be there.
 */
const MIGRATIONS = loadMigrations();
const LATEST = latestVersion(MIGRATIONS);
const tmp = tempDir('agri-carry-');
let source: TempCore;

const fileAt = (version: number) => fileAtVersion(tmp.dir, version, source.db);

/** The indexes migration 019 creates (four of them rebuilt wider under their old names), as it writes them. */
function indexesOf019(): { name: string; sql: string }[] {
  const m = MIGRATIONS.find((x) => x.version === 19);
  if (!m) throw new Error('migration 019 is missing');
  return [...m.sql.matchAll(/^(CREATE (?:UNIQUE )?INDEX (\w+) ON [^;]+);$/gm)].map((x) => ({ name: x[2] as string, sql: x[1] as string }));
}

async function importLedger(core: TempCore, l: { fileName: string; bytes: Buffer }): Promise<LedgerCommitResult> {
  const started = expectOk<JobStatus>(
    await core.call('ledgerImports.commit', { fileName: l.fileName, base64: l.bytes.toString('base64') }),
  );
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state !== 'done') throw new Error(`ledger import ${done.state}`);
  return done.result as LedgerCommitResult;
}

beforeAll(async () => {
  source = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
  const zhang = await createFarmer(source, farmerInput(1, { name: '张三', ...bankDetails() }));
  await createFarmer(source, farmerInput(2, { name: '李四' }));
  const scrap = expectOk<{ id: string }>(await source.call('scraps.create', tractorScrap(zhang.id)));
  const purchase = expectOk<Purchase>(await source.call('purchases.create', { ...tractorPurchase(zhang.id), scrapId: scrap.id }));
  for (const to of ['accepted', 'verified'] as const) {
    expectOk(await source.call('applications.transition', { kind: 'purchase', ids: [purchase.id], to, checks: ALL_PURCHASE_CHECKS }));
  }
  expectOk(await source.call('vouchers.issue', { kind: 'purchase', applicationId: purchase.id }));
  // 公示 and 兑付 (notices, notice items, payments)
  await publishAndPay(source, 'purchase', purchase.id);
  // a purchase ledger and a scrapping ledger imported (ledger_imports, ledger_records, imported farmers, purchases, scraps)
  const bought = await importLedger(
    source,
    await buildLedger('购置台账.xlsx', 'A', [
      { name: '4月', rows: [{ farmer: 50, machine: 'subsoiler', date: '2025-04-02', serial: 'CARRY001' }] },
    ]),
  );
  const scrapped = await importLedger(source, await buildScrapLedger('报废台账.xlsx'));
  if (bought.purchasesAdded !== 1 || scrapped.scrapsAdded < 1) throw new Error('the ledgers of the source were not imported');
  for (const table of ['notices', 'notice_items', 'payments', 'ledger_imports', 'ledger_records']) {
    if (!source.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()) throw new Error(`the source has no ${table} rows`);
  }
}, 120_000);
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

describe('every earlier schema version, populated, opens in this version without losing a row', () => {
  const versions = Array.from({ length: LATEST - 1 }, (_, i) => i + 1);
  it.each(versions)('from version %i', (version) => {
    const file = fileAt(version);
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
    const file = fileAt(12);
    const core = openCore(file, { log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST);
      await signIn(core);
      const serial = (core.db.prepare('SELECT factory_no FROM purchases').get() as { factory_no: string }).factory_no;
      const check = expectOk<{ hits: { source: string }[]; packageExportedAt: string | null }>(
        await core.call('machineIndex.check', { purpose: 'purchase', factoryNo: serial.toLowerCase() }),
      );
      expect(check).toMatchObject({ hits: [{ source: 'local' }], packageExportedAt: null });
      const status = expectOk<{ loaded: unknown; stale: boolean; countyFingerprint: unknown }>(
        await core.call('settings.packageStatus', {}),
      );
      expect(status).toMatchObject({ loaded: null, stale: true, countyFingerprint: null });
      expect(core.db.prepare('SELECT count(*) FROM machine_index').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });

  it('a station set up before accounts keeps its records and creates its first administrator on first start', async () => {
    const file = fileAt(7);
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
      const farmers = source.db.prepare('SELECT count(*) FROM farmers WHERE voided_at IS NULL').pluck().get() as number;
      expect(farmers).toBeGreaterThan(2);
      expect(expectOk<{ total: number }>(await core.call('farmers.search', {})).total).toBe(farmers);
      // the old free-text operator names stay readable on the old audit rows
      const audit = expectOk<{ items: { operator: string; method: string }[] }>(await core.call('audit.list', { pageSize: 200 }));
      expect(audit.items.filter((a) => a.method === 'farmers.create').map((a) => a.operator)).toEqual(['王会计', '王会计']);
      // a second "first administrator" is refused
      expect((await core.call('auth.createFirstAdmin', { login: 'other', displayName: '别人', password: TEST_PASSWORD }, {})).ok).toBe(
        false,
      );
    } finally {
      core.close();
    }
  });

  it('016 copies scraps and ledger_records out and back: every index and trigger on them is there again, and a scrap of condition 台账未记载 fits afterwards', () => {
    const file = fileAt(15);
    const objects = (f: string) => {
      const db = new Database(f, { readonly: true });
      try {
        return db
          .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('scraps', 'ledger_records') AND type IN ('index', 'trigger') ORDER BY name",
          )
          .all();
      } finally {
        db.close();
      }
    };
    const before = objects(file);
    expect(before.length).toBeGreaterThan(15);
    const db = openDatabase(file);
    try {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // a version-15 file could not hold a scrap of condition 台账未记载 (the copy left it out); now it can
      const unrecorded = source.db.prepare("SELECT * FROM scraps WHERE eligibility = 'unrecorded' LIMIT 1").get() as Record<
        string,
        unknown
      >;
      expect(db.prepare('SELECT count(*) FROM scraps WHERE id = ?').pluck().get(unrecorded.id)).toBe(0);
      const cols = Object.keys(unrecorded);
      db.prepare(`INSERT INTO scraps (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(unrecorded);
      const record = source.db
        .prepare("SELECT * FROM ledger_records WHERE entity = 'scrap' AND entity_id = ?")
        .get(unrecorded.id) as Record<string, unknown>;
      const rc = Object.keys(record);
      db.prepare(`INSERT INTO ledger_records (${rc.join(', ')}) VALUES (${rc.map((c) => `@${c}`).join(', ')})`).run(record);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
    // (less the text index's triggers, which migration 018 adds, the ledger indexes 019 rebuilds and the progress
    // indexes 021 adds: see their own cases)
    const rebuilt = new Set([...indexesOf019().map((i) => i.name), 'scraps_progress_groups', 'scraps_progress_months']);
    const kept = (o: unknown) => !/^scraps_text_/.test((o as { name: string }).name) && !rebuilt.has((o as { name: string }).name);
    expect(objects(file).filter(kept)).toEqual(before.filter(kept));
  });

  it('018 indexes the text of every purchase and scrap already there: each is found by its machine number, model and maker', () => {
    const db = openDatabase(fileAt(17));
    try {
      for (const [table, numbers] of [
        ['purchases', ['factory_no_norm', 'engine_no_norm']],
        ['scraps', ['engine_no_norm', 'frame_no_norm', 'plate_no_norm']],
      ] as const) {
        const rows = db.prepare(`SELECT rowid AS r, * FROM ${table}`).all() as Record<string, string | number | null>[];
        expect(rows.length, table).toBeGreaterThan(0);
        for (const row of rows) {
          const texts = [row.model, row.maker, ...numbers.map((c) => row[c])].filter(
            (t): t is string => typeof t === 'string' && t.length > 0,
          );
          for (const q of texts) {
            const found = textCandidates(db, table, { q, includeVoided: true, sortBy: 'createdAt', sortOrder: 'desc' });
            expect(found, `${table} ${q}`).toContain(row.r);
          }
        }
      }
    } finally {
      db.close();
    }
  });
  it('020 indexes every voucher already there: each is found by its whole number and by its serial, and the new indexes are there', () => {
    const db = openDatabase(fileAt(19));
    try {
      const rows = db.prepare('SELECT rowid AS r, number FROM vouchers').all() as { r: number; number: string }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const q of [row.number, row.number.slice(-6), row.number.slice(-2)]) expect(voucherCandidates(db, { q }), q).toContain(row.r);
      }
      const names = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger')").pluck().all() as string[];
      for (const name of [
        'vouchers_ledger_year',
        'vouchers_ledger_text',
        'vouchers_voided_application',
        'audit_log_entity_kind',
        'vouchers_text_insert',
      ])
        expect(names).toContain(name);
    } finally {
      db.close();
    }
  });

  it('021 adds the dashboard indexes; the carried file’s progress figures equal the pre-021 statements', () => {
    const db = openDatabase(fileAt(20));
    try {
      const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all() as string[];
      for (const name of [
        'purchases_progress_groups',
        'purchases_progress_months',
        'scraps_progress_groups',
        'scraps_progress_months',
        'drying_sites_dashboard',
        'dryers_dashboard',
        'dryer_retirements_dashboard',
        'purchases_scrap_renewal',
      ])
        expect(names).toContain(name);
      const years = db
        .prepare(
          "SELECT DISTINCT CAST(substr(purchase_date, 1, 4) AS INTEGER) FROM purchases WHERE status IN ('verified', 'published', 'paid')",
        )
        .pluck()
        .all() as number[];
      expect(years.length).toBeGreaterThan(0);
      for (const year of years)
        for (const township of [null, ...TOWNSHIP_CODES]) {
          const params = { start: `${year}-01-01`, end: `${year + 1}-01-01`, recentFrom: `${year}-10-03`, township };
          expect(canonical(purchaseTotals(db, params))).toEqual(
            canonical(db.prepare(referencePurchaseTotalsSql(COUNTED_STATUSES)).all(params)),
          );
          expect(canonical(scrapTotals(db, params))).toEqual(canonical(db.prepare(referenceScrapTotalsSql(COUNTED_STATUSES)).all(params)));
          const range = { start: params.start, end: params.end };
          expect(canonical(purchaseMonthItems(db, COUNTED_STATUSES, TOWNSHIP_CODES, range))).toEqual(
            canonical(db.prepare(referencePurchaseMonthItemSql(COUNTED_STATUSES, TOWNSHIP_CODES)).all(range)),
          );
        }
    } finally {
      db.close();
    }
  });

  it('022 sums the carried purchases per year, township, status and terminal; the year totals equal the pre-021 statement', () => {
    const db = openDatabase(fileAt(21));
    try {
      const held = db.prepare('SELECT year, township, status, terminal, n, purchase_fen, scrap_fen FROM purchase_year_totals WHERE n > 0').all();
      const recount = db.prepare(REFERENCE_YEAR_TOTALS_SQL).all();
      expect(held.length).toBeGreaterThan(0);
      expect(canonical(held)).toEqual(canonical(recount));
      const years = [...new Set((held as { year: string }[]).map((r) => Number(r.year)))];
      for (const year of years)
        for (const township of [null, ...TOWNSHIP_CODES]) {
          const params = { start: `${year}-01-01`, end: `${year + 1}-01-01`, recentFrom: `${year}-10-03`, township };
          expect(canonical(purchaseTotals(db, params))).toEqual(
            canonical(db.prepare(referencePurchaseTotalsSql(COUNTED_STATUSES)).all(params)),
          );
        }
    } finally {
      db.close();
    }
  });

  it('019 rebuilds the ledger sort indexes wider and adds the filter indexes; the ledgers list the same rows as before', () => {
    const db = openDatabase(fileAt(18));
    try {
      const indexes = indexesOf019();
      expect(indexes.length).toBe(13);
      for (const { name, sql } of indexes) {
        expect(db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(name), name).toBe(sql);
      }
      expect(db.prepare('SELECT count(*) FROM purchases').pluck().get()).toBeGreaterThan(0);
      const filters: Partial<LedgerFilter>[] = [{}, { includeVoided: true }, { status: 'paid' }, { year: 2025 }, { item: '轮式拖拉机' }];
      for (const f of filters) {
        for (const sortBy of ['createdAt', 'farmer'] as const) {
          const filter: LedgerFilter = { q: '', includeVoided: false, ...f, sortBy, sortOrder: 'desc' };
          expect(
            listPurchases(db, filter, { limit: 50 }).rows.map((r) => r.id),
            JSON.stringify(filter),
          ).toEqual(referenceIds(db, 'purchases', filter).slice(0, 50));
          expect(
            listScraps(db, filter, { limit: 50 }).rows.map((r) => r.id),
            JSON.stringify(filter),
          ).toEqual(referenceIds(db, 'scraps', filter).slice(0, 50));
        }
      }
    } finally {
      db.close();
    }
  });
});
