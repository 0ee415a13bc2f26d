/**
 * A record imported from a station's old Excel ledger says so in its detail answer (purchases.get,
 * scraps.get: 来源 file, sheet, row, flags), which is what the detail pages use to show the source and
 * hide 出具并打印凭证; a record entered at the counter has no source; vouchers.issue refuses imported ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult } from '../../shared/schemas/ledger-import';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import { buildLedger, liulinSheets } from '../fixtures/ledger-xlsx';
import { buildScrapLedger, KNOWN_RECYCLER } from '../fixtures/scrap-ledger-xlsx';
import { createFarmer, expectFail, expectOk, farmerInput, stationCore, steppingClock, type TempCore } from '../support/core';
import { tractorPurchase } from '../support/counter';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
  expectOk(await core.call('partners.create', { kind: 'recycler', name: KNOWN_RECYCLER }));
});
afterEach(() => core.dispose());

async function commit(l: { fileName: string; bytes: Buffer }): Promise<LedgerCommitResult> {
  const started = expectOk<JobStatus>(await core.call('ledgerImports.commit', { fileName: l.fileName, base64: l.bytes.toString('base64') }));
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state !== 'done') expect.fail(`job ${done.state}`);
  return done.result as LedgerCommitResult;
}
const idOf = (sql: string, v: string) => core.db.prepare(sql).pluck().get(v) as string;

describe('detail answers carry the ledger source', () => {
  it('purchases.get and scraps.get name the file, sheet and row of an imported record; vouchers.issue refuses it', async () => {
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const done = await commit(ledger);
    const row = ledger.expected.find((e) => e.outcome === 'create');
    if (!row) expect.fail('the generated ledger has a row to create');
    const purchaseId = idOf('SELECT id FROM purchases WHERE factory_no = ?', row.serial);
    const p = expectOk<Purchase>(await core.call('purchases.get', { id: purchaseId }));
    expect(contract['purchases.get'].output.safeParse(p).success).toBe(true);
    expect(p.ledgerSource).toEqual({ importId: done.importId, fileName: '柳林镇2025年台账.xlsx', sheet: row.sheet, row: row.row, flags: [] });
    const flagged = ledger.expected.find((e) => e.outcome === 'attention');
    if (!flagged) expect.fail('the generated ledger has a row needing attention');
    const f = expectOk<Purchase>(await core.call('purchases.get', { id: idOf('SELECT id FROM purchases WHERE factory_no = ?', flagged.serial) }));
    expect(f.ledgerSource?.flags.length).toBeGreaterThan(0);

    const scraps = await buildScrapLedger('报废台账.xlsx');
    await commit(scraps);
    const s = expectOk<Scrap>(await core.call('scraps.get', { id: idOf('SELECT id FROM scraps WHERE frame_no = ?', 'FJ250301') }));
    expect(contract['scraps.get'].output.safeParse(s).success).toBe(true);
    expect(s.ledgerSource).toMatchObject({ fileName: '报废台账.xlsx', sheet: '报废', row: 3 });

    // the lists say so too (the 待出具凭证 panel leaves them out)
    const listed = expectOk<{ items: { id: string; fromLedger: boolean }[] }>(await core.call('purchases.list', { pageSize: 200 }));
    expect(listed.items.find((i) => i.id === purchaseId)?.fromLedger).toBe(true);
    const scrapList = expectOk<{ items: { id: string; fromLedger: boolean }[] }>(await core.call('scraps.list', { pageSize: 200 }));
    expect(scrapList.items.find((i) => i.id === s.id)?.fromLedger).toBe(true);

    // imported records were paid on paper: no voucher
    for (const [kind, id] of [['purchase', purchaseId], ['scrap', s.id]] as const) {
      expect(expectFail(await core.call('vouchers.issue', { kind, applicationId: id }), 'FORBIDDEN').message).toMatch(/历史台账导入/);
    }
  });

  it('a record entered at the counter has no source', async () => {
    const farmer = await createFarmer(core, farmerInput(1));
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(farmer.id)));
    expect(p.ledgerSource).toBeNull();
    expect(expectOk<Purchase>(await core.call('purchases.get', { id: p.id })).ledgerSource).toBeNull();
    const listed = expectOk<{ items: { id: string; fromLedger: boolean }[] }>(await core.call('purchases.list', {}));
    expect(listed.items.find((i) => i.id === p.id)?.fromLedger).toBe(false);
  });
});
