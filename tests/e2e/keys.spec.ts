import { setUpInstallation } from '../support/setup';
import { expect, keepScreenshot, openApp, test } from './fixtures';

test('设置 shows the key fingerprint the county compares, and checks the history chain', async ({ page, app }) => {
  const settings = await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103' });
  if (!settings.configured) throw new Error('not configured');
  await openApp(page, app, '#/settings');
  await expect(page.getByTestId('key-fingerprint')).toHaveText(settings.keyFingerprint);
  expect(settings.keyFingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
  await page.getByTestId('verify-history').click();
  await expect(page.getByTestId('history-check')).toContainText('操作日志完整');
  await keepScreenshot(page, 'settings-key');

  // an edited history row is found and named
  app.core.db.prepare("UPDATE audit_log SET operator = '别人' WHERE chain_seq = 1").run();
  await page.getByTestId('verify-history').click();
  await expect(page.getByTestId('history-check')).toContainText('第 1 条');
});
