import { TEST_PASSWORD } from '../support/setup';
import QRCode from 'qrcode';
import { setUpInstallation } from '../support/setup';
import type { Purchase } from '../../shared/schemas/purchases';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { expect, test, openApp } from './fixtures';
import { PurchaseFormModel, ScrapFormModel } from './pages/application-forms';
import { LI, ok, PURCHASE_CHECKS, screenshot, station, TRACTOR_FORM, watchConsole, xlsxRows, ZHANG } from './pages/counter-setup';
import { LedgerPageModel } from './pages/ledger-page';
import { RecordPageModel } from './pages/record-page';

test('scrap-and-replace at the counter from the keyboard: scrap, purchase, review to 兑付, ledger and Excel', async ({ page, app }) => {
  test.setTimeout(120_000); // the whole counter path, 公示 and 兑付 included
  const consoleErrors = watchConsole(page);
  await station(app, ZHANG);
  await openApp(page, app);

  // 登记台: find the farmer, Enter opens the only result
  await page.getByTestId('farmer-search').fill('张三');
  await expect(page.locator('[data-testid="farmer-table"] tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('farmer-search').press('Enter');
  await page.getByTestId('start-scrap').focus();
  await page.keyboard.press('Enter');

  // 报废登记: every field from the keyboard; the band and amounts show before saving
  const scrap = new ScrapFormModel(page);
  await scrap.expectFocused('item');
  await scrap.pickEnter('item', 'tlj', '拖拉机');
  await expect(scrap.field('paramValue')).toBeVisible(); // appears once the item is chosen
  await scrap.typeEnter('');
  await scrap.expectFocused('paramValue');
  await scrap.typeEnter('60');
  await scrap.typeEnter('山东五征集团有限公司');
  await scrap.typeEnter('WZ-604');
  await scrap.typeEnter('ENG-2009-55667');
  await scrap.typeEnter('FR0012345');
  await scrap.typeEnter('鲁15-12345');
  await scrap.typeEnter('2009');
  await expect(page.getByLabel('达到或超过报废年限')).toBeFocused();
  await expect(scrap.preview.getByTestId('band-label')).toHaveText('50–80马力（含80）');
  await expect(scrap.preview.getByTestId('scrap-only-amount')).toHaveText('7,860.00 元');
  await expect(scrap.preview.getByTestId('scrap-replace-amount')).toHaveText('7,860.00 元');
  await scrap.typeEnter('');
  await scrap.expectFocused('recyclerId');
  // a recycler not yet in the list is added in place
  await page.getByTestId('add-recycler').click();
  await page.getByTestId('partner-form').getByLabel('企业名称').fill('冠县再生资源回收拆解有限公司');
  await page.getByTestId('partner-form').getByLabel('企业名称').press('Control+Enter');
  await expect(scrap.field('recyclerId').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(
    '冠县再生资源回收拆解有限公司',
  );
  await scrap.field('confirmFormNo').focus();
  await scrap.typeEnter('GXBF-2025-0001');
  await scrap.typeEnter('2025-09-01');
  await scrap.expectFocused('dismantleDate');
  await page.keyboard.type('2025-09-03');
  await screenshot(page, 'counter-scrap-form');
  await page.keyboard.press('Enter'); // the last field: Enter saves

  const record = new RecordPageModel(page);
  await record.expectStatus('已登记');
  await expect(page.getByTestId('scrap-detail')).toContainText('50–80马力（含80）');
  await expect(page.getByTestId('scrap-detail')).toContainText('60马力');
  await expect(page.getByTestId('scrap-payable')).toHaveText('7,860.00 元');

  // 购置登记 from the farmer's page
  await page.getByTestId('farmer-brief').getByRole('link', { name: '张三' }).click();
  await expect(page.getByTestId('farmer-scraps')).toContainText('拖拉机 WZ-604');
  await screenshot(page, 'counter-farmer');
  await page.getByTestId('start-purchase').focus();
  await page.keyboard.press('Enter');

  const purchase = new PurchaseFormModel(page);
  await expect(page.getByTestId('qr-input')).toBeFocused();
  await purchase.typeEnter('AB12SN2025000123'); // the scanner types and presses Enter
  await expect(purchase.field('factoryNo')).toHaveValue('SN2025000123');
  await purchase.expectFocused('item');
  await purchase.pickEnter('item', 'lstlj', '轮式拖拉机');
  await expect(purchase.field('variant')).toBeVisible();
  await purchase.typeEnter('');
  await purchase.expectFocused('variant');
  await purchase.pickEnter('variant', 'sq', '四驱');
  await expect(purchase.field('variant').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText('四驱');
  await purchase.typeEnter('');
  await purchase.typeEnter('75');
  await purchase.typeEnter('潍柴雷沃智慧农业科技股份有限公司');
  await purchase.expectFocused('productName');
  await expect(purchase.field('productName')).toHaveValue('轮式拖拉机');
  await purchase.typeEnter('');
  await purchase.typeEnter('M754-A');
  await purchase.expectFocused('factoryNo');
  await purchase.typeEnter('');
  await purchase.typeEnter('YC4A-778899');
  await purchase.expectFocused('purchaseDate');
  await purchase.typeEnter('2025-09-10');
  await purchase.expectFocused('invoiceNo');
  await expect(purchase.field('purchaseDate')).toHaveValue('2025-09-10');
  await purchase.typeEnter('25372000000012345678');
  await purchase.expectFocused('invoiceDate');
  await purchase.typeEnter('2025-09-10');
  await purchase.expectFocused('priceFen');
  await expect(purchase.field('invoiceDate')).toHaveValue('2025-09-10');
  await purchase.typeEnter('68000');
  await purchase.expectFocused('dealerId');
  await purchase.typeEnter('');
  await purchase.typeEnter(''); // terminal: 无
  await purchase.expectFocused('scrapId');
  await page.keyboard.press('ArrowDown');
  await expect(purchase.dropdownOf('scrapId').locator('.ant-select-item-option-active')).toContainText('拖拉机 WZ-604');
  await page.keyboard.press('Enter');
  await expect(purchase.field('priceFen')).toHaveValue('68,000.00');
  await expect(purchase.preview.getByTestId('band-label')).toHaveText('70–80马力四驱');
  await expect(purchase.preview.getByTestId('preview-purchase')).toHaveText('7,900.00 元');
  await expect(purchase.preview.getByTestId('preview-scrap')).toHaveText('7,860.00 元');
  await expect(purchase.preview.getByTestId('preview-total')).toHaveText('15,760.00 元');
  await screenshot(page, 'counter-purchase-form');
  await page.keyboard.press('Enter'); // the last field: Enter saves

  // the saved record carries what the preview showed
  await record.expectStatus('已登记');
  await expect(page.getByTestId('amount-purchase')).toHaveText('7,900.00 元');
  await expect(page.getByTestId('amount-scrap')).toHaveText('7,860.00 元');
  await expect(page.getByTestId('amount-total')).toHaveText('15,760.00 元');
  await expect(page.getByTestId('amount-words')).toHaveText('人民币壹万伍仟柒佰陆拾元整');
  await expect(page.getByTestId('factory-no')).toHaveText('SN2025000123');
  await expect(page.getByTestId('linked-scrap')).toContainText('拖拉机 WZ-604');

  // review: 受理 → 核验通过 (four checks) → 公示 → 兑付
  await record.simpleAction('accepted', '受理');
  await record.expectStatus('已受理');
  await record.verify(PURCHASE_CHECKS, '发票、铭牌与实物一致');
  await record.expectStatus('已核验');
  // 公示 opens the notice page with this application chosen; 兑付 after the period, with its facts
  await ok(app.core.call('notices.setContact', { address: '柳林镇政府院内农机站', phone: '0635-5123456' }));
  const recordUrl = page.url();
  await page.getByTestId('action-published').click();
  await expect(page.getByTestId('notice-publish')).toHaveText('发布公示（1）');
  await page.getByTestId('notice-publish').click();
  await expect(page.getByTestId('notice-payable')).toBeVisible();
  const realNow = app.core.ctx.now;
  const later = Date.now() + 14 * 86_400_000;
  app.core.ctx.now = () => new Date(later); // two weeks on: the notice period is over
  await page.goto(recordUrl);
  // two weeks without a call: the session locked itself; the same user's password reopens the page
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.locator('#unlock-password').fill(TEST_PASSWORD);
  await page.locator('#unlock-password').press('Enter');
  await record.expectStatus('已公示');
  await page.getByTestId('action-paid').click();
  await page.getByTestId('pay-finance-doc').fill('冠财农〔2025〕31号');
  await page.getByRole('button', { name: '确认兑付' }).click();
  await expect(page.getByTestId('pay-dialog')).toBeHidden();
  app.core.ctx.now = realNow;
  await record.expectStatus('已兑付');
  await expect(record.history.locator('tbody tr')).toHaveCount(4);
  await expect(record.history).toContainText('见铭牌');
  await expect(record.history).toContainText('发票、铭牌与实物一致');
  await expect(record.actions.getByRole('button', { name: '修改' })).toHaveCount(0);
  await screenshot(page, 'counter-purchase-detail');

  // the scrapped tractor went along with the purchase
  await page.getByTestId('linked-scrap').click();
  await record.expectStatus('已兑付');
  await expect(page.getByTestId('follows-purchase')).toHaveText('随购置申请办理');
  await expect(page.getByTestId('scrap-payable')).toHaveText('7,860.00 元');

  // the ledger: 已兑付, ID masked; export the filtered ledger
  await page.getByRole('menuitem', { name: /购置登记/ }).click();
  const ledger = new LedgerPageModel(page, 'purchase-ledger');
  await expect(ledger.rows()).toHaveCount(1);
  const row = ledger.rows().first();
  await expect(row).toContainText('张三');
  await expect(row).toContainText('371525********0012');
  await expect(row).toContainText('已兑付');
  await expect(row).toContainText('15,760.00');
  await expect(ledger.table).not.toContainText('371525198001010012');
  await screenshot(page, 'counter-ledger');

  const rows = await xlsxRows(await ledger.exportXlsx(), '出厂编号');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    '姓名/名称': '张三',
    证件号码: '371525********0012',
    出厂编号: 'SN2025000123',
    '补贴合计（元）': 15760,
    状态: '已兑付',
  });

  expect(consoleErrors).toEqual([]);
});

test('a second purchase with the same factory serial is refused, naming the first buyer', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang, li] = await station(app, ZHANG, LI);
  const first = tractorPurchase(zhang?.id ?? '', { purchaseDate: '2025-09-10', invoiceDate: '2025-09-10' });
  await ok(app.core.call('purchases.create', first));

  await openApp(page, app, `#/farmers/${li?.id}/purchases/new`);
  const form = new PurchaseFormModel(page);
  await form.fill({ ...TRACTOR_FORM, factoryNo: 'sn-2025-000123' }); // typed differently, the same serial
  await form.save();
  await expect(form.errorUnder('factoryNo')).toContainText('已于 2025-09-10 申请过购置补贴：购机者 张三（柳林镇）');
  await expect(form.field('factoryNo')).toBeFocused();
  // nothing typed is lost, nothing is saved
  await expect(form.field('model')).toHaveValue('M754-A');
  const list = await ok(app.core.call('purchases.list', {}));
  expect(list.total).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('a near-miss model code asks for a reason, and saves once one is given', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang, li] = await station(app, ZHANG, LI);
  await ok(
    app.core.call(
      'purchases.create',
      tractorPurchase(zhang?.id ?? '', { model: 'IGNQZ-230', purchaseDate: '2025-09-10', invoiceDate: '2025-09-10' }),
    ),
  );

  await openApp(page, app, `#/farmers/${li?.id}/purchases/new`);
  const form = new PurchaseFormModel(page);
  await form.fill({ ...TRACTOR_FORM, model: 'IGQNZ-230', factoryNo: 'SN2025000999' });
  await form.save();
  const box = page.getByTestId('warning-overrides');
  await expect(box).toContainText('型号“IGQNZ-230”与已登记的“IGNQZ-230”仅差一个字符');
  const reason = page.getByTestId('override-reason-model_near');
  await expect(reason).toBeFocused();
  // a reason is required before asking again
  await page.getByTestId('override-submit').click();
  await expect(box).toContainText('请说明原因（至少2个字）');
  await reason.fill('已核对发票、铭牌和目录，IGQNZ-230 为厂家另一款机型');
  await page.getByTestId('override-submit').click();

  await new RecordPageModel(page).expectStatus('已登记');
  await expect(page.getByTestId('saved-overrides')).toContainText('IGQNZ-230 为厂家另一款机型');
  const list = await ok(app.core.call('purchases.list', {}));
  expect(list.total).toBe(2);
  expect(consoleErrors).toEqual([]);
});

