import type { Farmer, FarmerInput } from '../../shared/schemas/farmers';
import { setUpInstallation } from '../support/setup';
import type { Purchase } from '../../shared/schemas/purchases';
import type { Voucher } from '../../shared/schemas/vouchers';
import { formatVoucherQr } from '../../shared/domain/voucher-code';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { expect, keepScreenshot, test, type RunningApp, openApp } from './fixtures';
import { pdfFonts, pdfInfo, pdfText, pdfToPng, VoucherPrintModel } from './pages/voucher-print';
import { VoucherListModel } from './pages/voucher-list';
import { VoucherVerifyModel } from './pages/voucher-verify';

const ZHANG: FarmerInput = {
  kind: 'individual',
  name: '张三',
  idNumber: '371525198001010012',
  phone: '13812345678',
  bankCard: '6228480402564890018',
  bankName: '中国农业银行',
  townshipCode: '371525103',
  village: '东街村',
};
const LI: FarmerInput = { ...ZHANG, name: '李四', idNumber: '11010519491231002X', phone: '13900001111', village: '西街村' };

async function ok<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

const setUpStation = (app: RunningApp) => setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });

let serial = 0;

/** A purchase through 核验 (见人、见机、见票、见铭牌), with a scrapped tractor linked when `renewal`. */
async function verifiedPurchase(app: RunningApp, farmer: FarmerInput, renewal: boolean): Promise<Purchase> {
  serial++;
  const f: Farmer = await ok(app.core.call('farmers.create', farmer));
  const scrap = renewal
    ? await ok(
        app.core.call(
          'scraps.create',
          tractorScrap(f.id, { engineNo: `ENG-${serial}`, frameNo: `FR-${serial}`, plateNo: `鲁15-1234${serial}` }),
        ),
      )
    : null;
  const p = await ok(
    app.core.call(
      'purchases.create',
      tractorPurchase(f.id, { factoryNo: `SN2025-${serial}`, engineNo: `YC4A-${serial}`, scrapId: scrap?.id ?? null }),
    ),
  );
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
  return p;
}

const issue = (app: RunningApp, p: Purchase): Promise<Voucher> =>
  ok(app.core.call('vouchers.issue', { kind: 'purchase', applicationId: p.id }));

const count = (text: string, part: string) => text.split(part).length - 1;

