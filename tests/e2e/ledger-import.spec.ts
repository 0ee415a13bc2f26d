import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { buildLedger, liulinSheets, secondFileSheets, type BuiltLedger } from '../fixtures/ledger-xlsx';
import { setUpInstallation } from '../support/setup';
import { ARTIFACTS, expect, keepScreenshot, openApp, test } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function chooseLedger(page: Page, ledger: BuiltLedger) {
  await page.locator('input[type="file"]').setInputFiles({ name: ledger.fileName, mimeType: XLSX, buffer: ledger.bytes });
  await expect(page.getByTestId('dry-run')).toBeVisible({ timeout: 30_000 });
}

async function keepViewport(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

test('台账导入: dry run of a messy ledger, import, report of refused rows, mapping remembered, undo', async ({ page, app }) => {
  test.setTimeout(120_000);
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await page.getByRole('menuitem', { name: '台账导入' }).click();
  await expect(page.getByRole('heading', { name: '台账导入' })).toBeVisible();

  // 1–3: choose the file, see the sheets, the mapping and every row's outcome
  const first = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
  await chooseLedger(page, first);
  const count = (o: string) => first.expected.filter((e) => e.outcome === o).length;
  const totals = page.getByTestId('dry-run-totals');
  await expect(totals).toContainText(`将新建 ${count('create')}`);
  await expect(totals).toContainText(`需注意 ${count('attention')}`);
  await expect(totals).toContainText(`不能导入 ${count('refused')}`);
  await expect(page.getByTestId('sheet-填表说明')).toBeDisabled();
  await expect(page.getByTestId('dry-run-rows')).toContainText('末几位已丢失');
  await expect(page.getByTestId('dry-run-rows')).toContainText('已按国家标准转换为18位');
  await keepScreenshot(page, 'ledger-import-dry-run');
  await keepViewport(page, 'ledger-import-dry-run-1366');

  // 4: import with a progress bar, then download the report of rows not imported
  const importable = count('create') + count('attention');
  await page.getByTestId('ledger-commit').click();
  await expect(page.getByTestId('ledger-done')).toContainText(`购置登记 ${importable} 条`, { timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-report').click()]);
  expect(download.suggestedFilename()).toBe('台账导入报告-柳林镇2025年台账.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const refusedSheet = wb.getWorksheet('未导入的行');
  const reasons: string[] = [];
  refusedSheet?.eachRow((r, n) => {
    if (n > 2) reasons.push(`${String(r.getCell(3).value)}：${String(r.getCell(4).value)}`);
  });
  expect(reasons.filter((r) => r.startsWith('不能导入'))).toHaveLength(count('refused'));
  expect(reasons.join('\n')).toContain('小写 930.00 元与大写 830.00 元不一致');
  await keepScreenshot(page, 'ledger-import-done');

  // another station layout: the technician maps 兑付状态 to nothing and imports
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  const second = await buildLedger('2025补录.xlsx', 'B', secondFileSheets());
  await chooseLedger(page, second);
  await page.getByTestId('mapping-columns').locator('.ant-collapse-header').click();
  await page.getByTestId('map-兑付状态').click();
  await page.keyboard.type('不导入');
  await page.locator('.ant-select-item-option').filter({ hasText: '（不导入此列）' }).click();
  await page.getByTestId('rerun-preview').click();
  await expect(page.getByTestId('rerun-preview')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('dry-run-totals')).toContainText('已存在 2');
  await page.getByTestId('ledger-commit').click();
  await expect(page.getByTestId('ledger-done')).toContainText('已导入', { timeout: 30_000 });

  // next month's file in that layout maps itself, 兑付状态 included
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  const third = await buildLedger('2025补录-5月.xlsx', 'B', [
    { name: '5月', rows: [{ farmer: 30, machine: 'subsoiler', date: '2025-05-06', serial: 'DH2505001', status: '已兑付' }] },
  ]);
  await chooseLedger(page, third);
  const panel = page.getByTestId('mapping-panel');
  await expect(panel).toContainText('不导入 2 列');
  await page.getByTestId('mapping-columns').locator('.ant-collapse-header').click();
  await expect(panel.getByRole('row').filter({ hasText: '兑付状态' })).toContainText('（不导入此列）');
  await expect(panel.getByRole('row').filter({ hasText: '兑付状态' })).toContainText('上次的对应');
  await expect(panel.getByRole('row').filter({ hasText: '证件号码' })).toContainText('上次的对应');
  await keepViewport(page, 'ledger-import-remembered');

  // undo the first import from the history
  const history = page.getByRole('row').filter({ hasText: '柳林镇2025年台账.xlsx' });
  await history.getByTestId('history-undo').click();
  await page.getByPlaceholder('撤销原因（必填）').fill('导错了年度');
  await page.getByRole('button', { name: '撤销导入' }).last().click();
  await expect(history).toContainText('已撤销：导错了年度');
  await keepScreenshot(page, 'ledger-import-history');
});

test('台账导入: a long ledger shows its progress while it is read and while it is imported', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await page.getByRole('menuitem', { name: '台账导入' }).click();
  const { bigSheets } = await import('../fixtures/ledger-xlsx');
  const big = await buildLedger('全年台账.xlsx', 'A', bigSheets(3000));
  await page.locator('input[type="file"]').setInputFiles({ name: big.fileName, mimeType: XLSX, buffer: big.bytes });
  await expect(page.getByTestId('job-progress')).toContainText('正在读取', { timeout: 30_000 });
  await expect(page.getByTestId('dry-run-totals')).toContainText('将新建 3000', { timeout: 90_000 });
  // the dry run lists a bounded number of rows (3,000 machines + a 小计 row: 1,001 more are staged in SQLite, counted, in the report)
  await expect(page.getByTestId('dry-run-omitted')).toContainText('另有 1,001 行未列出');
  await page.getByTestId('ledger-commit').click();
  await expect(page.getByTestId('job-progress')).toBeVisible();
  await keepViewport(page, 'ledger-import-progress');
  await expect(page.getByTestId('ledger-done')).toContainText('购置登记 3000 条', { timeout: 120_000 });
});

test('台账导入: a scrapping ledger (报废台账) becomes scraps whose condition reads 台账未记载; the report lists refused rows', async ({ page, app }) => {
  test.setTimeout(120_000);
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103' });
  const { buildScrapLedger, KNOWN_RECYCLER } = await import('../fixtures/scrap-ledger-xlsx');
  expect((await app.core.call('partners.create', { kind: 'recycler', name: KNOWN_RECYCLER })).ok).toBe(true);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await page.getByRole('menuitem', { name: '台账导入' }).click();
  const ledger = await buildScrapLedger('柳林镇报废台账.xlsx');
  await page.locator('input[type="file"]').setInputFiles({ name: ledger.fileName, mimeType: XLSX, buffer: ledger.bytes });
  await expect(page.getByTestId('dry-run')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mapping-panel')).toContainText('报废台账');
  await expect(page.getByTestId('scrap-ledger-note')).toContainText('台账未记载');
  await expect(page.getByTestId('mapping-panel')).not.toContainText('还缺少必需的列');
  const count = (o: string) => ledger.expected.filter((e) => e.outcome === o).length;
  await expect(page.getByTestId('dry-run-totals')).toContainText(`将新建 ${count('create')}`);
  await expect(page.getByTestId('dry-run-totals')).toContainText(`不能导入 ${count('refused')}`);
  await expect(page.getByTestId('dry-run-rows')).toContainText('报废');
  await keepViewport(page, 'ledger-import-scrap-dry-run');

  await page.getByTestId('ledger-commit').click();
  await expect(page.getByTestId('ledger-done')).toContainText(`报废登记 ${count('create') + count('attention')} 条`, { timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-report').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const rows: string[] = [];
  wb.getWorksheet('未导入的行')?.eachRow((r, n) => {
    if (n > 2) rows.push(`${String(r.getCell(3).value)}｜${String(r.getCell(5).value)}｜${String(r.getCell(4).value)}`);
  });
  expect(rows.filter((r) => r.startsWith('不能导入｜报废'))).toHaveLength(count('refused'));

  // the record says plainly that the ledger did not record the condition
  const id = app.core.db.prepare("SELECT id FROM scraps WHERE frame_no = 'FJ250301'").pluck().get() as string;
  await page.goto(`${page.url().split('#')[0]}#/scraps/${id}`);
  await expect(page.getByTestId('eligibility-unrecorded')).toContainText('台账未记载');
  // it says where it came from, and offers no voucher (paid on paper)
  await expect(page.getByTestId('ledger-source')).toContainText('来源：历史台账导入（柳林镇报废台账.xlsx，工作表“报废”，第 3 行）');
  await expect(page.getByTestId('issue-voucher')).toHaveCount(0);
  await keepViewport(page, 'ledger-import-scrap-record');

  // a scrap entered at the counter still offers its voucher button (the check above is not vacuous)
  const other = app.core.db.prepare("SELECT id FROM scraps WHERE frame_no = 'XG250302'").pluck().get() as string;
  app.core.db.prepare("UPDATE ledger_records SET voided_at = ?, void_reason = 'e2e：视为柜台登记' WHERE entity_id = ?").run('2026-01-10T08:00:00.000Z', other);
  await page.goto(`${page.url().split('#')[0]}#/scraps/${other}`);
  await expect(page.getByTestId('issue-voucher')).toHaveCount(1);
  await expect(page.getByTestId('ledger-source')).toHaveCount(0);
});

test('台账导入: a file with a purchase sheet and a scrapping sheet is checked per sheet against its own required columns', async ({ page, app }) => {
  test.setTimeout(90_000);
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103' });
  const { SCRAP_HEADERS } = await import('../fixtures/scrap-ledger-xlsx');
  const { LAYOUT_HEADERS } = await import('../fixtures/ledger-xlsx');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, app);
  await page.getByRole('menuitem', { name: '台账导入' }).click();
  // both sheets have every column except the scrapping sheet's 回收日期 (the purchase sheet's 购机日期 is no substitute)
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('购置').addRow(LAYOUT_HEADERS.A);
  wb.addWorksheet('报废').addRow(SCRAP_HEADERS.filter((h) => h !== '回收日期'));
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await page.locator('input[type="file"]').setInputFiles({ name: '混合台账.xlsx', mimeType: XLSX, buffer: bytes });
  await expect(page.getByTestId('dry-run')).toBeVisible({ timeout: 30_000 });
  const panel = page.getByTestId('mapping-panel');
  await expect(panel).toContainText('购置台账');
  await expect(panel).toContainText('报废台账');
  const missing = page.getByTestId('mapping-missing');
  await expect(missing).toContainText('工作表“报废”（报废台账）：回收日期');
  await expect(missing).not.toContainText('工作表“购置”');
  await keepViewport(page, 'ledger-import-mixed-mapping');
  // with only the purchase sheet chosen nothing is missing
  await page.getByTestId('sheet-报废').click();
  await expect(missing).toBeHidden();
});
