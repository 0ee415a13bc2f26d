import { join } from 'node:path';
import { setUpInstallation } from '../support/setup';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { loadMigrations } from '../../db/migrate';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult } from '../../shared/schemas/ledger-import';
import { buildLedger } from '../fixtures/ledger-xlsx';
import { farmerId, farmerName } from '../fixtures/ledger-xlsx';
import { expectOk, LIULIN, steppingClock, tempDir } from '../support/core';
import { tractorPurchase } from '../support/counter';
import { mobile } from '../support/ids';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('agri-migrate-010-');
});
afterEach(() => tmp.dispose());

// Skipped since the merge of 012 (chained audit, station keys): this test builds its older-version file through
// today's services, which now read 012's tables; tests/db/migration-carry.test.ts carries a populated file from
// every earlier version instead. See the closing note.
describe.skip('migration 010 (ledger imports) carries an earlier file forward', () => {
  it('keeps every row of a version-9 file and imports a ledger into it afterwards', async () => {
    const file = join(tmp.dir, 'agri.db');
    const now = steppingClock(Date.UTC(2026, 0, 10, 8));
    const old = openCore(file, { now, log: () => undefined, migrations: loadMigrations().filter((m) => m.version <= 9) });
    (await setUpInstallation(old, { role: 'station', townshipCode: LIULIN, name: '王站长' }));
    const farmer = expectOk<{ id: string }>(
      await old.call('farmers.create', {
        kind: 'individual',
        name: farmerName(1),
        idNumber: farmerId(1),
        phone: mobile(1),
        townshipCode: LIULIN,
        village: '东柳林村',
      }),
    );
    expectOk(await old.call('purchases.create', tractorPurchase(farmer.id)));
    expect(old.db.pragma('user_version', { simple: true })).toBe(9);
    const tables = ['farmers', 'purchases', 'audit_log', 'catalog_bands', 'installation'];
    const before = Object.fromEntries(tables.map((t) => [t, old.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
    old.close();

    const core = openCore(file, { now, log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(10);
      for (const t of tables) expect(core.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(), t).toEqual(before[t]);
      expect(core.db.prepare('SELECT count(*) FROM ledger_imports').pluck().get()).toBe(0);

      // the farmer registered before the upgrade is the one an imported row is filed under
      const ledger = await buildLedger('旧台账.xlsx', 'A', [
        { name: '4月', rows: [{ farmer: 1, machine: 'subsoiler', date: '2025-04-02', serial: 'MIG0001' }] },
      ]);
      const started = expectOk<JobStatus>(await core.call('ledgerImports.commit', { fileName: ledger.fileName, base64: ledger.bytes.toString('base64') }));
      const done = (await core.ctx.jobs.wait(started.id)).result as LedgerCommitResult;
      expect(done).toMatchObject({ purchasesAdded: 1, farmersAdded: 0 });
      expect(core.db.prepare("SELECT farmer_id FROM purchases WHERE factory_no_norm = 'MIG0001'").pluck().get()).toBe(farmer.id);
    } finally {
      core.close();
    }
  });
});
