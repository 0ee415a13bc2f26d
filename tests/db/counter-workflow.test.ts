import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import type { TodoItem } from '../../shared/schemas/applications';
import { expectFail, expectOk, farmerInput, stationCore, type TempCore } from '../support/core';
import { ALL_PURCHASE_CHECKS, ALL_SCRAP_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { bankDetails, publishAndPay, setStationContact } from '../support/notices';

/** A clock the test moves by hand (each call still advances one second so writes stay ordered). */
function manualClock(start: string) {
  let t = Date.parse(start);
  return {
    now: () => new Date((t += 1000)),
    set: (iso: string) => {
      t = Date.parse(iso);
    },
  };
}

let core: TempCore;
let zhang: Farmer;
const clock = manualClock('2025-03-03T01:00:00Z'); // a Monday morning in Guan County

beforeEach(async () => {
  clock.set('2025-03-03T01:00:00Z');
  core = await stationCore({ now: clock.now });
  zhang = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1, { name: '张三', ...bankDetails() })));
});
afterEach(() => core.dispose());

const move = (kind: 'scrap' | 'purchase', ids: string[], to: string, extra: Record<string, unknown> = {}) =>
  core.call('applications.transition', { kind, ids, to, ...extra } as never);

describe('review stages', () => {
  it('walks a scrap-and-replace purchase 已登记 → 已受理 → 已核验 → 已公示 → 已兑付, the scrap following it', async () => {
    const scrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(zhang.id)));
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id })));
    expectOk(await move('purchase', [p.id], 'accepted'));
    expectOk(await move('purchase', [p.id], 'verified', { checks: ALL_PURCHASE_CHECKS, note: '四项一致' }));
    await publishAndPay(core, 'purchase', p.id);
    const done = expectOk<Purchase>(await core.call('purchases.get', { id: p.id }));
    expect(done.status).toBe('paid');
    expect(done.events.map((e) => e.toStatus)).toEqual(['accepted', 'verified', 'published', 'paid']);
    expect(done.events[1]?.checks).toMatchObject({ ...ALL_PURCHASE_CHECKS, note: '四项一致' });
    expect(done.events.every((e) => e.operator === '王会计')).toBe(true);
    const s = expectOk<Scrap>(await core.call('scraps.get', { id: scrap.id }));
    expect(s.status).toBe('paid');
    // the linked scrap is handled with its purchase, never on its own
    expectFail(await move('scrap', [scrap.id], 'voided', { reason: '测试' }), 'FORBIDDEN');
  });

  it('refuses skipped stages and moves out of final ones', async () => {
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id)));
    const e = expectFail(await move('purchase', [p.id], 'paid'), 'CONFLICT');
    expect(e.message).toContain('已登记');
    expectOk(await move('purchase', [p.id], 'voided', { reason: '农户放弃申请' }));
    expectFail(await move('purchase', [p.id], 'registered'), 'CONFLICT');
    const voided = expectOk<Purchase>(await core.call('purchases.get', { id: p.id }));
    expect([voided.voidedAt !== null, voided.voidReason]).toEqual([true, '农户放弃申请']);
  });

  it('核验 needs every on-site check, and a dismantled scrap with its form', async () => {
    const scrap = expectOk<Scrap>(
      await core.call('scraps.create', tractorScrap(zhang.id, { dismantleDate: undefined, confirmFormNo: undefined })),
    );
    expectOk(await move('scrap', [scrap.id], 'accepted'));
    const partial = expectFail(
      await move('scrap', [scrap.id], 'verified', { checks: { ...ALL_SCRAP_CHECKS, photos: false } }),
      'VALIDATION',
    );
    expect(partial.message).toContain('见照片');
    const undismantled = expectFail(await move('scrap', [scrap.id], 'verified', { checks: ALL_SCRAP_CHECKS }), 'VALIDATION');
    expect(undismantled.message).toContain('拆解');
  });

  it('退回 needs a reason, can be resubmitted, and is editable again', async () => {
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id)));
    expectOk(await move('purchase', [p.id], 'accepted'));
    expectFail(await move('purchase', [p.id], 'returned'), 'VALIDATION');
    expectOk(await move('purchase', [p.id], 'returned', { reason: '发票抬头与购机者不一致' }));
    const returned = expectOk<Purchase>(await core.call('purchases.get', { id: p.id }));
    expect(returned.returnReason).toBe('发票抬头与购机者不一致');
    expectOk(await core.call('purchases.update', { ...tractorPurchase(zhang.id, { invoiceNo: '25372000000099999999' }), id: p.id }));
    expectOk(await move('purchase', [p.id], 'registered'));
    expect(expectOk<Purchase>(await core.call('purchases.get', { id: p.id })).returnReason).toBeNull();
  });

  it('voiding a purchase releases its scrapped machine to a scrap-only application', async () => {
    const scrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(zhang.id)));
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id })));
    expectOk(await move('purchase', [p.id], 'accepted'));
    expectOk(await move('purchase', [p.id], 'voided', { reason: '购机者退货' }));
    const s = expectOk<Scrap>(await core.call('scraps.get', { id: scrap.id }));
    expect([s.status, s.linkedPurchaseId]).toEqual(['registered', null]);
    expectOk(await move('scrap', [scrap.id], 'accepted'));
  });

  it('batch actions are all or nothing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const f = expectOk<Farmer>(await core.call('farmers.create', farmerInput(20 + i)));
      const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(f.id, { factoryNo: `B${i}`, engineNo: `BE${i}` })));
      ids.push(p.id);
    }
    expectOk(await move('purchase', ids.slice(0, 2), 'accepted'));
    const e = expectFail(await move('purchase', ids, 'verified', { checks: ALL_PURCHASE_CHECKS }), 'CONFLICT');
    expect(e.details).toMatchObject({ id: ids[2] });
    for (const id of ids.slice(0, 2)) expect(expectOk<Purchase>(await core.call('purchases.get', { id })).status).toBe('accepted');
    expectOk(await move('purchase', ids.slice(0, 2), 'verified', { checks: ALL_PURCHASE_CHECKS }));
    await setStationContact(core);
    const items = ids.map((id) => ({ kind: 'purchase', id }));
    // 公示 is all or nothing too: the unverified third one refuses the whole batch
    expectFail(await core.call('notices.create', { items, startDate: '2025-03-03' }), 'CONFLICT');
    expect(expectOk<Purchase>(await core.call('purchases.get', { id: ids[0]! })).status).toBe('verified');
    expectOk(await core.call('notices.create', { items: items.slice(0, 2), startDate: '2025-03-03' }));
    for (const id of ids.slice(0, 2)) expect(expectOk<Purchase>(await core.call('purchases.get', { id })).status).toBe('published');
  });
});

