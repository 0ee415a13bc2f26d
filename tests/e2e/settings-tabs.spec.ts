import { setUpInstallation } from '../support/setup';
import { expect, keepScreenshot, openApp, test } from './fixtures';

const TABS = [
  ['info', '本站信息', 'key-fingerprint'],
  ['accounts', '账号与安全', 'users-panel'],
  ['backups', '数据备份', 'backups-section'],
  ['calendar', '工作日历', 'calendar-card'],
  ['county', '县局上报与下发包', 'county-package-card'],
] as const;

test('设置 is in tabs: each opens by click, by its link and by keyboard, and fits 1366×768', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王站长', solo: false });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app, '#/settings');
  const tabs = page.getByTestId('settings-tabs');
  await expect(tabs.getByRole('tab', { name: '本站信息' })).toHaveAttribute('aria-selected', 'true');
  // 本站信息 (open at first) last, so every click changes the tab
  for (const [key, label, content] of [...TABS.slice(1), TABS[0]]) {
    await tabs.getByRole('tab', { name: label }).click();
    await expect(page.getByTestId(content)).toBeVisible();
    expect(page.url()).toContain(`#/settings?tab=${key}`);
    // only the open tab's content is shown
    for (const [other, , otherContent] of TABS) if (other !== key) await expect(page.getByTestId(otherContent)).toBeHidden();
    await keepScreenshot(page, `settings-tab-${key}`);
  }

  // a link opens its tab (the home-screen banners link to 数据备份 and 县局下发包)
  await openApp(page, app, '#/settings?tab=calendar');
  await expect(tabs.getByRole('tab', { name: '工作日历' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('calendar-card')).toBeVisible();

  // keyboard: the tab bar takes focus and the arrow keys move between tabs
  await tabs.getByRole('tab', { name: '工作日历' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(tabs.getByRole('tab', { name: '数据备份' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('backups-section')).toBeVisible();
  expect(page.url()).toContain('tab=backups');
});

test('设置 at the county: no station-to-county tab, and an unknown tab opens 本站信息', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'county', name: '赵科长' });
  await openApp(page, app, '#/settings?tab=nonsense');
  const tabs = page.getByTestId('settings-tabs');
  await expect(tabs.getByRole('tab', { name: '本站信息' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tab', { name: '县局上报与下发包' })).toHaveCount(0);
});