test('待办 lists open applications by deadline and publishes two verified ones in one go', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang, li] = await station(app, ZHANG, LI);
  const made: Purchase[] = [];
  const buyers = [zhang, zhang, li];
  for (const [i, buyer] of buyers.entries()) {
    const input = tractorPurchase(buyer?.id ?? '', {
      factoryNo: `SN20250010${i}`,
      engineNo: `YC4A-10${i}`,
      purchaseDate: '2025-10-08',
      invoiceDate: '2025-10-08',
    });
    made.push(await ok(app.core.call('purchases.create', input)));
  }
  const ready = made.slice(0, 2).map((p) => p.id);
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: ready, to: 'accepted' }));
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: ready, to: 'verified', checks: ALL_PURCHASE_CHECKS }));

  await openApp(page, app);
  await page.getByRole('menuitem', { name: /待办/ }).click();
  const table = page.getByTestId('todo-table');
  const rows = table.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '已核验' })).toHaveCount(2);
  await expect(rows.filter({ hasText: '已登记' }).first()).toContainText('受理');
  // only the verified ones can be chosen for 公示
  await expect(rows.filter({ hasText: '已登记' }).locator('input[type=checkbox]')).toBeDisabled();
  for (const row of await rows.filter({ hasText: '已核验' }).all()) await row.locator('input[type=checkbox]').check();
  await expect(page.getByTestId('batch-run')).toHaveText('批量公示（2）');
  await screenshot(page, 'counter-todo');
  await ok(app.core.call('notices.setContact', { address: '柳林镇政府院内农机站', phone: '0635-5123456' }));
  await page.getByTestId('batch-run').click();
  await expect(page.getByTestId('notice-publish')).toHaveText('发布公示（2）');
  await page.getByTestId('notice-publish').click();
  await expect(page.getByTestId('notice-payable')).toBeVisible();
  await page.getByRole('menuitem', { name: /待办/ }).click();
  await expect(rows.filter({ hasText: '已公示' })).toHaveCount(2);
  await expect(rows.filter({ hasText: '已公示' }).first()).toContainText('兑付');
  await expect(rows.filter({ hasText: '已公示' }).first().getByTestId('payable-from')).toBeVisible();
  for (const id of ready) {
    const p = await ok(app.core.call('purchases.get', { id }));
    expect(p.status).toBe('published');
  }
  expect(consoleErrors).toEqual([]);
});

