import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { setUpInstallation } from '../support/setup';
import type { Page } from '@playwright/test';
import { COOP, DOC_NO } from '../support/drying';
import { expect, keepScreenshot, test, type RunningApp, openApp } from './fixtures';
import { DryingPageModel } from './pages/drying-page';

// The browser runs in Asia/Shanghai (playwright.config.ts) and the app's server in this process: give the
// server the same calendar, as on a bureau PC, or "today" differs between them for eight hours a day.
let savedTz: string | undefined;
test.beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
});
test.afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

async function ok<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** A 柳林镇 station with the cooperative that will run the centre registered at the counter. */
async function station(app: RunningApp) {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王技术员' });
  await ok(app.core.call('farmers.create', COOP));
}

/** A screenshot without the toasts ("已保存") that pile up during a fast test. */
async function shot(page: Page, name: string) {
  await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  await keepScreenshot(page, name);
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a centre from plan to 投产, a coal dryer converted to a heat pump: the dashboard burns down to 0', async ({ page, app }) => {
  test.setTimeout(120_000); // many screens; slow when the machine is busy
  const consoleErrors = watchConsole(page);
  await station(app);
  await openApp(page, app);
  const drying = new DryingPageModel(page);
  await drying.openFromMenu();

  await drying.createSite({
    name: '柳林镇粮食烘干中心',
    village: '东柳林村',
    operator: ['惠农', COOP.name],
    conformity: '符合',
    docNo: DOC_NO,
    plannedCompletion: dayjs().add(1, 'year').format('YYYY-MM-DD'),
  });
  await expect(page.getByTestId('conformity')).toHaveText(`符合（${DOC_NO}）`);
  await expect(page.getByTestId('site-facts')).toContainText('93371525MA3C12346E');
  for (const stage of ['building', 'built', 'operating'] as const) await drying.moveTo(stage);
  const today = dayjs().format('YYYY-MM-DD');
  await expect(page.getByTestId('stage-history').locator('tbody tr')).toHaveCount(4);
  await expect(drying.stageSteps()).toContainText(`投产${today}`);
  await expect(page.getByTestId('to-closed')).toBeVisible(); // only 停用 is left

  await drying.addDryer({ maker: '河南佰衡节能科技股份有限公司', model: '5HXG-15', batchT: '15', heat: ['rm', '燃煤'], year: '2018' });
  await expect(drying.dryerRows()).toHaveCount(1);
  await expect(drying.dryerRows().first()).toContainText('燃煤');
  await expect(drying.dryerRows().first().getByTestId('dryer-daily-t')).toHaveText('30'); // 15 t/批 × 2 批/日
  await expect(drying.dryerRows().first()).toContainText('未安排淘汰/改造');
  await expect(page.getByTestId('site-capacity')).toHaveText('运行 30 · 规划 30');
  await shot(page, 'drying-01-site-coal-dryer');

  await page.getByRole('button', { name: '返回烘干设施' }).click();
  await expect(page.getByTestId('site-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('site-table')).toContainText('冠县柳林惠农农机专业合作社');
  await shot(page, 'drying-01b-site-list');
  await page.getByRole('tab', { name: '乡镇汇总' }).click();
  const liulin = page.getByTestId('township-table').locator('tbody tr', { hasText: '柳林镇' });
  await expect(liulin).toContainText('30');
  await expect(page.getByTestId('county-row')).toContainText('全县合计');
  await shot(page, 'drying-01c-townships');
  await page.getByTestId('open-dashboard').click();
  await expect(drying.coalRemaining()).toHaveText('1');
  await expect(page.getByTestId('stat-operating')).toContainText('30');
  await expect(drying.heatChart()).toContainText('燃煤');
  await expect(page.getByTestId('chart-burndown')).toContainText('目标0');
  await shot(page, 'drying-02-dashboard-before');
  // 导出 Excel from the dashboard: an export job, then the file as a download, with the coal dryer on its ledger
  const [dryingFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drying-dashboard-export').click()]);
  expect(dryingFile.suggestedFilename()).toMatch(/-烘干设施台账-\d{8}\.xlsx$/);
  const dryingBook = new ExcelJS.Workbook();
  await dryingBook.xlsx.readFile(await dryingFile.path());
  expect(dryingBook.worksheets.map((w) => w.name)).toEqual(['烘干设施', '烘干机', '燃煤烘干机淘汰台账']);
  expect(dryingBook.getWorksheet('燃煤烘干机淘汰台账')!.rowCount).toBe(3);

  // plan the conversion to a heat pump, then record it done
  await page.getByRole('button', { name: '返回烘干设施' }).click();
  await page.getByTestId('site-table').getByText('柳林镇粮食烘干中心').click();
  await page.getByTestId('retire-dryer').click();
  const retire = drying.form('retire-form');
  await expect(drying.field(retire, 'newHeatSource')).toBeVisible();
  await expect(retire.locator('[data-field="newHeatSource"]')).toContainText('电/热泵/空气能');
  await drying.fillDate(drying.field(retire, 'plannedDate'), `${dayjs().year()}-12-31`);
  await drying.field(retire, 'subsidyFen').fill('30000');
  await shot(page, 'drying-03-plan-conversion');
  await page.getByTestId('retire-submit').click();
  await expect(retire).toBeHidden();
  await expect(drying.dryerRows().first().getByTestId('retirement')).toContainText(
    `改造（更换热源） → 电/热泵/空气能计划 ${dayjs().year()}-12-31`,
  );

  await page.getByTestId('retire-dryer').click();
  await drying.fillDate(drying.field(retire, 'actualDate'), today);
  await page.getByTestId('retire-submit').click();
  await expect(retire).toBeHidden();
  await expect(drying.dryerRows().first()).toContainText('已改造');
  await expect(drying.dryerRows().first().getByTestId('retirement')).toContainText(`已于 ${today} 完成`);
  await expect(page.getByTestId('site-capacity')).toHaveText('运行 30 · 规划 30'); // a converted dryer keeps working
  await shot(page, 'drying-04-site-converted');

  await drying.openDashboard();
  await expect(drying.coalRemaining()).toHaveText('0');
  await expect(drying.heatChart()).toContainText('电/热泵/空气能');
  await expect(drying.heatChart()).not.toContainText('燃煤');
  await expect(page.getByTestId('stat-coal')).toContainText('已改造 1');
  await shot(page, 'drying-05-dashboard-after');

  const sum = await ok(app.core.call('drying.summary', {}));
  expect(sum.coal).toMatchObject({ total: 1, remaining: 0, converted: 1 });
  expect(sum.coal.months.find((m) => m.month === today.slice(0, 7))).toMatchObject({ remaining: 0, converted: 1 });
  expect(consoleErrors).toEqual([]);
});

test('a 规划 site without land-use conformity cannot start: the Chinese reason is shown and nothing changes', async ({ page, app }) => {
  await station(app);
  await openApp(page, app);
  const drying = new DryingPageModel(page);
  await drying.openFromMenu();
  await drying.createSite({ kind: '烘干点', name: '柳林镇西街烘干点', village: '西街村', conformity: '待认定' });
  await expect(page.getByText('须先认定符合国土空间规划并填写文件文号，才能开工')).toBeVisible();
  await drying.tryMoveTo('building');
  await expect(page.getByTestId('transition-error')).toHaveText(
    '该设施是否符合国土空间规划尚未认定：须认定为“符合”并填写规划文件文号后，才能转为“在建”',
  );
  await shot(page, 'drying-06-no-conformity');
  await page.getByRole('button', { name: /取\s*消/ }).click();
  const list = await ok(app.core.call('drying.sites.list', {}));
  expect(list.items.map((i) => i.stage)).toEqual(['planned']);

  // the form asks for the document number with 符合
  await page.getByTestId('edit-site').click();
  const form = drying.form('site-form');
  await form.getByText('符合', { exact: true }).click();
  await page.getByTestId('site-submit').click();
  await expect(drying.errorUnder(form, 'conformityDocNo')).toHaveText('认定为“符合”时请填写规划文件文号');
  await shot(page, 'drying-07-site-form-doc-no');
});