test('one click issues and prints a voucher; the A4 PDF is right to the fen; a reprint says 补打', async ({ page, app }) => {
  await setUpStation(app);
  const purchase = await verifiedPurchase(app, ZHANG, true);
  await VoucherPrintModel.stubPrintDialog(page);
  await openApp(page, app);

  // 已核验待出具: one click issues the voucher and prints it (the print route, no menu)
  const list = new VoucherListModel(page);
  await list.openFromMenu();
  await list.openPending();
  await expect(list.pendingRow('张三')).toContainText('15,760.00');
  await page.waitForTimeout(400); // the tab's slide-in, for the screenshot
  await keepScreenshot(page, 'voucher-pending');
  await list.pendingRow('张三').getByTestId('issue-voucher').click();
  const print = new VoucherPrintModel(page);
  await print.expectShown(1);
  await expect.poll(() => print.printDialogCalls()).toBe(1);
  // the paper said 第1次打印 (both parts); counted once the dialog reported back
  expect(await print.printedMarks()).toEqual(['第1次打印|第1次打印']);
  await expect.poll(async () => (await ok(app.core.call('vouchers.list', { applicationId: purchase.id }))).items[0]?.printCount).toBe(1);
  const [voucher] = (await ok(app.core.call('vouchers.list', { applicationId: purchase.id }))).items;
  const number = voucher?.number ?? '';
  expect(number).toMatch(/^GX-103-\d{4}-000001$/);
  // the preview now shows what the next paper will carry
  await expect(page.getByTestId('print-mark').first()).toHaveText('补打第2次打印');
  await keepScreenshot(page, 'voucher-print-preview');

  const pdf = await print.pdf('voucher');
  const text = pdfText(pdf);
  for (const expected of [
    '冠县农机报废更新补贴凭证',
    number,
    '张三',
    '371525********0012',
    '138****5678',
    '7,900.00',
    '7,860.00',
    '15,760.00',
    '120,000.00',
    '人民币壹万伍仟柒佰陆拾元整',
    '直补到卡',
    '尾号 0018',
    'GXBF-2025-0001',
    '25372000000012345678',
    '第一联',
    '存根联',
    '第二联',
    '农户联',
    '沿此线剪开',
    '柳林镇农机站',
    '王技术员',
    '农户签字（按手印）',
    '单位盖章',
  ]) {
    expect(text, expected).toContain(expected);
  }
  expect(count(text, '371525198001010012'), 'the full ID on the stub only').toBe(1);
  expect(count(text, '人民币壹万伍仟柒佰陆拾元整'), 'the total in words on both parts').toBe(2);
  expect(text).not.toContain('13812345678');
  expect(text).toContain('第2次打印'); // the preview is the next paper
  expect(pdfInfo(pdf)).toEqual({ pages: 1, size: expect.stringContaining('(A4)') });
  // printed in the bundled font (loaded on demand, font-display: swap), never in a system fallback
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/^NotoSansSC/);
  pdfToPng(pdf);

  // a second print is a reprint: it asks why, and the paper says what the preview said
  await print.printButton.click();
  await expect(page.getByText('本次打印将标注“补打”（第2次打印）')).toBeVisible();
  await keepScreenshot(page, 'voucher-reprint-reason');
  await page.getByTestId('reprint-confirm').click();
  await expect(page.getByTestId('reprint-reason-error')).toHaveText('请选择或填写补打原因');
  await print.giveReprintReason('卡纸');
  await expect.poll(() => print.printedMarks()).toEqual(['第1次打印|第1次打印', '补打第2次打印|补打第2次打印']);
  await expect.poll(async () => (await ok(app.core.call('vouchers.get', { id: voucher?.id ?? '' }))).printCount).toBe(2);
  // the paper jammed: 未打印成功 takes the print back, the next paper is 第2次 again
  await page.getByTestId('print-failed').click();
  await page.getByTestId('print-failed-note').fill('卡纸，未出纸');
  await page.getByTestId('print-failed-confirm').click();
  await expect(page.getByText('已登记为未打印成功')).toBeVisible();
  expect((await ok(app.core.call('vouchers.get', { id: voucher?.id ?? '' }))).printCount).toBe(1);
  await expect(page.getByTestId('print-mark').first()).toHaveText('补打第2次打印');
  await print.print('污损');
  const reprint = await print.pdf('voucher-reprint');
  const again = pdfText(reprint);
  expect(again).toContain('补打');
  expect(again).toContain('第3次打印'); // the next paper, after two counted prints
  expect((await print.printedMarks()).at(-1)).toBe('补打第2次打印|补打第2次打印'); // the print after 未打印成功 is 第2次 again
  expect(again).toContain('15,760.00');
  expect(pdfInfo(reprint).pages).toBe(1);
  pdfToPng(reprint);
  const audit = await ok(app.core.call('audit.list', { entityId: voucher?.id ?? '' }));
  const prints = audit.items.filter((a) => a.method === 'vouchers.recordPrint');
  expect(prints).toHaveLength(3);
  expect(prints.map((a) => (a.after as { reprintReason?: string } | null)?.reprintReason).sort()).toEqual(['卡纸', '污损', undefined]);
  expect(audit.items.filter((a) => a.method === 'vouchers.markPrintFailed')).toHaveLength(1);

  // the application's button now reprints the same voucher rather than issuing another
  await page.getByRole('button', { name: '返回' }).click();
  await list.openPending();
  await expect(list.pendingRow('张三').getByTestId('issue-voucher')).toHaveText(new RegExp(`打印凭证 ${number}`));
});

