import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import type { Conflict } from '../../shared/schemas/county';
import type { ProgressByTownship, ProgressMonthly, ProgressSummary } from '../../shared/schemas/progress';
import { expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { setUpInstallation } from '../support/setup';
import { bankDetails, publishAndPay } from '../support/notices';
import { addFarmer, addVerifiedPurchase, exportTo, stationWith } from '../support/stations';

const LIULIN = '371525103';
const QINGSHUI = '371525104';

let dir: string;
let county: TempCore;
const stations: TempCore[] = [];
let paidDupFen = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-disputed-'));
  // the same machine (serial SN-DUP-1) subsidised at 柳林镇 in March and again at 清水镇 in May; one ordinary machine each
  const liulin = await stationWith(LIULIN, Date.UTC(2025, 2, 20), async (core) => {
    const f = await addFarmer(core, 1, { name: '张三' });
    await addVerifiedPurchase(core, f.id, { factoryNo: 'SN-DUP-1', engineNo: 'E-1', purchaseDate: '2025-03-10', invoiceDate: '2025-03-10' });
    await addVerifiedPurchase(core, f.id, { factoryNo: 'SN-OWN-1', engineNo: 'E-2', purchaseDate: '2025-03-11', invoiceDate: '2025-03-11' });
  });
  const qingshui = await stationWith(QINGSHUI, Date.UTC(2025, 4, 20), async (core) => {
    const f = await addFarmer(core, 2, { name: '李四', ...bankDetails() });
    const dup = await addVerifiedPurchase(core, f.id, { factoryNo: 'sn dup 1', engineNo: 'E-3', purchaseDate: '2025-05-06', invoiceDate: '2025-05-06' });
    // the disputed record was already paid out
    await publishAndPay(core, 'purchase', dup.id);
    paidDupFen = (core.db.prepare('SELECT purchase_fen FROM purchases WHERE id = ?').pluck().get(dup.id) as number) ?? 0;
    await addVerifiedPurchase(core, f.id, { factoryNo: 'SN-OWN-2', engineNo: 'E-4', purchaseDate: '2025-05-07', invoiceDate: '2025-05-07' });
  });
  stations.push(liulin, qingshui);
  county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 10)) });
  await setUpInstallation(county, { role: 'county', name: '县局' });
  for (const s of stations) {
    const r = importStationFile(county.ctx, { fileName: 's.agri', path: exportTo(s, dir) }, { trustNew: true });
    expect(r.status).toBe('accepted');
  }
});

afterAll(() => {
  [county, ...stations].forEach((c) => c.dispose());
  rmSync(dir, { recursive: true, force: true });
});

const summary = async () => expectOk<ProgressSummary>(await county.call('progress.summary', { year: 2025 }));
const byTownship = async () => expectOk<ProgressByTownship>(await county.call('progress.byTownship', { year: 2025 }));
const row = (t: ProgressByTownship, code: string) => t.rows.find((r) => r.townshipCode === code);

describe('county totals with a cross-station duplicate', () => {
  it('count the machine once (the earlier record) while the conflict is open, and show the other as 待核查', async () => {
    const s = await summary();
    expect(s.purchases.done).toBe(3);
    expect(s.disputed).toEqual({ scraps: 0, purchases: 1 });
    const t = await byTownship();
    expect([row(t, LIULIN)?.purchases.done, row(t, LIULIN)?.disputed]).toEqual([2, 0]);
    expect([row(t, QINGSHUI)?.purchases.done, row(t, QINGSHUI)?.disputed]).toEqual([1, 1]);
    expect(t.totals.purchases).toBe(3);
    const m = expectOk<ProgressMonthly>(await county.call('progress.monthly', { year: 2025 }));
    expect(m.months.reduce((a, x) => a + x.purchases, 0)).toBe(3);
    expect(m.months[4]?.purchases).toBe(1);
    // a township's own view shows its held record too
    const own = expectOk<ProgressSummary>(await county.call('progress.summary', { year: 2025, townshipCode: QINGSHUI }));
    expect([own.purchases.done, own.disputed.purchases]).toEqual([1, 1]);
  });

  it('leave the disputed record’s paid money in the paid total (it was paid), while not counting the machine', async () => {
    expect(paidDupFen).toBeGreaterThan(0);
    const s = await summary();
    expect(s.funds.paid.purchaseFen).toBe(paidDupFen);
    const t = await byTownship();
    expect(row(t, QINGSHUI)?.paidFen).toBe(paidDupFen);
    const own = expectOk<ProgressSummary>(await county.call('progress.summary', { year: 2025, townshipCode: QINGSHUI }));
    expect(own.funds.paid.purchaseFen).toBe(paidDupFen);
  });

  it('follow the resolution: once the conflict is resolved, the records count as they stand', async () => {
    const list = expectOk<{ items: Conflict[] }>(await county.call('county.conflicts', { openOnly: true, pageSize: 50 }));
    const dup = list.items.find((c) => c.kind === 'serial_twice');
    expect(dup?.key).toBe('SNDUP1');
    expectOk(await county.call('county.resolveConflict', { id: dup?.id ?? '', note: '两台为不同机器，出厂编号印刷相近，已核实' }));
    const s = await summary();
    expect(s.purchases.done).toBe(4);
    expect(s.disputed.purchases).toBe(0);
    expect(row(await byTownship(), QINGSHUI)?.purchases.done).toBe(2);
  });
});
