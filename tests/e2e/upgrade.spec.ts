import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { openCore, type AppCore } from '../../db/app';
import { startWebServer, type WebServer } from '../../db/http/server';
import { backupStatus, failedStatus, failureMessage, progressStatus, type UpgradeStatus } from '../../db/upgrade/status';
import { keepScreenshot, STATIC_DIR } from './fixtures';

/**
 * Browser mode started on a file that needs migrating: the page shows the upgrade (the status is driven
 * here so each state can be looked at), follows it, and goes into the app by itself once the core is open.
 */
const test = base.extend<{ starting: { web: WebServer; set(s: UpgradeStatus): void; open(): void } }>({
  // eslint-disable-next-line no-empty-pattern
  starting: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-upgrade-'));
    let status: UpgradeStatus = backupStatus(12, 18, 'copy', 0, 394_444, '正在复制数据文件', 3_000);
    let core: AppCore | undefined;
    const web = await startWebServer({ core: { core: () => core, upgrade: () => status }, staticDir: STATIC_DIR });
    await use({
      web,
      set: (s) => {
        status = s;
      },
      open: () => {
        core = openCore(join(dir, 'agri.db'), { log: () => undefined });
      },
    });
    await web.close();
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

test('the upgrade screen shows the backup and the migrations as phases, then enters the app', async ({ page, starting }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(starting.web.url);
  await expect(page.getByRole('heading', { name: '正在升级数据库…' })).toBeVisible();
  await expect(page.getByText('请勿关闭本窗口或电脑')).toBeVisible();
  const phases = page.locator('#phases li');
  await expect(phases).toHaveText([
    /1\. 备份：复制数据文件（0%） · 进行中/,
    /2\. 备份：打包照片 · 等待/,
    /3\. 备份：校验备份 · 等待/,
    /4\. 升级数据结构 · 等待/,
  ]);
  starting.set(backupStatus(12, 18, 'copy', 177_500, 394_444, '正在复制数据文件', 9_000));
  await expect(page.locator('#percent')).toHaveText('45%');
  await keepScreenshot(page, 'upgrade-backup-copy');
  starting.set(backupStatus(12, 18, 'check', 2_100, 3_700, '正在检查备份的每个数据页', 15_000));
  await expect(page.locator('#percent')).toHaveText('56%');
  await expect(page.locator('#step')).toHaveText('正在检查备份的每个数据页');
  await expect(phases).toHaveText([
    /✓ 1\. 备份：复制数据文件 · 完成/,
    /✓ 2\. 备份：打包照片 · 完成/,
    /● 3\. 备份：校验备份（56%） · 进行中/,
    /○ 4\. 升级数据结构 · 等待/,
  ]);
  await keepScreenshot(page, 'upgrade-backup-check');
  starting.set(
    progressStatus(
      {
        from: 12,
        to: 18,
        version: 17,
        migration: '017_farmer_name_grams',
        step: '填充已有农户的姓名片段（农户多时需几分钟）',
        stepIndex: 2,
        steps: 4,
        done: 21,
        total: 34,
      },
      95_000,
    ),
  );
  await expect(page.locator('#percent')).toHaveText('61%');
  await expect(page.getByText('第 2/4 步：填充已有农户的姓名片段')).toBeVisible();
  await expect(page.getByText('已用时间 1 分 35 秒')).toBeVisible();
  await expect(phases.nth(3)).toHaveText(/● 4\. 升级数据结构（61%） · 进行中/);
  await keepScreenshot(page, 'upgrade-progress');
  starting.open();
  // the page reloads into the app: the sign-in screen of a new installation's first-run
  await expect(page.getByRole('heading', { name: '正在升级数据库…' })).toBeHidden();
  await expect(page.locator('#root')).not.toBeEmpty();
});

test("a failed upgrade says so in Chinese and shows SQLite's words only as the technician's detail", async ({ page, starting }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(starting.web.url);
  const running = progressStatus(
    {
      from: 12,
      to: 18,
      version: 17,
      migration: '017_farmer_name_grams',
      step: '建立姓名片段表',
      stepIndex: 1,
      steps: 4,
      done: 12,
      total: 34,
    },
    41_000,
  );
  const text = failureMessage(
    { message: 'table farmer_name_grams already exists', code: 'SQLITE_ERROR' },
    { phase: 'migrate', at: 16, migration: '017_farmer_name_grams' },
  );
  starting.set(failedStatus(running, text, 41_000));
  await expect(page.getByRole('heading', { name: '数据库升级失败' })).toBeVisible();
  await expect(page.locator('#error')).toHaveText(
    /^数据库升级失败：数据版本 17 的升级出错。数据版本 17 的升级已全部撤销，数据文件完好，停在数据版本 16/,
  );
  await expect(page.locator('#error')).not.toContainText('already exists');
  await expect(page.locator('#detail')).toBeVisible();
  await expect(page.locator('#detail-text')).toHaveText('017_farmer_name_grams：SQLITE_ERROR：table farmer_name_grams already exists');
  await expect(page.locator('#phases li').nth(3)).toHaveText(/✗ 4\. 升级数据结构 · 失败/);
  await keepScreenshot(page, 'upgrade-failed');
});
