import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Notice } from '../../shared/schemas/notices';
import type { Purchase } from '../../shared/schemas/purchases';
import { expectOk, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';
import { tractorPurchase } from '../support/counter';
import { fileAtVersion } from '../support/migration-files';
import { bankDetails, setStationContact } from '../support/notices';
import { signIn } from '../support/setup';

// The version-8 file is built by copying rows (tests/support/migration-files), not through today's services.
const tmp = tempDir('agri-m009-');
let source: TempCore;
let farmer: Farmer;
let purchase: Purchase;
beforeAll(async () => {
  source = await stationCore({ now: () => new Date('2025-03-03T02:00:00Z') });
  farmer = expectOk<Farmer>(await source.call('farmers.create', farmerInput(1, { name: '张三明', ...bankDetails() })));
  purchase = expectOk<Purchase>(await source.call('purchases.create', tractorPurchase(farmer.id)));
  // the app before 009 moved applications to 已公示 without a notice batch
  source.db.prepare("UPDATE purchases SET status = 'published' WHERE id = ?").run(purchase.id);
}, 60_000);
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

describe('migration 009 (公示 and 兑付)', () => {
  it('carries a version-8 file forward: data kept, an application published before notices gets its notice and can be paid', async () => {
    const file = fileAtVersion(tmp.dir, 8, source.db);
    let t = Date.parse('2025-03-04T02:00:00Z');
    const now = () => new Date((t += 1000));
    const core = openCore(file, { now, log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
      await signIn(core);
      const kept = expectOk<Purchase>(await core.call('purchases.get', { id: purchase.id }));
      expect([kept.status, kept.totalFen, kept.farmer.name]).toEqual(['published', purchase.totalFen, '张三明']);
      expect(expectOk<Farmer>(await core.call('farmers.get', { id: farmer.id })).bankCard).toBe(farmer.bankCard);
      for (const table of ['notices', 'notice_items', 'objections', 'payments']) {
        expect(core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
      // published without a notice: cannot be paid until it has one
      t = Date.parse('2025-03-20T02:00:00Z');
      const pay = { kind: 'purchase', id: purchase.id, paidOn: '2025-03-20', amountFen: purchase.totalFen, financeDoc: 'CZ-1' } as const;
      expect((await core.call('applications.pay', pay)).ok).toBe(false);
      await setStationContact(core);
      const candidates = expectOk<{ items: { id: string }[] }>(await core.call('notices.candidates', {}));
      expect(candidates.items.map((c) => c.id)).toEqual([purchase.id]);
      const n = expectOk<Notice>(await core.call('notices.create', { items: [{ kind: 'purchase', id: purchase.id }], startDate: '2025-03-20' }));
      expect(n.payableFrom).toBe('2025-03-28');
      t = Date.parse('2025-03-28T02:00:00Z');
      await signIn(core);
      expectOk(await core.call('applications.pay', { ...pay, paidOn: '2025-03-28' }));
      expect(core.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    } finally {
      core.close();
    }
  });
});
