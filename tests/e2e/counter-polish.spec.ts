import { setUpInstallation } from '../support/setup';
import { farmerInput } from '../support/farmers';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { CounterPageModel } from './pages/counter-page';

test('an old 15-digit ID is converted to 18 digits and offered for confirmation, not refused', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  const counter = new CounterPageModel(page);
  await counter.expectShown();
  await counter.openRegistration();
  await counter.fillForm({ name: '李四', idNumber: '110105491231002', phone: '13900001111', village: '西街村' });
  await expect(page.getByTestId('old-id-confirm')).toContainText('11010519491231002X');
  await keepScreenshot(page, 'farmer-old-id');
  await page.getByTestId('old-id-use').click();
  await expect(page.locator('#field-idNumber')).toHaveValue('11010519491231002X');
  await expect(page.getByTestId('old-id-confirm')).toHaveCount(0);
  await counter.save();
  await expect
    .poll(async () => {
      const r = await app.core.call('farmers.search', { q: '李四' });
      return r.ok ? JSON.stringify(r.data) : '';
    })
    .toContain('李四');
});

test('设置: a later year’s holidays are added from the notice and listed', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app, '#/settings?tab=calendar');
  const card = page.getByTestId('calendar-card');
  await expect(card).toContainText('国办发明电〔2024〕12号');
  await expect(card).toContainText('2026-02-15~02-23');
  await page.locator('#calendar-year').fill('2027');
  await page.locator('#calendar-source').fill('国办发明电〔2026〕X号');
  await page.locator('#calendar-holidays').fill('2027-01-01\n2027-02-08~2027-02-10');
  await page.locator('#calendar-makeup').fill('2027-02-03');
  await page.getByTestId('calendar-add').click();
  await expect(page.getByTestId('calendar-error')).toContainText('调休上班日应为周六或周日');
  await page.locator('#calendar-makeup').fill('2027-02-06');
  await page.getByTestId('calendar-add').click();
  await expect(card).toContainText('2027-02-08~02-10');
  await card.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'settings-calendar');
});

test('no silent truncation: a too-long paste is refused with a message, the count shows at the limit', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  await openApp(page, app);
  const counter = new CounterPageModel(page);
  await counter.expectShown();
  await counter.openRegistration();
  const village = page.locator('#field-village'); // 村（社区）: at most 40
  const paste = (text: string) =>
    village.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text', t);
      return el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  expect(await paste('村'.repeat(41))).toBe(false); // refused (default prevented), not cut
  await expect(page.getByText('此项最多 40 个字符，粘贴的内容有 41 个字符')).toBeVisible();
  await expect(village).toHaveValue('');
  expect(await paste('东街村')).toBe(true); // fits: the browser pastes it
  await village.fill('村'.repeat(40));
  await expect(page.locator('[data-field="village"]')).toContainText('40 / 40（已达上限）');
  await keepScreenshot(page, 'input-limit');
});

test('no silent truncation in the nameplate QR field either: a too-long paste is refused, the count shows', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  const farmer = await app.core.call('farmers.create', farmerInput(1));
  if (!farmer.ok) throw new Error('farmer not created');
  await openApp(page, app, `#/farmers/${farmer.data.id}/purchases/new`);
  const qr = page.getByTestId('qr-input');
  await expect(qr).toBeFocused();
  const refused = await qr.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text', t);
    return !el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, 'X'.repeat(121));
  expect(refused).toBe(true);
  await expect(page.getByText('此项最多 120 个字符，粘贴的内容有 121 个字符')).toBeVisible();
  await expect(qr).toHaveValue('');
  await qr.fill('A'.repeat(120));
  await expect(page.getByText('120 / 120（已达上限）')).toBeVisible();
});
