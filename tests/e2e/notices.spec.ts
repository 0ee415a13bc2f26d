import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Farmer } from '../../shared/schemas/farmers';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Voucher } from '../../shared/schemas/vouchers';
import { tractorPurchase } from '../support/counter';
import { bankCard, mobile, nthResidentId } from '../support/ids';
import { verifyPurchases } from '../support/notices';
import { setUpInstallation } from '../support/setup';
import { ARTIFACTS, expect, keepScreenshot, openApp, signInBrowser, test, type RunningApp } from './fixtures';
import { watchConsole, xlsxRows } from './pages/counter-setup';
import { pdfInfo, pdfText, pdfToPng, VoucherPrintModel } from './pages/voucher-print';

async function ok<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** Sets "now" for the service (China time follows from the instant) and for the page's clock alike. */
async function setNow(app: RunningApp, page: Page, iso: string) {
  const at = Date.parse(iso);
  // leave the page first: its idle-lock timer would see the jump as days without a keystroke and lock the
  // fresh session below before the next navigation (a race that failed the run under load)
  await page.goto('about:blank');
  app.core.ctx.now = () => new Date(at);
  await page.clock.setFixedTime(at);
  // days pass in a moment here: the browser's session would count them as idle time and lock itself, so
  // the same user signs in again (as at the lock screen) at the new time
  await signInBrowser(page, app);
}

/** A screenshot with the pointer out of the way (the page's clock is fixed, so toasts are closed by hand). */
async function screenshot(page: Page, name: string) {
  await page.mouse.move(0, 799);
  await page.evaluate(() => document.querySelectorAll('.ant-message-notice').forEach((n) => n.remove()));
  await keepScreenshot(page, name);
}

const BUYERS = [
  { name: '张三明', masked: '张*明' },
  { name: '李四', masked: '李*' },
  { name: '欧阳明华', masked: '欧**华' },
];

