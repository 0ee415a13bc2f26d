import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase, PurchaseListItem } from '../../shared/schemas/purchases';
import type { ScrapListItem } from '../../shared/schemas/scraps';
import { readdirSync } from 'node:fs';
import { exportsDir } from '../../db/services/export-files';
import type { JobStatus } from '../../shared/schemas/jobs';
import { expectOk, farmerInput, stationCore, steppingClock, type TempCore } from '../support/core';
import { tractorPurchase, tractorScrap } from '../support/counter';
import { exportedFile } from '../support/exports';

let core: TempCore;

const exported = (method: string, input: unknown) => exportedFile(core, method, input);
const farmers: Farmer[] = [];

beforeEach(async () => {
  // mid-2026: the 2026 purchase is computed with the 2025 catalogue still in force
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 5, 1)) });
  farmers.length = 0;
  for (const [i, name] of ['张三', '李四', '王五'].entries()) {
    farmers.push(expectOk<Farmer>(await core.call('farmers.create', farmerInput(i + 1, { name }))));
  }
  // 张三: 2025 purchase; 李四: 2026 purchase; 王五: scrap only
  const first = { purchaseDate: '2025-11-02', invoiceDate: '2025-11-03', factoryNo: 'A-1', engineNo: 'AE-1' };
  const second = { purchaseDate: '2026-02-18', invoiceDate: '2026-02-20', factoryNo: 'B-2', engineNo: 'BE-2', priceFen: 13_000_000 };
  expectOk(await core.call('purchases.create', tractorPurchase(farmers[0]!.id, first)));
  expectOk(await core.call('purchases.create', tractorPurchase(farmers[1]!.id, second)));
  expectOk(await core.call('scraps.create', tractorScrap(farmers[2]!.id)));
});
afterEach(() => core.dispose());

type Page<T> = { items: T[]; total: number };

describe('ledgers (台账)', () => {
  it('filter by year, text and pinyin, sort by amount, paginate in the service', async () => {
    const y2026 = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { year: 2026 }));
    expect(y2026.items.map((i) => i.farmer.name)).toEqual(['李四']);
    const byPinyin = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { q: 'zs' }));
    expect(byPinyin.items.map((i) => i.farmer.name)).toEqual(['张三']);
    const bySerial = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { q: 'b2' }));
    expect(bySerial.items.map((i) => i.factoryNo)).toEqual(['B-2']);
    const paged = expectOk<Page<PurchaseListItem>>(
      await core.call('purchases.list', { pageSize: 1, page: 2, sortBy: 'date', sortOrder: 'asc' }),
    );
    expect([paged.total, paged.items.map((i) => i.farmer.name)]).toEqual([2, ['李四']]);
    const mine = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { farmerId: farmers[0]!.id }));
    expect(mine.items.map((i) => i.farmer.name)).toEqual(['张三']);
    const scraps = expectOk<Page<ScrapListItem>>(await core.call('scraps.list', { townshipCode: '371525103' }));
    expect(scraps.items.map((i) => i.farmer.name)).toEqual(['王五']);
  });

  it('never carries full personal numbers', async () => {
    const list = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', {}));
    const text = JSON.stringify(list);
    for (const f of farmers) {
      expect(text).not.toContain(f.idNumber);
      expect(text).not.toContain(f.phone);
    }
    expect(list.items[0]?.farmer.idNumberMasked).toMatch(/^\d{6}\*{8}/);
  });

  it('hides voided records unless asked, and filters by status', async () => {
    const list = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', {}));
    const target = list.items.find((i) => i.farmer.name === '李四') as PurchaseListItem;
    expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [target.id], to: 'voided', reason: '重复' }));
    expect(expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', {})).total).toBe(1);
    expect(expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { includeVoided: true })).total).toBe(2);
    expect(expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { status: 'voided' })).items[0]?.id).toBe(target.id);
  });

  it('exports the filtered ledger to Excel with masked numbers and yuan amounts', async () => {
    const file = await exported('purchases.exportXlsx', { year: 2026 });
    expect(file.fileName).toMatch(/^柳林镇农机站-购置补贴台账-\d{8}\.xlsx$/);
    expect(file.rowCount).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const row = (ws.getRow(3).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('姓名/名称')).toBe('李四');
    expect(String(cell('证件号码'))).toMatch(/\*{8}/);
    expect(cell('出厂编号')).toBe('B-2');
    expect(cell('单台销售价格（元）')).toBe(130_000);
    expect(cell('补贴合计（元）')).toBe(7_900);
    expect(JSON.stringify(row)).not.toContain(farmers[1]!.idNumber);
  });

  it('exports the scrap ledger', async () => {
    const file = await exported('scraps.exportXlsx', {});
    expect(file.rowCount).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const values = JSON.stringify(wb.worksheets[0]!.getRow(3).values);
    expect(values).toContain('王五');
    expect(values).toContain('7860');
  });

  it('a cancelled export leaves no file and no download', async () => {
    // the folder is shared by every process on the PC (another run may be exporting): look only at new files
    const parts = () => readdirSync(exportsDir()).filter((f) => f.endsWith('.part'));
    const before = new Set(parts());
    const started = expectOk<JobStatus>(await core.call('purchases.exportXlsx', {}));
    expectOk(await core.call('jobs.cancel', { id: started.id }));
    const end = await core.ctx.jobs.wait(started.id);
    expect(end.state).toBe('cancelled');
    expect(parts().filter((f) => !before.has(f))).toEqual([]);
  });

  it('a purchase detail keeps the amounts it was computed with', async () => {
    const list = expectOk<Page<PurchaseListItem>>(await core.call('purchases.list', { q: '李四' }));
    const p = expectOk<Purchase>(await core.call('purchases.get', { id: list.items[0]!.id }));
    expect([p.totalFen, p.catalogYear, p.purchaseDate]).toEqual([790_000, 2025, '2026-02-18']);
  });
});