describe('to-do list (待办) with working-day deadlines', () => {
  it('gives 受理 two working days, skips the weekend, and flags what is overdue', async () => {
    // registered on Thursday 2025-03-06 (Beijing time): 受理 due Monday 2025-03-10
    clock.set('2025-03-06T02:00:00Z');
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id)));
    const scrap = expectOk<Scrap>(
      await core.call('scraps.create', tractorScrap(zhang.id, { engineNo: 'S2', frameNo: 'S2', plateNo: '鲁15-22222' })),
    );
    let todo = expectOk<{ items: TodoItem[]; overdueCount: number }>(await core.call('applications.todo', {}));
    const item = todo.items.find((t) => t.id === p.id);
    expect(item).toMatchObject({ kind: 'purchase', step: '受理', dueDate: '2025-03-10', overdue: false, workdaysLeft: 2 });
    expect(todo.items.map((t) => t.id)).toContain(scrap.id);

    clock.set('2025-03-11T02:00:00Z');
    todo = expectOk(await core.call('applications.todo', { overdueOnly: true }));
    expect(todo.overdueCount).toBe(2);
    expect(todo.items.find((t) => t.id === p.id)).toMatchObject({ overdue: true, workdaysLeft: -1 });

    // accepted: 核验 within 13 working days
    expectOk(await move('purchase', [p.id], 'accepted'));
    todo = expectOk(await core.call('applications.todo', { kind: 'purchase' }));
    expect(todo.items[0]).toMatchObject({ step: '核验', dueDate: '2025-03-28', overdue: false });
  });

  it('leaves out paid, voided and renewed-scrap items', async () => {
    const scrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(zhang.id)));
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id })));
    let todo = expectOk<{ items: TodoItem[] }>(await core.call('applications.todo', {}));
    expect(todo.items.map((t) => t.id)).toEqual([p.id]);
    expectOk(await move('purchase', [p.id], 'voided', { reason: '重复登记' }));
    todo = expectOk(await core.call('applications.todo', {}));
    expect(todo.items.map((t) => t.id)).toEqual([scrap.id]);
  });
});
