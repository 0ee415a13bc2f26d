import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import { setConfig } from '../../db/services/config';
import { expectFail, expectOk, farmerInput, stationCore, type TempCore } from '../support/core';
import { tractorPurchase, tractorScrap } from '../support/counter';

let core: TempCore;
let zhang: Farmer;
let li: Farmer;

beforeEach(async () => {
  core = await stationCore();
  zhang = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1, { name: '张三' })));
  li = expectOk<Farmer>(await core.call('farmers.create', farmerInput(2, { name: '李四' })));
});
afterEach(() => core.dispose());

describe('purchased-machine registration (购置登记)', () => {
  it('computes purchase + scrap-and-replace when it renews the buyer’s scrapped machine', async () => {
    const scrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(zhang.id)));
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id })));
    expect([p.bandLabel, p.purchaseFen, p.scrapPartFen, p.totalFen]).toEqual(['70–80马力四驱', 790_000, 786_000, 1_576_000]);
    expect(p.scrapId).toBe(scrap.id);
    const s = expectOk<Scrap>(await core.call('scraps.get', { id: scrap.id }));
    expect(s.linkedPurchaseId).toBe(p.id);
  });

  it('without a linked scrap pays the purchase part only', async () => {
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id)));
    expect([p.purchaseFen, p.scrapPartFen, p.totalFen]).toEqual([790_000, 0, 790_000]);
  });

  it('fills the serial from a scanned QR nameplate and refuses a serial that disagrees with it', async () => {
    const p = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(zhang.id, { qrCode: 'AB12SN2025000123' })));
    expect(p.qrCode).toBe('AB12SN2025000123');
    const e = expectFail(
      await core.call('purchases.create', tractorPurchase(li.id, { qrCode: 'CD34SN2025000999', factoryNo: 'SN2025000998' })),
      'VALIDATION',
    );
    expect(e.issues?.[0]?.path).toEqual(['factoryNo']);
  });

  it('subsidises a factory serial once, ever: a second purchase is refused naming the first', async () => {
    expectOk(await core.call('purchases.create', tractorPurchase(zhang.id)));
    const e = expectFail(
      await core.call('purchases.create', tractorPurchase(li.id, { factoryNo: 'sn-2025-000123', engineNo: 'OTHER1' })),
      'CONFLICT',
    );
    expect(e.issues?.[0]?.path).toEqual(['factoryNo']);
    expect(e.message).toContain('张三');
    expect(e.message).toContain('只能补贴一次');
  });

  it('refuses a scrapped machine coming back as a new one', async () => {
    expectOk(await core.call('scraps.create', tractorScrap(zhang.id)));
    const byEngine = expectFail(await core.call('purchases.create', tractorPurchase(li.id, { engineNo: 'ENG-2009-55667' })), 'CONFLICT');
    expect(byEngine.message).toContain('报废农机不能作为新机');
    const bySerial = expectFail(await core.call('purchases.create', tractorPurchase(li.id, { factoryNo: 'FR0012345' })), 'CONFLICT');
    expect(bySerial.issues?.[0]?.path).toEqual(['factoryNo']);
  });

  it('needs a reason for a near-miss model code, and stores it', async () => {
    expectOk(await core.call('purchases.create', tractorPurchase(zhang.id, { model: 'IGNQZ-230' })));
    const input = tractorPurchase(li.id, { model: 'IGQNZ-230', factoryNo: 'SN-2', engineNo: 'E-2' });
    const e = expectFail(await core.call('purchases.create', input), 'VALIDATION');
    expect(e.issues?.[0]?.path).toEqual(['overrides', 'model_near']);
    expect(e.message).toContain('IGNQZ-230');
    const p = expectOk<Purchase>(
      await core.call('purchases.create', { ...input, overrides: [{ code: 'model_near', reason: '已核对铭牌，型号无误' }] }),
    );
    expect(p.overrides).toEqual([expect.objectContaining({ code: 'model_near', reason: '已核对铭牌，型号无误' })]);
  });

  it('warns when one buyer buys more machines in a year than the configured limit', async () => {
    setConfig(core.ctx, 'buyerYearlyLimit', 1);
    expectOk(await core.call('purchases.create', tractorPurchase(zhang.id)));
    const e = expectFail(
      await core.call('purchases.create', tractorPurchase(zhang.id, { factoryNo: 'SN-3', engineNo: 'E-3' })),
      'VALIDATION',
    );
    expect(e.issues?.map((i) => i.path.join('.'))).toEqual(['overrides.buyer_many']);
  });

  it('warns when the purchase predates the linked scrapping hand-over', async () => {
    const scrap = expectOk<Scrap>(
      await core.call('scraps.create', tractorScrap(zhang.id, { handoverDate: '2025-02-25', dismantleDate: '2025-02-26' })),
    );
    const e = expectFail(await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id })), 'VALIDATION');
    expect(e.issues?.map((i) => i.path.join('.'))).toEqual(['overrides.date_before_handover']);
  });

  it('warns on a price far from the band’s other purchases', async () => {
    for (let i = 0; i < 5; i++) {
      const f = expectOk<Farmer>(await core.call('farmers.create', farmerInput(10 + i)));
      expectOk(await core.call('purchases.create', tractorPurchase(f.id, { factoryNo: `P${i}`, engineNo: `PE${i}` })));
    }
    const e = expectFail(
      await core.call('purchases.create', tractorPurchase(li.id, { factoryNo: 'P9', engineNo: 'PE9', priceFen: 1_000_000 })),
      'VALIDATION',
    );
    expect(e.issues?.map((i) => i.path.join('.'))).toEqual(['overrides.price_outlier']);
  });

  it('links a scrapped machine to one purchase only, and only the owner’s', async () => {
    const scrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(zhang.id)));
    expectOk(await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id })));
    expectFail(
      await core.call('purchases.create', tractorPurchase(zhang.id, { scrapId: scrap.id, factoryNo: 'SN-4', engineNo: 'E-4' })),
      'CONFLICT',
    );
    const e = expectFail(
      await core.call('purchases.create', tractorPurchase(li.id, { scrapId: scrap.id, factoryNo: 'SN-5', engineNo: 'E-5' })),
      'VALIDATION',
    );
    expect(e.issues?.[0]?.path).toEqual(['scrapId']);
  });

  it('the CLI path enforces the same rules (same dispatcher)', async () => {
    const viaCall = await core.call('purchases.create', { ...tractorPurchase(zhang.id), priceFen: -1 });
    expectFail(viaCall, 'VALIDATION');
  });
});
