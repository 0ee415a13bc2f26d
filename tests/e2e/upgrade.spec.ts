import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { openCore, type AppCore } from '../../db/app';
import { startWebServer, type WebServer } from '../../db/http/server';
import type { UpgradeStatus } from '../../db/upgrade/status';
import { keepScreenshot, STATIC_DIR } from './fixtures';

/**
 * Browser mode started on a file that needs migrating: the page shows the upgrade (the status is driven
 * here so each state can be looked at), follows it, and goes into the app by itself once the core is open.
 */
const test = base.extend<{ starting: { web: WebServer; set(s: UpgradeStatus): void; open(): void } }>({
  // eslint-disable-next-line no-empty-pattern
  starting: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-upgrade-'));
    let status: UpgradeStatus = { state: 'backup', fromVersion: 12, toVersion: 17, percent: 0, step: '正在备份数据文件（保留升级前的原样副本）', elapsedMs: 3_000 };
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

test('the upgrade screen follows the status and then enters the app', async ({ page, starting }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(starting.web.url);
  await expect(page.getByRole('heading', { name: '正在升级数据库…' })).toBeVisible();
  await expect(page.getByText('正在备份数据文件')).toBeVisible();
  await expect(page.getByText('请勿关闭本窗口或电脑')).toBeVisible();
  starting.set({
    state: 'migrating',
    fromVersion: 12,
    toVersion: 17,
    percent: 62,
    step: '数据版本 17/17（017_farmer_name_grams）第 2/4 步：填充姓名片段',
    elapsedMs: 95_000,
  });
  await expect(page.locator('#percent')).toHaveText('62%');
  await expect(page.getByText('第 2/4 步：填充姓名片段')).toBeVisible();
  await expect(page.getByText('已用时间 1 分 35 秒')).toBeVisible();
  await keepScreenshot(page, 'upgrade-progress');
  starting.open();
  // the page reloads into the app: the sign-in screen of a new installation's first-run
  await expect(page.getByRole('heading', { name: '正在升级数据库…' })).toBeHidden();
  await expect(page.locator('#root')).not.toBeEmpty();
});

test('a failed upgrade says so in Chinese and stays on screen', async ({ page, starting }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(starting.web.url);
  starting.set({
    state: 'failed',
    fromVersion: 12,
    toVersion: 17,
    percent: 0,
    step: '升级失败',
    elapsedMs: 41_000,
    error:
      '数据库升级失败：table farmer_name_grams already exists。数据版本 17 的升级已全部撤销，数据文件完好，停在数据版本 16（之前各版本的升级各自完整保存）；升级前的原样备份在数据文件旁的备份文件夹中。请把此信息告知技术人员。',
  });
  await expect(page.getByRole('heading', { name: '数据库升级失败' })).toBeVisible();
  await expect(page.getByText('数据文件完好，停在数据版本 16', { exact: false })).toBeVisible();
  await keepScreenshot(page, 'upgrade-failed');
});
