import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePurchaseSubsidy } from '../../shared/domain/subsidy';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import { expectFail, expectOk, farmerInput, stationCore, type TempCore } from '../support/core';
import { tractorPurchase, tractorScrap } from '../support/counter';

let core: TempCore;
let zhang: Farmer;
let n = 0;
const overrides = [
  { code: 'price_floor', reason: '测试：核对过发票' },
  { code: 'price_outlier', reason: '测试：核对过发票' },
  { code: 'buyer_many', reason: '测试：合作社多台' },
] as const;
const fresh = (extra: Record<string, unknown> = {}) => {
  n++;
  return tractorPurchase(zhang.id, { factoryNo: `PL-${n}`, engineNo: `PE-${n}`, overrides: [...overrides], ...extra });
};

beforeAll(async () => {
  core = await stationCore({ now: () => new Date('2025-06-10T02:00:00Z') });
  zhang = expectOk<Farmer>(await core.call('farmers.create', farmerInput(1, { name: '张三' })));
});
afterAll(() => core.dispose());

describe('plausible amounts', () => {
  it('never computes a subsidy above the price (property, pure)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.option(fc.integer({ min: 0, max: 30_000_000 }), { nil: null }),
        (price, base) => {
          const s = computePurchaseSubsidy({ purchaseFen: base, capFen: null, capPercent: null }, price, null);
          expect(s.purchaseFen).toBeLessThanOrEqual(price);
        },
      ),
    );
  });

  it('no accepted purchase has a subsidy above its price (property, through the service)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3_000_000 }), async (priceFen) => {
        const r = await core.call('purchases.create', fresh({ priceFen }));
        if (r.ok) {
          const p = r.data as Purchase;
          expect(p.totalFen).toBeLessThanOrEqual(p.priceFen);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a ¥0.01 machine gets at most ¥0.01 and needs a reason for its price', async () => {
    const noReason = expectFail(await core.call('purchases.create', fresh({ priceFen: 1, overrides: [] })), 'VALIDATION');
    expect(noReason.issues?.map((i) => i.path.join('.'))).toContain('overrides.price_floor');
    const p = expectOk<Purchase>(await core.call('purchases.create', fresh({ priceFen: 1 })));
    expect([p.purchaseFen, p.totalFen]).toEqual([1, 1]);
  });

  it('refuses a renewal whose subsidies together exceed the price', async () => {
    const scrap = expectOk<{ id: string }>(await core.call('scraps.create', tractorScrap(zhang.id)));
    const e = expectFail(await core.call('purchases.create', fresh({ priceFen: 800_000, scrapId: scrap.id })), 'VALIDATION');
    expect(e.message).toContain('超过售价');
  });
});

describe('plausible dates and text', () => {
  it('refuses impossible, future and out-of-order dates', async () => {
    expectFail(await core.call('purchases.create', fresh({ purchaseDate: '2025-02-30' })), 'VALIDATION');
    const future = expectFail(
      await core.call('purchases.create', fresh({ purchaseDate: '2025-06-11', invoiceDate: '2025-06-11' })),
      'VALIDATION',
    );
    expect(future.message).toContain('不能晚于今天');
    const late = expectFail(
      await core.call('purchases.create', fresh({ purchaseDate: '2025-03-01', invoiceDate: '2025-04-01' })),
      'VALIDATION',
    );
    expect(late.issues?.[0]?.message).toContain('30天');
  });

  it('refuses over-long text with a message instead of cutting it', async () => {
    const e = expectFail(await core.call('farmers.create', farmerInput(2, { name: '张'.repeat(200) })), 'VALIDATION');
    expect(e.issues?.[0]).toMatchObject({ path: ['name'] });
    expect(e.issues?.[0]?.message).toContain('不超过60字（现为200字）');
  });

  it('refuses control, bidi-override and zero-width characters, naming the field', async () => {
    const bidi = expectFail(await core.call('purchases.create', fresh({ model: 'M754\u202eA' })), 'VALIDATION');
    expect(bidi.issues?.[0]?.message).toMatch(/型号.*改变文字方向/);
    const zw = expectFail(await core.call('farmers.create', farmerInput(3, { name: '李\u200b四' })), 'VALIDATION');
    expect(zw.issues?.[0]?.message).toMatch(/姓名或名称.*零宽/);
    const ctl = expectFail(await core.call('farmers.create', farmerInput(4, { village: '东\u0007村' })), 'VALIDATION');
    expect(ctl.issues?.[0]?.message).toMatch(/村（社区）.*控制字符/);
  });
});
