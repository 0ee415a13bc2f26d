import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Farmer } from '../../shared/schemas/farmers';
import type { ProgressByTownship, ProgressMonthly, ProgressSummary } from '../../shared/schemas/progress';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Scrap } from '../../shared/schemas/scraps';
import { expectOk, farmerInput, stationCore, steppingClock, type TempCore } from '../support/core';
import { ALL_PURCHASE_CHECKS, ALL_SCRAP_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { exportedFile } from '../support/exports';
import { bankDetails, publishAndPay } from '../support/notices';

/**
 * The whole counter path at a 柳林镇 station: registered through the services, reviewed stage by stage,
 * then counted. Amounts come from the sample catalogue: a 60 hp tractor scrapped 7,860 (scrap only and with
 * renewal), a 75 hp four-wheel-drive tractor bought 7,900.
 */
let core: TempCore;
const made: { renewedScrap?: Scrap; scrapOnly?: Scrap; paid?: Purchase; verified?: Purchase } = {};

const move = (kind: 'scrap' | 'purchase', id: string, ...to: string[]) =>
  to.reduce(
    (p, status) =>
      p.then(async () => {
        const checks = status === 'verified' ? (kind === 'scrap' ? ALL_SCRAP_CHECKS : ALL_PURCHASE_CHECKS) : undefined;
        const reason = status === 'voided' || status === 'returned' ? '测试' : undefined;
        expectOk(await core.call('applications.transition', { kind, ids: [id], to: status, checks, reason } as never));
      }),
    Promise.resolve(),
  );

beforeAll(async () => {
  core = await stationCore({ now: steppingClock(Date.parse('2025-03-03T02:00:00Z')) });
  const farmers: Farmer[] = [];
  for (const [i, extra] of [
    { name: '张三', ...bankDetails() },
    { name: '李四' },
    { name: '王五', townshipCode: '371525001' as const },
    { name: '赵六' },
  ].entries()) {
    farmers.push(expectOk<Farmer>(await core.call('farmers.create', farmerInput(i + 1, extra))));
  }
  const [f1, f2, f3, f4] = farmers as [Farmer, Farmer, Farmer, Farmer];
  // 张三: scrap and replace, paid
  made.renewedScrap = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(f1.id)));
  made.paid = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(f1.id, { scrapId: made.renewedScrap.id })));
  await move('purchase', made.paid.id, 'accepted', 'verified');
  await publishAndPay(core, 'purchase', made.paid.id);
  // 李四: a BeiDou tractor, verified; and a seeder scrapped on its own, verified
  made.verified = expectOk<Purchase>(
    await core.call('purchases.create', tractorPurchase(f2.id, { factoryNo: 'SN-L2', engineNo: 'EN-L2' })),
  );
  await move('purchase', made.verified.id, 'accepted', 'verified');
  const own = { engineNo: 'E-LI-1', frameNo: 'F-LI-1', plateNo: '鲁15-55555', handoverDate: '2025-01-20', dismantleDate: '2025-01-22' };
  made.scrapOnly = expectOk<Scrap>(await core.call('scraps.create', tractorScrap(f2.id, own)));
  await move('scrap', made.scrapOnly.id, 'accepted', 'verified');
  // 王五 lives in 清泉街道: not this township's machine even though this station registered it
  const other = expectOk<Purchase>(await core.call('purchases.create', tractorPurchase(f3.id, { factoryNo: 'SN-W3', engineNo: 'EN-W3' })));
  await move('purchase', other.id, 'accepted', 'verified');
  // 赵六: one voided, one only accepted, one returned — none counts
  for (const [n, to] of [
    [1, ['voided']],
    [2, ['accepted']],
    [3, ['accepted', 'returned']],
  ] as const) {
    const p = expectOk<Purchase>(
      await core.call('purchases.create', tractorPurchase(f4.id, { factoryNo: `SN-Z${n}`, engineNo: `EN-Z${n}` })),
    );
    await move('purchase', p.id, ...to);
  }
});
afterAll(() => core.dispose());

describe('progress at a township station, through the counter', () => {
  it('counts its own township’s verified-or-later machines against its (even) share', async () => {
    const s = expectOk<ProgressSummary>(await core.call('progress.summary', { townshipCode: '371525001' }));
    expect(s.scope).toEqual({ townshipCode: '371525103', name: '柳林镇' }); // a station always sees its own
    expect([s.scraps.done, s.scraps.target, s.purchases.done, s.purchases.target]).toEqual([2, 6, 2, 50]);
    expect(s.terminals).toMatchObject({ beidou: 2, monitor: 0, sharePct: 100 });
    expect(made.paid?.scrapPartFen).toBe(786_000);
    expect(made.scrapOnly?.scrapFen).toBe(786_000);
    // committed: both purchases (7,900 each) + the renewal's scrap part + the scrap-only amount; paid: 张三's
    expect(s.funds.committed).toEqual({ scrapFen: 786_000 + 786_000, purchaseFen: 790_000 * 2, totalFen: 786_000 * 2 + 790_000 * 2 });
    expect(s.funds.paid).toEqual({ scrapFen: 786_000, purchaseFen: 790_000, totalFen: 1_576_000 });
    expect([s.scraps.lastActivity, s.purchases.lastActivity]).toEqual(['2025-02-10', '2025-02-18']);
  });

  it('has one row in the township table and the months of the machines', async () => {
    const t = expectOk<ProgressByTownship>(await core.call('progress.byTownship', {}));
    expect(t.rows.map((r) => [r.townshipName, r.scraps.done, r.purchases.done])).toEqual([['柳林镇', 2, 2]]);
    const m = expectOk<ProgressMonthly>(await core.call('progress.monthly', {}));
    expect(m.months.map((x) => x.scraps).slice(0, 3)).toEqual([1, 1, 0]);
    expect(m.months.map((x) => x.cumulativePurchases).slice(0, 4)).toEqual([0, 2, 2, null]);
  });

  it('exports the report with the same numbers and the counted ledgers', async () => {
    const file = await exportedFile(core, 'reports.exportXlsx', {});
    expect(file.fileName).toMatch(/^柳林镇农机站-2025年目标进度报告-柳林镇-\d{8}\.xlsx$/);
    expect(file.rowCount).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分乡镇', '月度', '报废台账（计入）', '购置台账（计入）', '机械化率']);
    const summary = wb.getWorksheet('汇总')!;
    const row = (label: string) => {
      let found: unknown[] = [];
      summary.eachRow((r) => {
        const values = (r.values as unknown[]).slice(1);
        if (values[0] === label) found = values;
      });
      return found;
    };
    expect(row('报废农机（台）').slice(0, 3)).toEqual(['报废农机（台）', 6, 2]);
    expect(row('新购农机（台）').slice(0, 3)).toEqual(['新购农机（台）', 50, 2]);
    expect(row('已兑付').slice(1, 4)).toEqual([7_860, 7_900, 15_760]);
    const ledger = wb.getWorksheet('购置台账（计入）')!;
    const names = [3, 4].map((i) => (ledger.getRow(i).values as unknown[])[2]);
    expect(names.sort()).toEqual(['张三', '李四']);
    expect(JSON.stringify((ledger.getRow(3).values as unknown[]).slice(1))).not.toMatch(/\d{17}[\dX]/); // ID numbers masked
  });
});