test('batch print from the list: two vouchers, A4 two-part (1 page each) and A5 one part per page', async ({ page, app }) => {
  await setUpStation(app);
  const a = await issue(app, await verifiedPurchase(app, ZHANG, true));
  const b = await issue(app, await verifiedPurchase(app, LI, false));
  await VoucherPrintModel.stubPrintDialog(page);
  await openApp(page, app);

  const list = new VoucherListModel(page);
  await list.openFromMenu();
  await expect(list.rows()).toHaveCount(2);
  await expect(list.row(b.number)).toContainText('7,900.00');
  await expect(list.row(b.number)).toContainText('110105********002X');
  await expect(list.table).not.toContainText('11010519491231002X');
  await list.search.fill('ls');
  await expect(list.rows()).toHaveCount(1);
  await list.search.fill('');
  await expect(list.rows()).toHaveCount(2);
  await list.select(a.number);
  await list.select(b.number);
  await expect(page.getByTestId('batch-print')).toContainText('2份');
  await page.waitForTimeout(400); // let the checkbox animation finish for the screenshot
  await keepScreenshot(page, 'voucher-list');
  await list.batchPrint();

  const print = new VoucherPrintModel(page);
  await print.chooseLayout('A4 两联');
  await print.expectShown(2);
  await print.print();
  const a4 = await print.pdf('vouchers-a4-batch');
  expect(pdfInfo(a4)).toEqual({ pages: 2, size: expect.stringContaining('(A4)') });
  const a4Text = pdfText(a4);
  expect(a4Text).toContain(a.number);
  expect(a4Text).toContain(b.number);
  expect(a4Text).toContain('冠县农机购置补贴凭证');

  await print.chooseLayout('A5 单联');
  await print.expectShown(4);
  await print.print('污损');
  const a5 = await print.pdf('vouchers-a5', 'A5');
  expect(pdfInfo(a5)).toEqual({ pages: 4, size: expect.stringContaining('(A5)') });
  const a5Text = pdfText(a5);
  expect(count(a5Text, '存根联')).toBe(2);
  expect(count(a5Text, '农户联')).toBe(2);
  expect(a5Text).toContain('补打');
  expect(a5Text).toContain('人民币柒仟玖佰元整');
  pdfToPng(a5);
  await keepScreenshot(page, 'voucher-print-a5');

  // the layout is remembered on this computer
  await page.reload();
  await print.expectShown(4);
  const counts = await ok(app.core.call('vouchers.list', {}));
  expect(counts.items.map((i) => i.printCount)).toEqual([2, 2]);
});

test('凭证核验: a scanned QR is 有效, a changed amount 不符, and after 作废 on the list it is 已作废 with the reason', async ({
  page,
  app,
}) => {
  await setUpStation(app);
  const v = await issue(app, await verifiedPurchase(app, ZHANG, true));
  await openApp(page, app);

  const verify = new VoucherVerifyModel(page);
  await verify.openFromMenu();
  await verify.scan(v.qrPayload);
  await verify.expectVerdict('有效');
  await expect(verify.result).toContainText(v.number);
  await expect(verify.result).toContainText('张*');
  await expect(verify.result).toContainText('15,760.00');
  await expect(verify.result).not.toContainText('张三');
  await keepScreenshot(page, 'voucher-verify-valid');

  // the next scan replaces the last one
  await verify.scan(formatVoucherQr({ number: v.number, totalFen: v.totalFen + 100_000, checkCode: v.checkCode }));
  await verify.expectVerdict('不符');
  await verify.scan('GX-103-2000-999999');
  await verify.expectVerdict('未找到');
  await verify.scan(v.number);
  await verify.expectVerdict('编号有效');
  // a paper voucher without a scanner: its number and the printed 校验码, the amount shown back to compare
  await page.getByTestId('verify-check-code').fill(v.checkCode.toLowerCase());
  await page.getByTestId('verify-check-code').press('Enter');
  await verify.expectVerdict('有效');
  await expect(page.getByTestId('verify-message')).toContainText('人民币壹万伍仟柒佰陆拾元整');
  await expect(verify.result).toContainText('15,760.00');
  await keepScreenshot(page, 'voucher-verify-check-code');
  await page.getByTestId('verify-check-code').fill(v.checkCode.startsWith('A') ? `B${v.checkCode.slice(1)}` : `A${v.checkCode.slice(1)}`);
  await page.getByTestId('verify-submit').click();
  await verify.expectVerdict('不符');
  await expect(page.getByTestId('verify-message')).toContainText('校验码不符');
  await expect(verify.result).not.toContainText('15,760.00');
  await page.getByTestId('verify-check-code').fill('');
  await verify.input.focus();

  // 作废 on the vouchers page, with a reason
  const list = new VoucherListModel(page);
  await list.openFromMenu();
  await list.voidVoucher(v.number, '农户信息有误，重新出具');
  await expect(list.rows()).toHaveCount(0);
  await page.getByTestId('voucher-include-voided').check();
  await expect(list.row(v.number)).toContainText('已作废');

  await page.getByTestId('open-verify').click();
  await verify.scan(v.qrPayload);
  await verify.expectVerdict('已作废');
  await expect(page.getByTestId('verify-void-reason')).toHaveText('农户信息有误，重新出具');
  await keepScreenshot(page, 'voucher-verify-voided');

  // a voided voucher is not printed
  await openApp(page, app, `#/print/vouchers?ids=${v.id}`);
  await expect(page.getByTestId('voided-alert')).toContainText(v.number);
  await expect(page.getByTestId('voucher-sheet')).toHaveCount(0);
  await expect(page.getByTestId('print-button')).toBeDisabled();
});

