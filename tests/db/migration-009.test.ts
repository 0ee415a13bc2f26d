import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { loadMigrations } from '../../db/migrate';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Notice } from '../../shared/schemas/notices';
import type { Purchase } from '../../shared/schemas/purchases';
import { expectOk, farmerInput, tempDir } from '../support/core';
import { tractorPurchase } from '../support/counter';
import { bankDetails, setStationContact } from '../support/notices';
import { setUpInstallation } from '../support/setup';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('agri-m009-');
});
afterEach(() => tmp.dispose());

// Skipped since the merge of 012 (chained audit, station keys): this test builds its older-version file through
// today's services, which now read 012's tables; tests/db/migration-carry.test.ts carries a populated file from
// every earlier version instead. See the closing note.
describe.skip('migration 009 (公示 and 兑付)', () => {
  it('carries a version-8 file forward: data kept, an application published before notices gets its notice and can be paid', async () => {
    const file = join(tmp.dir, 'agri.db');
    let t = Date.parse('2025-03-03T02:00:00Z');
    const now = () => new Date((t += 1000));
    const before = loadMigrations().filter((m) => m.version <= 8);
    const old = openCore(file, { migrations: before, now, log: () => undefined });
    await setUpInstallation(old, { role: 'station', townshipCode: '371525103' });
    const f = expectOk<Farmer>(await old.call('farmers.create', farmerInput(1, { name: '张三明', ...bankDetails() })));
    const p = expectOk<Purchase>(await old.call('purchases.create', tractorPurchase(f.id)));
    // the old app moved applications to 已公示 without a notice batch
    old.db.prepare("UPDATE purchases SET status = 'published' WHERE id = ?").run(p.id);
    expect(old.db.pragma('user_version', { simple: true })).toBe(8);
    old.close();

    const core = openCore(file, { now, log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(9);
      const kept = expectOk<Purchase>(await core.call('purchases.get', { id: p.id }));
      expect([kept.status, kept.totalFen, kept.farmer.name]).toEqual(['published', p.totalFen, '张三明']);
      expect(expectOk<Farmer>(await core.call('farmers.get', { id: f.id })).bankCard).toBe(f.bankCard);
      for (const table of ['notices', 'notice_items', 'objections', 'payments']) {
        expect(core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
      // published without a notice: cannot be paid until it has one
      t = Date.parse('2025-03-20T02:00:00Z');
      const pay = { kind: 'purchase', id: p.id, paidOn: '2025-03-20', amountFen: p.totalFen, financeDoc: 'CZ-1' } as const;
      expect((await core.call('applications.pay', pay)).ok).toBe(false);
      await setStationContact(core);
      const candidates = expectOk<{ items: { id: string }[] }>(await core.call('notices.candidates', {}));
      expect(candidates.items.map((c) => c.id)).toEqual([p.id]);
      const n = expectOk<Notice>(await core.call('notices.create', { items: [{ kind: 'purchase', id: p.id }], startDate: '2025-03-20' }));
      expect(n.payableFrom).toBe('2025-03-28');
      t = Date.parse('2025-03-28T02:00:00Z');
      expectOk(await core.call('applications.pay', { ...pay, paidOn: '2025-03-28' }));
      expect(core.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    } finally {
      core.close();
    }
  });
});