test('scrap form says when a value is outside every band; photos upload and show', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang] = await station(app, ZHANG);
  await openApp(page, app, `#/farmers/${zhang?.id}/scraps/new`);
  const scrap = new ScrapFormModel(page);
  await scrap.pickEnter('item', 'sdpyj', '水稻抛秧机');
  await expect(scrap.field('paramValue')).toBeVisible();
  await scrap.typeEnter('');
  await scrap.typeEnter('5');
  await expect(scrap.preview.getByTestId('band-outside')).toContainText('行数 5行 不在“水稻抛秧机”的任何分档内');
  await expect(scrap.preview.getByTestId('band-outside')).toContainText('≥7行');
  await scrap.field('paramValue').fill('8');
  await expect(scrap.preview.getByTestId('scrap-only-amount')).toHaveText('6,200.00 元');
  await expect(scrap.preview.getByTestId('scrap-replace-amount')).toHaveText('9,300.00 元');

  const saved = await ok(app.core.call('scraps.create', tractorScrap(zhang?.id ?? '')));
  await openApp(page, app, `#/scraps/${saved.id}`);
  const png = await QRCode.toBuffer('GXBF-2025-0001 拆解前', { type: 'png', width: 160 });
  await page.getByTestId('photo-input-before').setInputFiles({ name: '拆解前.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('scrap-photos').getByTestId('photo-thumb')).toHaveCount(1);
  await expect(page.getByTestId('photo-unverified')).toHaveCount(0);
  await screenshot(page, 'counter-scrap-detail');
  const again = await ok(app.core.call('scraps.get', { id: saved.id }));
  expect(again.photos.map((p) => p.kind)).toEqual(['before']);
  expect(consoleErrors).toEqual([]);
});