test('desktop app: the chosen printer is remembered, prints go to it counted on success, and 保存PDF uses the page size', async ({
  page,
  app,
}) => {
  await setUpStation(app);
  const v = await issue(app, await verifiedPurchase(app, ZHANG, true));
  await VoucherPrintModel.fakeDesktopBridge(page);
  await openApp(page, app, `#/print/vouchers?ids=${v.id}`);
  const print = new VoucherPrintModel(page);
  await print.expectShown(1);
  await expect(page.getByText('浏览器模式')).toHaveCount(0);

  // choose a printer; it is remembered on this computer
  await page.getByTestId('printer-select').click();
  await page.locator('.ant-select-item-option', { hasText: 'Canon LBP2900' }).click();
  await print.chooseLayout('A5 单联');
  await page.reload();
  await print.expectShown(2);
  await expect(page.getByTestId('printer-select')).toContainText('Canon LBP2900');

  // the print dialog is cancelled: counted before the paper, taken back at once — the next paper is still 第1次
  await page.evaluate(() => Object.assign(window, { __cancelNextPrint: true }));
  await print.printButton.click();
  await expect(page.getByText('未打印：已取消')).toBeVisible();
  await expect.poll(async () => (await ok(app.core.call('vouchers.get', { id: v.id }))).printCount).toBe(0);
  await expect(page.getByTestId('print-mark').first()).toHaveText('第1次打印');
  await page.mouse.move(5, 700); // the warning toast sits over the toolbar until it fades
  await expect(page.getByText('未打印：已取消')).toBeHidden();
  await print.printButton.click();
  await expect.poll(async () => (await print.desktopCalls()).filter((c) => c.method === 'desktop.print')).toHaveLength(2);
  await expect.poll(async () => (await ok(app.core.call('vouchers.get', { id: v.id }))).printCount).toBe(1);
  await page.getByRole('button', { name: '保存PDF' }).click();
  await print.giveReprintReason('遗失');
  await expect(page.getByText('已保存 PDF')).toBeVisible();
  const calls = (await print.desktopCalls()).filter((c) => c.method !== 'desktop.printers');
  expect(calls).toEqual([
    { method: 'desktop.print', input: { deviceName: 'Canon_LBP2900', pageSize: 'A5', copies: 1 }, mark: '第1次打印|第1次打印' },
    { method: 'desktop.print', input: { deviceName: 'Canon_LBP2900', pageSize: 'A5', copies: 1 }, mark: '第1次打印|第1次打印' },
    { method: 'desktop.savePdf', input: { fileName: `补贴凭证-${v.number}`, pageSize: 'A5' }, mark: '补打第2次打印|补打第2次打印' },
  ]);
  const after = await ok(app.core.call('vouchers.get', { id: v.id }));
  expect(after.printCount).toBe(2);
  const audit = await ok(app.core.call('audit.list', { entityId: v.id }));
  expect(audit.items.filter((a) => a.method === 'vouchers.markPrintFailed').map((a) => (a.after as { note?: string }).note)).toEqual([
    '打印已取消或未完成（自动退回）',
  ]);
});

test('the purchase’s own page issues and prints its voucher in one click', async ({ page, app }) => {
  await setUpStation(app);
  const purchase = await verifiedPurchase(app, ZHANG, true);
  await VoucherPrintModel.stubPrintDialog(page);
  await openApp(page, app, `#/purchases/${purchase.id}`);
  await page.getByTestId('issue-voucher').click();
  const print = new VoucherPrintModel(page);
  await print.expectShown(1);
  await expect.poll(() => print.printDialogCalls()).toBe(1);
  await expect.poll(async () => (await ok(app.core.call('vouchers.list', { applicationId: purchase.id }))).items[0]?.printCount).toBe(1);
  const [voucher] = (await ok(app.core.call('vouchers.list', { applicationId: purchase.id }))).items;
  expect([voucher?.printCount, voucher?.totalFen]).toEqual([1, 1_576_000]);
});
