import ExcelJS from 'exceljs';
import { setUpInstallation } from '../../support/setup';
import type { Page } from '@playwright/test';
import type { Farmer, FarmerInput } from '../../../shared/schemas/farmers';
import { expect, keepScreenshot, type RunningApp } from '../fixtures';

/** Shared setup for the counter tests: two farmers, a station, screenshots, console watch, Excel rows. */

export const ZHANG: FarmerInput = {
  kind: 'individual',
  name: '张三',
  idNumber: '371525198001010012',
  phone: '13812345678',
  bankCard: '6228480402564890018',
  bankName: '中国农业银行',
  townshipCode: '371525103',
  village: '东街村',
};
export const LI: FarmerInput = {
  ...ZHANG,
  name: '李四',
  idNumber: '11010519491231002X',
  phone: '13900001111',
  bankCard: '',
  bankName: '',
  village: '西街村',
};
export const PURCHASE_CHECKS = ['见人（核对购机者身份）', '见机（核对实物）', '见票（核对发票）', '见铭牌（出厂编号、发动机号一致）'];

export async function ok<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** A second 75 hp four-wheel-drive tractor, as PurchaseFormModel.fill types it. */
export const TRACTOR_FORM = {
  item: ['lstlj', '轮式拖拉机'] as [string, string],
  variant: '四驱',
  param: '75',
  maker: '潍柴雷沃智慧农业科技股份有限公司',
  model: 'M754-A',
  factoryNo: 'SN2025000777',
  date: '2025-10-08',
  invoiceNo: '25372000000099990000',
  price: '118000',
};

/** A 柳林镇 station (the sample catalogue is seeded at setup) with the given farmers registered. */
export async function station(app: RunningApp, ...farmers: FarmerInput[]): Promise<Farmer[]> {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  const out: Farmer[] = [];
  for (const f of farmers) out.push(await ok(app.core.call('farmers.create', f)));
  return out;
}

/** A screenshot as a person sees the screen: toasts gone, the pointer out of the way. */
export async function screenshot(page: Page, name: string) {
  await page.mouse.move(0, 799);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(300); // hover and checkbox transitions
  await keepScreenshot(page, name);
}

/** Browser console errors and page errors, collected for the whole test. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The rows of the first sheet of an exported workbook, as objects keyed by the header row's titles. */
export async function xlsxRows(file: string, headerHas: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const at = rows.findIndex((r) => r.includes(headerHas));
  const header = (rows[at] ?? []).map(String);
  return rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
