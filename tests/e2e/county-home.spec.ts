import { setUpInstallation } from '../support/setup';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('a county installation opens on 县级汇总, without the counter pages', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'county', name: '赵科长' });
  await openApp(page, app);
  await expect(page.getByText('县级汇总 · 站点数据导入与核查')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/county');
  const menu = page.getByRole('menuitem');
  await expect(menu.first()).toContainText('县级汇总');
  await expect(page.getByRole('menuitem', { name: /登记台/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /^补贴凭证/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /报废台账/ })).toHaveCount(1);
  await expect(page.getByRole('menuitem', { name: /目标进度/ })).toHaveCount(1);
  await keepScreenshot(page, 'county-home');
  // a counter route typed or bookmarked goes to 县级汇总
  for (const path of ['#/counter', '#/vouchers', '#/farmers/x/purchases/new']) {
    await page.goto(new URL(path, app.url).toString());
    await expect(page.getByText('县级汇总 · 站点数据导入与核查')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/county');
  }
});

test('a station still opens on the counter, with its counter pages', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '站长' });
  await openApp(page, app);
  await expect(page).toHaveURL(/#\/counter$/);
  await expect(page.getByRole('menuitem').first()).toContainText('登记台');
  await expect(page.getByRole('menuitem', { name: /补贴凭证/ })).toHaveCount(1);
  await expect(page.getByRole('menuitem', { name: /县级汇总/ })).toHaveCount(0);
  await page.goto(new URL('#/vouchers', app.url).toString());
  await expect(page).toHaveURL(/#\/vouchers$/);
});
