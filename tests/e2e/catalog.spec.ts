import { mkdirSync, readFileSync } from 'node:fs';
import { setUpInstallation } from '../support/setup';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { badCatalogRows, catalogXlsx, goodCatalogRows } from '../fixtures/catalog-xlsx';
import { ARTIFACTS, expect, keepScreenshot, test, openApp } from './fixtures';
import { CatalogPageModel } from './pages/catalog-page';

/** A dialog floats over the page: keep what the screen shows rather than the whole page. */
async function keepViewport(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

test('补贴额一览表: the 示例 sample, search by initials, a refused import, a good import, export', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  await openApp(page, app);
  const catalog = new CatalogPageModel(page);
  await catalog.openFromMenu();

  // the shipped sample, clearly labelled with its source
  await expect(catalog.sampleTag).toHaveText('示例');
  await expect(page.getByTestId('sample-notice')).toContainText('非冠县正式目录');
  await expect(catalog.bandRow('20–50马力（含20、50）')).toContainText('3,850.00');
  await expect(catalog.bandRow('>200马力')).toContainText('20,000.00');
  await expect(catalog.bandRow('30–40马力两驱')).toContainText('4,500.00');
  await expect(catalog.bandRow('30–40马力两驱')).toContainText('单机≤50,000.00元');
  await keepScreenshot(page, 'catalog');

  // search by pinyin initials
  await catalog.search.fill('tlj');
  await expect(catalog.items()).toHaveText(['拖拉机', '轮式拖拉机']);
  await catalog.search.fill('zbwrj');
  await expect(catalog.items()).toHaveText(['植保无人机', '植保无人驾驶航空器']);
  await catalog.search.fill('');
  await expect(catalog.items()).toHaveCount(17);

  // a file with bad rows: every bad row named with its Chinese error, and no way to confirm
  const { rows, bad } = badCatalogRows();
  await catalog.openImport();
  await catalog.chooseFile('冠县2025补贴额.xlsx', await catalogXlsx(rows));
  await expect(page.getByTestId('import-message')).toContainText('请修改文件后重新校验');
  await expect(catalog.reportRow(bad.badAmount)).toContainText('“报废补贴（元）”金额最多保留两位小数：12.345');
  await expect(catalog.reportRow(bad.missingItem)).toContainText('请填写品目');
  await expect(catalog.reportRow(bad.upperBelowLower)).toContainText('上限（5）应大于下限（10）');
  await expect(catalog.reportRow(bad.overlap)).toContainText('参数范围重叠');
  await expect(catalog.confirm).toBeDisabled();
  await keepViewport(page, 'catalog-import-errors');
  const before = await app.core.call('catalog.list', { year: 2025 });
  expect(before.ok && before.data.version?.isSample).toBe(true);

  // the fixed file: checked, confirmed, and the table shows the new amounts
  await catalog.chooseFile('冠县2025补贴额.xlsx', await catalogXlsx(goodCatalogRows()));
  await expect(page.getByTestId('import-message')).toContainText('校验通过：共 7 个分档');
  await expect(catalog.dialog).toContainText('导入后将替换 2025 年现行目录“2025年补贴额一览表（示例）”');
  await expect(catalog.confirm).toBeEnabled();
  await catalog.confirm.click();
  await expect(catalog.dialog).toBeHidden();
  await expect(catalog.sampleTag).toHaveCount(0);
  await expect(catalog.bandRow('<20马力')).toContainText('1,600.00');
  await expect(catalog.bandRow('>80马力')).toContainText('12,000.50');
  await expect(catalog.bandRow('单轴 1.5–2m')).toContainText('≤售价30%');
  await expect(catalog.items()).toHaveText(['拖拉机', '旋耕机', '农用北斗辅助驾驶系统']);
  await keepScreenshot(page, 'catalog-imported');

  // the sample is still there, marked 已被替换
  await page.getByTestId('catalog-version').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已被替换' }).click();
  await expect(page.getByTestId('superseded-tag')).toBeVisible();
  await expect(catalog.sampleTag).toBeVisible();
  await expect(catalog.bandRow('20–50马力（含20、50）')).toContainText('3,850.00');

  // export the live table: an .xlsx with the headers import reads
  await page.getByTestId('catalog-version').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '现行' }).click();
  await expect(catalog.sampleTag).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalog-export').click()]);
  expect(download.suggestedFilename()).toBe('补贴额一览表-2025.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(3).value).toBe('品目');
  expect(sheet?.rowCount).toBe(8);
});