test('the county installation sees the ledgers read-only', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  await setUpInstallation(app.core, { role: 'county', name: '赵科长' });
  await openApp(page, app);
  await expect(page.getByRole('menuitem', { name: /待办/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /登记台/ })).toHaveCount(0);
  await page.getByRole('menuitem', { name: /报废台账/ }).click();
  await expect(page.getByTestId('scrap-ledger')).toContainText('没有符合条件的报废登记');
  await expect(page.getByTestId('export-xlsx')).toBeEnabled();
  expect(consoleErrors).toEqual([]);
});

test('退回 needs a reason; the returned purchase is corrected and 重新提交', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang] = await station(app, ZHANG);
  const made = await ok(
    app.core.call('purchases.create', tractorPurchase(zhang?.id ?? '', { purchaseDate: '2025-09-10', invoiceDate: '2025-09-10' })),
  );
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: [made.id], to: 'accepted' }));

  await openApp(page, app, `#/purchases/${made.id}`);
  const record = new RecordPageModel(page);
  await record.expectStatus('已受理');
  await expect(page.getByTestId('edit-record')).toHaveCount(0);
  await page.getByTestId('action-returned').click();
  await page.getByRole('button', { name: '确认退回' }).click();
  await expect(record.dialog).toContainText('请填写退回原因（至少2个字）');
  await record.dialog.getByTestId('transition-text').fill('发票金额与合同不符，请购机者换开发票');
  await page.getByRole('button', { name: '确认退回' }).click();
  await record.expectStatus('已退回');
  await expect(page.getByText('已退回：发票金额与合同不符，请购机者换开发票')).toBeVisible();

  await page.getByTestId('edit-record').click();
  const form = new PurchaseFormModel(page);
  await expect(form.field('model')).toHaveValue('M754-A');
  await expect(form.field('priceFen')).toHaveValue('120,000.00');
  await form.fillText('priceFen', '119000');
  await form.fillText('invoiceNo', '25372000000012349999');
  await form.field('invoiceNo').press('Control+Enter');
  await record.expectStatus('已退回');
  await expect(page.getByTestId('purchase-detail')).toContainText('119,000.00 元');
  await record.simpleAction('registered', '重新提交');
  await record.expectStatus('已登记');
  await expect(record.history).toContainText('发票金额与合同不符');
  expect(consoleErrors).toEqual([]);
});
