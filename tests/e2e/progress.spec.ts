import type { Page } from '@playwright/test';
import { setUpInstallation } from '../support/setup';
import dayjs from 'dayjs';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { buildProgressFixture, writeProgressFixture, type ProgressFixture } from '../fixtures/progress-fixture';
import { evenShare, expectedFor } from '../support/progress-expect';
import { expect, keepScreenshot, test, type RunningApp } from './fixtures';
import { ProgressPageModel, sheetRow } from './pages/progress-page';

const LIULIN = '371525103';

async function ok<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** A county installation holding the fixture's machines for this year and last year. */
async function countyWithFixture(app: RunningApp): Promise<ProgressFixture> {
  const settings = await setUpInstallation(app.core, { role: 'county', name: '赵科长' });
  if (!settings.configured) throw new Error('not configured');
  const fixture = buildProgressFixture(dayjs().year(), dayjs().format('YYYY-MM-DD'));
  writeProgressFixture(app.core.db, settings.stationId, fixture);
  return fixture;
}

/** antd puts a data-testid either on the <input> itself or on its wrapper, depending on the component. */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the county sees the fixture’s numbers on the cards, the township table and in the Excel report', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const fixture = await countyWithFixture(app);
  const want = expectedFor(fixture);
  const progress = new ProgressPageModel(page);
  await progress.open(app);

  await expect(page.getByTestId('counting-rule')).toContainText('计入口径');
  await expect(page.getByTestId('counting-rule')).toContainText('已核验');
  expect(await progress.measure('scraps')).toEqual({ done: want.scraps, target: 100 });
  expect(await progress.measure('purchases')).toEqual({ done: want.purchases, target: 900 });
  await expect(progress.card('purchases')).toHaveAttribute('data-status', 'behind');
  const share = (((want.beidou + want.monitor) / want.purchases) * 100).toFixed(1);
  await expect(progress.card('terminals')).toContainText(share);
  await expect(progress.card('drying')).not.toContainText('待烘干设施模块');
  await expect(progress.card('drying').getByTestId('drying-coal')).toHaveText('无燃煤烘干机');

  for (const t of TOWNSHIPS) {
    const w = expectedFor(fixture, { township: t.code });
    const row = progress.townshipRow(t.code);
    await expect(row.locator('[data-measure="scraps"]')).toHaveAttribute('data-done', String(w.scraps));
    await expect(row.locator('[data-measure="scraps"]')).toHaveAttribute('data-target', String(evenShare(100, t.code)));
    await expect(row.locator('[data-measure="purchases"]')).toHaveAttribute('data-done', String(w.purchases));
  }
  // 万善乡 has almost nothing: highlighted as behind
  await expect(progress.townshipRow('371525209')).toHaveClass(/pp-laggard/);

  await progress.waitForCharts();
  await keepScreenshot(page, 'progress-01-county-overview');
  await progress.keepElement(page.getByTestId('chart-cumulative'), 'progress-02-chart-cumulative');
  await progress.keepElement(page.getByTestId('chart-monthly'), 'progress-03-chart-monthly');
  await progress.keepElement(page.getByTestId('chart-items'), 'progress-04-chart-items');
  await progress.keepElement(page.getByTestId('chart-terminals'), 'progress-05-chart-terminals');
  await progress.keepElement(page.getByTestId('township-table'), 'progress-06-township-table');

  // the Excel report: the summary sheet carries the same numbers as the cards
  const wb = await progress.exportReport();
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分乡镇', '月度', '报废台账（计入）', '购置台账（计入）', '机械化率']);
  expect(sheetRow(wb, '汇总', '报废农机（台）').slice(0, 3)).toEqual(['报废农机（台）', 100, want.scraps]);
  expect(sheetRow(wb, '汇总', '新购农机（台）').slice(0, 3)).toEqual(['新购农机（台）', 900, want.purchases]);
  const committed = sheetRow(wb, '汇总', '已承诺（已核验及以后）');
  expect(committed.slice(1, 4)).toEqual([
    want.committed.scrapFen / 100,
    want.committed.purchaseFen / 100,
    (want.committed.scrapFen + want.committed.purchaseFen) / 100,
  ]);
  expect(sheetRow(wb, '分乡镇', '柳林镇').slice(1, 3)).toEqual([evenShare(100, LIULIN), expectedFor(fixture, { township: LIULIN }).scraps]);
  expect(wb.getWorksheet('购置台账（计入）')!.rowCount).toBe(2 + want.purchases);

  // drilling into a township shows its own numbers against its share
  await progress.townshipRow(LIULIN).click();
  await expect(page.getByTestId('back-to-county')).toBeVisible();
  const liulin = expectedFor(fixture, { township: LIULIN });
  await expect(progress.card('purchases').locator('.ant-statistic-content-value')).toHaveText(String(liulin.purchases));
  expect(await progress.measure('purchases')).toEqual({ done: liulin.purchases, target: 50 });
  await expect(page.getByTestId('township-table')).toHaveCount(0);
  await progress.waitForCharts();
  await keepScreenshot(page, 'progress-07-township-drill');
  await page.getByTestId('back-to-county').click();
  await expect(page.getByTestId('township-table')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the county splits its targets by last year’s results, enters mechanization areas, and prints the report', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const fixture = await countyWithFixture(app);
  const progress = new ProgressPageModel(page);
  await progress.open(app, '?tab=targets');

  await expect(page.getByTestId('targets-form')).toBeVisible();
  await page.getByTestId('apportion-last-year').click();
  await expect(page.getByTestId('shares-sum-scrapCount')).toHaveText('100 / 全县 100');
  await expect(page.getByTestId('shares-sum-purchaseCount')).toHaveText('900 / 全县 900');
  await expect(page.getByTestId('shares-table')).toContainText(`${fixture.year - 1}年实绩`);
  const proposal = await ok(app.core.call('targets.apportion', { year: fixture.year, basis: 'lastYear' }));
  const liulinShare = proposal.shares.find((s) => s.townshipCode === LIULIN)!;
  await expect(numberInput(page, `share-${LIULIN}-purchaseCount`)).toHaveValue(String(liulinShare.purchaseCount));
  await keepScreenshot(page, 'progress-08-targets-form');
  // a share cut below the county total is refused in the form
  await numberInput(page, `share-${LIULIN}-scrapCount`).fill('0');
  await page.getByTestId('targets-submit').click();
  await expect(page.getByText(/各乡镇报废分解数之和（\d+）少于全县目标（100）/)).toBeVisible();
  await numberInput(page, `share-${LIULIN}-scrapCount`).fill(String(liulinShare.scrapCount));
  await page.getByTestId('targets-submit').click();
  await expect(page.getByText(`已保存 ${fixture.year} 年目标`)).toBeVisible();
  const saved = await ok(app.core.call('targets.get', { year: fixture.year }));
  expect([saved.isDefault, saved.sharesAreDefault]).toEqual([false, false]);

  await progress.tab('目标进度').click();
  await expect(progress.townshipRow(LIULIN).locator('[data-measure="purchases"]')).toHaveAttribute(
    'data-target',
    String(liulinShare.purchaseCount),
  );

  // 机械化率: the DOMAIN example for 柳林镇 → 94.2%
  await progress.tab('机械化率').click();
  await page.getByTestId(`mech-edit-${LIULIN}`).click();
  const form = page.getByTestId('mechanization-form');
  await expect(form).toBeVisible();
  const values = { tillageBaseMu: 200000, tilledMu: 195000, sownMu: 200000, machineSownMu: 186000, machineHarvestedMu: 182000 };
  for (const [key, v] of Object.entries(values)) await numberInput(page, `mech-0-${key}`).fill(String(v));
  await page.locator('[data-testid="mech-1-crop"]').locator('xpath=ancestor::tr').getByRole('button', { name: '删除第2行' }).click();
  await page.getByTestId('mech-1-crop').waitFor({ state: 'detached' });
  // a machine area above its base is refused at the field
  await numberInput(page, 'mech-0-machineHarvestedMu').fill('210000');
  await page.getByTestId('mech-submit').click();
  await expect(form.getByText('机收面积不能大于农作物播种面积')).toBeVisible();
  await numberInput(page, 'mech-0-machineHarvestedMu').fill('182000');
  await expect(page.getByTestId('mech-preview')).toHaveText('94.2%');
  await keepScreenshot(page, 'progress-09-mechanization-form');
  await page.getByTestId('mech-submit').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('mech-table').locator('tr', { hasText: '柳林镇' })).toContainText('94.2%');
  await expect(page.getByTestId('mech-total')).toContainText('94.2%');
  await keepScreenshot(page, 'progress-10-mechanization');

  // the printable A4 report, without the app's menu
  await progress.tab('目标进度').click();
  await page.getByTestId('print-report').click();
  await expect(page.getByTestId('progress-print')).toBeVisible();
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
  const want = expectedFor(fixture);
  await expect(page.getByTestId('print-summary').locator('tr[data-row="purchases"] td').nth(2)).toHaveText(String(want.purchases));
  await expect(page.getByTestId('print-chart-cumulative').locator('svg path').first()).toBeAttached();
  await keepScreenshot(page, 'progress-11-print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.pp-toolbar')).toBeHidden();
  await keepScreenshot(page, 'progress-12-print-media');
  expect(consoleErrors).toEqual([]);
});

test('a township station sees its own share and numbers, without the county’s tools', async ({ page, app }) => {
  const consoleErrors = watchConsole(page);
  const settings = await setUpInstallation(app.core, { role: 'station', townshipCode: LIULIN, name: '王站长' });
  if (!settings.configured) throw new Error('not configured');
  const fixture = buildProgressFixture(dayjs().year(), dayjs().format('YYYY-MM-DD'));
  writeProgressFixture(app.core.db, settings.stationId, fixture);
  const want = expectedFor(fixture, { township: LIULIN });
  const progress = new ProgressPageModel(page);
  await progress.open(app);
  await expect(page.getByRole('heading', { name: '目标进度（柳林镇）' })).toBeVisible();
  expect(await progress.measure('scraps')).toEqual({ done: want.scraps, target: evenShare(100, LIULIN) });
  expect(await progress.measure('purchases')).toEqual({ done: want.purchases, target: 50 });
  await expect(progress.tab('目标设置')).toHaveCount(0);
  await expect(page.getByTestId('township-table')).toHaveCount(0);
  await progress.waitForCharts();
  await keepScreenshot(page, 'progress-13-station');
  expect(consoleErrors).toEqual([]);
});
