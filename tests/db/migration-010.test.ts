import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult } from '../../shared/schemas/ledger-import';
import { buildLedger, farmerId, farmerName } from '../fixtures/ledger-xlsx';
import { expectOk, LIULIN, stationCore, steppingClock, tempDir, type TempCore } from '../support/core';
import { tractorPurchase } from '../support/counter';
import { mobile } from '../support/ids';
import { fileAtVersion, snapshot } from '../support/migration-files';
import { signIn } from '../support/setup';

// The version-9 file is built by copying rows (tests/support/migration-files), not through today's services.
const tmp = tempDir('agri-migrate-010-');
let source: TempCore;
let farmer: { id: string };
beforeAll(async () => {
  source = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
  farmer = expectOk<{ id: string }>(
    await source.call('farmers.create', { kind: 'individual', name: farmerName(1), idNumber: farmerId(1), phone: mobile(1), townshipCode: LIULIN, village: '东柳林村' }),
  );
  expectOk(await source.call('purchases.create', tractorPurchase(farmer.id)));
}, 60_000);
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

describe('migration 010 (ledger imports) carries an earlier file forward', () => {
  it('keeps every row of a version-9 file and imports a ledger into it afterwards', async () => {
    const file = fileAtVersion(tmp.dir, 9, source.db);
    const tables = ['farmers', 'purchases', 'audit_log', 'catalog_bands', 'installation'];
    const before = snapshot(file);
    expect(before.purchases).toHaveLength(1);
    const core = openCore(file, { now: steppingClock(Date.UTC(2026, 0, 11, 8)), log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
      for (const t of tables) {
        const after = core.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[];
        // every old column of every old row, unchanged
        expect(after.map((r) => Object.fromEntries(Object.keys(before[t]?.[0] ?? {}).map((k) => [k, r[k]]))), t).toEqual(before[t]);
      }
      expect(core.db.prepare('SELECT count(*) FROM ledger_imports').pluck().get()).toBe(0);

      // the farmer registered before the upgrade is the one an imported row is filed under
      await signIn(core);
      const ledger = await buildLedger('旧台账.xlsx', 'A', [{ name: '4月', rows: [{ farmer: 1, machine: 'subsoiler', date: '2025-04-02', serial: 'MIG0001' }] }]);
      const started = expectOk<JobStatus>(await core.call('ledgerImports.commit', { fileName: ledger.fileName, base64: ledger.bytes.toString('base64') }));
      const done = (await core.ctx.jobs.wait(started.id)).result as LedgerCommitResult;
      expect(done).toMatchObject({ purchasesAdded: 1, farmersAdded: 0 });
      expect(core.db.prepare("SELECT farmer_id FROM purchases WHERE factory_no_norm = 'MIG0001'").pluck().get()).toBe(farmer.id);
    } finally {
      core.close();
    }
  });
});