test('three applications → notice printed → objection on one → after the period two paid → payment list → vouchers show payment', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const consoleErrors = watchConsole(page);
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王站长' });
  await setNow(app, page, '2025-09-24T02:00:00Z'); // Wednesday 24 Sep, 10:00 in Guan County
  const farmers: Farmer[] = [];
  const purchases: Purchase[] = [];
  for (const [i, b] of BUYERS.entries()) {
    const f = await ok(
      app.core.call('farmers.create', {
        kind: 'individual',
        name: b.name,
        idNumber: nthResidentId(40 + i).idNumber,
        phone: mobile(40 + i),
        bankCard: bankCard(`62284804025648${i}001`),
        bankName: '中国农业银行冠县支行',
        townshipCode: '371525103',
        village: '东柳林村',
      }),
    );
    farmers.push(f);
    purchases.push(
      await ok(app.core.call('purchases.create', tractorPurchase(f.id, { factoryNo: `SN2025-E${i}`, engineNo: `ENG-E${i}` }))),
    );
  }
  await verifyPurchases(
    app.core,
    purchases.map((p) => p.id),
  );

  // Friday 26 Sep: where to object, then publish all three as one batch
  await setNow(app, page, '2025-09-26T01:30:00Z');
  await VoucherPrintModel.stubPrintDialog(page);
  await openApp(page, app, '/#/notices');
  await page.getByTestId('contact-address').fill('冠县柳林镇政府院内农机站');
  await page.getByTestId('contact-phone').fill('0635-5123456');
  await page.getByTestId('contact-save').click();
  await expect(page.locator('.ant-message')).toContainText('已保存');
  const candidates = page.getByTestId('candidate-table').locator('tbody tr.ant-table-row');
  await expect(candidates).toHaveCount(3);
  await page.getByTestId('candidate-table').locator('thead input[type=checkbox]').check();
  await expect(page.getByTestId('notice-publish')).toHaveText('发布公示（3）');
  await screenshot(page, 'notices-publish');
  await page.getByTestId('notice-publish').click();
  await expect(page.getByTestId('notice-period')).toHaveText('2025-09-26 至 2025-10-10（5个工作日）');
  await expect(page.getByTestId('notice-payable')).toHaveText('2025-10-11 起');
  const noticeUrl = page.url();
  // 导出 Excel of the notice: an export job, then the file as a download, with the three lines and nothing personal
  const [noticeFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notice-xlsx').click()]);
  expect(noticeFile.suggestedFilename()).toMatch(/-公示表-.+\.xlsx$/);
  const noticeLines = (await xlsxRows(await noticeFile.path(), '序号')).filter((r) => typeof r['序号'] === 'number');
  expect(noticeLines).toHaveLength(3);
  expect(JSON.stringify(noticeLines)).not.toMatch(/\d{17}[\dX]/);

  // the notice as posted: A4 landscape PDF, masked names, nothing personal, a total row, page numbers
  await page.getByTestId('notice-print').click();
  await expect(page.getByTestId('notice-sheet')).toBeVisible();
  await page.getByTestId('notice-print-run').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(ARTIFACTS, 'notice.pdf');
  await page.pdf({ path: pdfPath, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  pdfToPng(pdfPath);
  expect(pdfInfo(pdfPath)).toEqual({ pages: 1, size: expect.stringMatching(/^841\.\d+ x 59[45]\.\d+ pts/) });
  const text = pdfText(pdfPath);
  for (const b of BUYERS) {
    expect(text).toContain(b.masked);
    expect(text).not.toContain(b.name);
  }
  for (const f of farmers) {
    for (const secret of [f.idNumber, f.phone, f.bankCard ?? '', f.idNumber.slice(-8), f.bankCard?.slice(-8) ?? ''])
      expect(text).not.toContain(secret);
  }
  for (const expected of [
    '冠县柳林镇2025年',
    'GS-103-2025-001',
    '合计',
    '23,700.00',
    '0635-5123456',
    '第 1 页，共 1 页',
    '出厂编号',
    '总补贴额',
  ]) {
    expect(text).toContain(expected);
  }
  const printed = await ok(app.core.call('audit.list', { entityId: (await ok(app.core.call('notices.list', {}))).items[0]?.id ?? '' }));
  expect(printed.items.map((a) => a.method)).toContain('notices.exportPdf');

  // Monday 29 Sep: an objection to 李四's
  await setNow(app, page, '2025-09-29T02:00:00Z');
  await page.goto(noticeUrl);
  await page.getByTestId('raise-2').click();
  await page.getByTestId('objection-by').fill('东柳林村村民赵某');
  await page.getByTestId('objection-content').fill('该拖拉机实为其兄弟所购');
  await page.getByRole('button', { name: '登记异议' }).last().click();
  await expect(page.getByTestId('notice-rows').locator('tbody tr').nth(1)).toContainText('有异议');
  await expect(page.getByTestId('pay-1')).toHaveCount(0); // the period is still running
  await screenshot(page, 'notice-objection');

  // Monday 13 Oct: the period is over; 李四's stays blocked by the objection
  await setNow(app, page, '2025-10-13T02:00:00Z');
  await page.goto(noticeUrl);
  await expect(page.getByTestId('pay-1')).toBeVisible();
  await expect(page.getByTestId('pay-2')).toHaveCount(0);
  await expect(page.getByTestId('resolve-2')).toBeVisible();
  const rows = page.getByTestId('notice-rows').locator('tbody tr');
  await rows.nth(0).locator('input[type=checkbox]').check();
  await rows.nth(2).locator('input[type=checkbox]').check();
  await expect(rows.nth(1).locator('input[type=checkbox]')).toBeDisabled();

  // the bank's payment list (full accounts, 内部资料), then its printed summary for signatures
  const download = page.waitForEvent('download');
  await page.getByTestId('payment-list').click();
  const file = join(ARTIFACTS, 'payment-list.xlsx');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toContain('内部资料');
  const lines = await xlsxRows(file, '户名');
  const people = lines.filter((l) => typeof l['序号'] === 'number');
  expect(people.map((l) => [l['户名'], l['账号']])).toEqual([
    [farmers[0]!.name, farmers[0]!.bankCard],
    [farmers[2]!.name, farmers[2]!.bankCard],
  ]);
  const total = lines.find((l) => l['序号'] === '合计');
  expect(total?.['金额']).toBe((purchases[0]!.totalFen + purchases[2]!.totalFen) / 100);
  expect(readFileSync(file).length).toBeGreaterThan(0);
  await expect(page.getByTestId('payment-summary-page')).toBeVisible();
  await expect(page.getByTestId('payment-summary-total')).toContainText('15,800.00');
  await expect(page.getByTestId('payment-summary-page')).not.toContainText(farmers[0]!.bankCard!);
  await screenshot(page, 'payment-list-summary');
  const exported = app.core.db.prepare("SELECT operator FROM audit_log WHERE method = 'payments.exportList'").pluck().all();
  expect(exported).toEqual(['王站长']);

  // pay the two with their facts
  await page.goto(noticeUrl);
  for (const line of [1, 3]) {
    await page.getByTestId(`pay-${line}`).click();
    const dialog = page.getByTestId('pay-dialog');
    await expect(dialog).toContainText('7,900.00');
    await page.getByTestId('pay-finance-doc').fill('冠财农〔2025〕31号');
    await page.getByRole('button', { name: '确认兑付' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(rows.filter({ hasText: '已兑付' })).toHaveCount(2);
  await screenshot(page, 'notice-paid');
  for (const i of [0, 2]) expect((await ok(app.core.call('purchases.get', { id: purchases[i]!.id }))).status).toBe('paid');
  expect((await ok(app.core.call('purchases.get', { id: purchases[1]!.id }))).status).toBe('published');

  // the vouchers show when, how much, into which account and under which finance document
  const vouchers: Voucher[] = [];
  for (const i of [0, 2]) vouchers.push(await ok(app.core.call('vouchers.issue', { kind: 'purchase', applicationId: purchases[i]!.id })));
  await page.goto(new URL(`/#/print/vouchers?ids=${vouchers.map((v) => v.id).join(',')}`, app.url).toString());
  await expect(page.getByTestId('voucher-sheet')).toHaveCount(2);
  await expect(page.getByTestId('paid-on').first()).toHaveText('2025年10月13日');
  await expect(page.getByTestId('paid-doc').first()).toHaveText('冠财农〔2025〕31号');
  await expect(page.getByTestId('paid-account').first()).toContainText(`**** ${farmers[0]!.bankCard!.slice(-4)}`);
  await screenshot(page, 'voucher-with-payment');
  expect(consoleErrors).toEqual([]);
});
