import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { farmerInput } from '../support/farmers';
import { setUpInstallation } from '../support/setup';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('设置 → 数据备份: set the USB copy, back up now, restore an encrypted copy in three clicks and a password', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103' });
  for (let n = 1; n <= 3; n++) {
    const r = await app.core.call('farmers.create', farmerInput(n));
    expect(r.ok).toBe(true);
  }
  const usb = join(dirname(app.dbPath), 'usb');
  mkdirSync(usb);

  await openApp(page, app, '/#/settings?tab=backups');
  const section = page.getByTestId('backups-section');
  await expect(section).toBeVisible();
  await expect(page.getByTestId('backups-offsite-warning')).toContainText('尚未设置U盘');

  await page.getByTestId('offsite-dir').fill(usb);
  await page.getByTestId('backup-password').fill('zhanzhang-2026');
  await page.getByTestId('backup-password-confirm').fill('zhanzhang-2026');
  await page.getByTestId('save-backup-settings').click();
  await expect(page.getByText('备份设置已保存')).toBeVisible();

  await page.getByTestId('backup-offsite').check();
  await page.getByTestId('backup-now').click();
  await expect(page.getByText('已备份，并已写入U盘')).toBeVisible({ timeout: 20_000 });
  const table = page.getByTestId('backups-table');
  await expect(table.getByText('U盘（加密）')).toBeVisible();
  await expect(table.getByText('农户 3').first()).toBeVisible();
  await expect(page.getByTestId('backups-offsite-warning')).toHaveCount(0);
  await keepScreenshot(page, 'backups-settings');

  // two more farmers after the backup; restoring the USB copy takes them away again
  for (let n = 4; n <= 5; n++) expect((await app.core.call('farmers.create', farmerInput(n))).ok).toBe(true);
  const offsiteRow = table.locator('tr', { hasText: 'U盘（加密）' });
  await offsiteRow.locator('[data-testid^="restore-agri-"]').click();
  await page.getByTestId('restore-password').fill('wrong-password');
  await page.getByTestId('restore-verify').click();
  await expect(page.getByText('备份密码不正确')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('restore-password').fill('zhanzhang-2026');
  await page.getByTestId('restore-verify').click();
  await expect(page.getByTestId('restore-compare')).toContainText('农户 3 条，比当前少 2 条', { timeout: 20_000 });
  await keepScreenshot(page, 'backups-restore-compare');
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 20_000 });
  const count = app.core.ctx.db.prepare('SELECT count(*) FROM farmers').pluck().get();
  expect(count).toBe(3);
  await page.getByTestId('restore-reload').click();
  await expect(page.getByTestId('backups-section')).toBeVisible();
});
