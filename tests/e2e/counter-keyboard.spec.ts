import type { Page } from '@playwright/test';
import { tractorPurchase } from '../support/counter';
import { expect, openApp, test } from './fixtures';
import { PurchaseFormModel, ScrapFormModel } from './pages/application-forms';
import { ok, PURCHASE_CHECKS, screenshot, station, watchConsole, ZHANG } from './pages/counter-setup';
import { RecordPageModel } from './pages/record-page';

/** The accessible name of whatever has the keyboard focus (a button's text, a checkbox's label, a field's id). */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el.closest('label');
    return (label?.textContent ?? el.id ?? '').trim() || (el.textContent ?? '').replace(/\s+/g, '');
  });
}

test('an inline 新增 dialog gives the focus back to the field it left: Ctrl+Enter still saves the form', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang] = await station(app, ZHANG);
  await openApp(page, app, `#/farmers/${zhang?.id}/purchases/new`);
  const purchase = new PurchaseFormModel(page);
  await expect(page.getByTestId('qr-input')).toBeFocused();
  await purchase.typeEnter('');
  await purchase.pickEnter('item', 'lstlj', '轮式拖拉机');
  await purchase.typeEnter('');
  await purchase.pickEnter('variant', 'lq', '两驱');
  await purchase.typeEnter('');
  await purchase.typeEnter('55'); // an everyday 55 hp two-wheel-drive tractor has a band
  await expect(purchase.preview.getByTestId('band-label')).toHaveText('50–60马力两驱');
  // each fact once: the drive type is in the label, not repeated as a tag
  await expect(purchase.preview.getByTestId('band-line')).toHaveText('补贴档次：50–60马力两驱');
  await purchase.typeEnter('山东五征集团有限公司');
  await purchase.typeEnter('');
  await purchase.typeEnter('WZ-554');
  await purchase.typeEnter('SN2025055001');
  await purchase.typeEnter('ENG-55-001');
  await purchase.typeEnter('2025-09-10');
  await purchase.typeEnter('25372000000055500001');
  await purchase.typeEnter('2025-09-10');
  await purchase.typeEnter('52000');
  await purchase.expectFocused('dealerId');

  // the dealer is not in the list: Tab to 新增, Enter, type the name, Ctrl+Enter saves the dealer
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('add-dealer')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('partner-form').getByLabel('企业名称')).toBeFocused();
  await page.keyboard.type('冠县惠农农机销售有限公司');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('partner-form')).toHaveCount(0);
  // back in the dealer field, with the new dealer chosen
  await purchase.expectFocused('dealerId');
  await expect(purchase.field('dealerId').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(
    '冠县惠农农机销售有限公司',
  );

  // a second 新增 abandoned with Esc also gives the focus back
  await page.getByTestId('add-dealer').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('partner-form')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('partner-form')).toHaveCount(0);
  await purchase.expectFocused('dealerId');

  // Ctrl+Enter from the field the dialog returned to saves the whole form
  await page.keyboard.press('Control+Enter');
  const record = new RecordPageModel(page);
  await record.expectStatus('已登记');
  await expect(page.getByTestId('purchase-detail')).toContainText('冠县惠农农机销售有限公司');
  expect(consoleErrors).toEqual([]);
});

test('the recycler 新增 on the scrap form returns the focus too', async ({ page, app }) => {
  const [zhang] = await station(app, ZHANG);
  await openApp(page, app, `#/farmers/${zhang?.id}/scraps/new`);
  const scrap = new ScrapFormModel(page);
  await scrap.field('recyclerId').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('add-recycler')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('冠县再生资源回收拆解有限公司');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('partner-form')).toHaveCount(0);
  await scrap.expectFocused('recyclerId');
});

test('受理 and 核验 dialogs from the keyboard only: Tab reaches every check and the confirm button, in order', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const [zhang] = await station(app, ZHANG);
  const made = await ok(
    app.core.call('purchases.create', tractorPurchase(zhang?.id ?? '', { purchaseDate: '2025-09-10', invoiceDate: '2025-09-10' })),
  );
  await openApp(page, app, `#/purchases/${made.id}`);
  const record = new RecordPageModel(page);
  await record.expectStatus('已登记');

  // Tab from the top of the page to 受理, Enter opens its confirm dialog with 确认受理 focused; Enter confirms
  const accept = page.getByTestId('action-accepted');
  for (let i = 0; i < 60 && !(await accept.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(accept).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(record.dialog).toBeVisible();
  await expect(page.getByRole('button', { name: '确认受理' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(record.dialog).toBeHidden();
  await record.expectStatus('已受理');

  // 核验通过: the dialog opens on the first check; Tab walks the four checks, the note, then 取消 and 确认核验通过
  const verify = page.getByTestId('action-verified');
  for (let i = 0; i < 60 && !(await verify.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(verify).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(record.dialog).toBeVisible();
  const walked: string[] = [];
  for (const [i, label] of PURCHASE_CHECKS.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    walked.push(await focusedName(page));
    await page.keyboard.press('Space');
    await expect(record.dialog.getByRole('checkbox', { name: label })).toBeChecked();
  }
  expect(walked).toEqual(PURCHASE_CHECKS);
  await page.keyboard.press('Tab');
  await expect(record.dialog.getByTestId('transition-text')).toBeFocused();
  await page.keyboard.type('四项均已现场核实');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /取\s*消/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const confirm = page.getByRole('button', { name: '确认核验通过' });
  await expect(confirm).toBeFocused();
  await screenshot(page, 'counter-keyboard-verify-dialog');
  await page.keyboard.press('Enter');
  await expect(record.dialog).toBeHidden();
  await record.expectStatus('已核验');
  await expect(record.history).toContainText('四项均已现场核实');
  expect(consoleErrors).toEqual([]);
});
