import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type AppCore } from '../../db/app';
import { exportStationFile } from '../../db/transfer/export';
import { importStationFile } from '../../db/services/county-import';
import { farmerInput } from '../support/farmers';
import { ALL_PURCHASE_CHECKS, tractorPurchase } from '../support/counter';
import { setUpInstallation } from '../support/setup';
import { expect, keepScreenshot, openApp, test } from './fixtures';
import { ProgressPageModel } from './pages/progress-page';
import { xlsxRows } from './pages/counter-setup';

/** Builds a township station's file through the real services (a clock in March 2025) and exports it. */
async function stationFile(dir: string, township: string, n: number, factoryNo: string): Promise<{ file: string; fingerprint: string }> {
  let t = Date.UTC(2025, 2, 1) + n * 3_600_000;
  const core: AppCore = openCore(join(dir, `s${n}.db`), { now: () => new Date((t += 1000)), log: () => undefined });
  const ok = async <T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data as T;
  };
  await setUpInstallation(core, { role: 'station', townshipCode: township, name: '站长' });
  const farmer = await ok<{ id: string }>(
    core.call('farmers.create', farmerInput(n, { townshipCode: township as never, name: `购机户${n}` })),
  );
  const p = await ok<{ id: string }>(core.call('purchases.create', tractorPurchase(farmer.id, { factoryNo, engineNo: `E-${n}` })));
  await ok(core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
  await ok(core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
  const file = exportStationFile(core.ctx, dir).path;
  // what the station reads out from its 设置 page
  const { keyFingerprint } = await ok<{ keyFingerprint: string }>(core.call('settings.get', {}));
  core.close();
  return { file, fingerprint: keyFingerprint };
}

test('the county imports two station files through the UI and sees the planted duplicate', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-county-'));
  try {
    const a = await stationFile(dir, '371525103', 1, 'SN-SAME-001');
    const b = await stationFile(dir, '371525104', 2, 'SN-SAME-001');
    await setUpInstallation(app.core, { role: 'county', name: '县局审核员' });

    await openApp(page, app, '#/county');
    await expect(page.getByText('县级汇总 · 站点数据导入与核查')).toBeVisible();
    await page.locator('input[type=file][accept=".agri"]').setInputFiles([a.file, b.file]);
    await page.getByTestId('start-import').click();
    const results = page.getByTestId('import-results');
    // first files from two stations: nothing imported until the clerk confirms each fingerprint
    const enrolments = results.getByTestId('enrolment');
    await expect(enrolments).toHaveCount(2, { timeout: 30_000 });
    await expect(enrolments.nth(0)).toContainText('柳林镇');
    // the clerk types what each station reads out; the file's own fingerprint is not shown to copy
    await expect(results).not.toContainText(a.fingerprint);
    await expect(enrolments.nth(0).getByTestId('confirm-enrol')).toBeDisabled();
    await enrolments.nth(0).getByTestId('enrol-fingerprint-input').fill(b.fingerprint); // the other station's: refused
    await keepScreenshot(page, 'county-enrolment');
    await enrolments.nth(0).getByTestId('confirm-enrol').click();
    await expect(results.getByText('所填的密钥指纹与柳林镇站点文件的签名密钥不一致')).toBeVisible({ timeout: 30_000 });
    await expect(results.getByTestId('enrolment')).toHaveCount(2);
    await results.getByTestId('enrolment').nth(0).getByTestId('enrol-fingerprint-input').fill(a.fingerprint.toLowerCase());
    await results.getByTestId('enrolment').nth(0).getByTestId('confirm-enrol').click();
    await expect(results.getByText('已导入 · 柳林镇')).toBeVisible({ timeout: 30_000 });
    await results.getByTestId('enrolment').getByTestId('enrol-fingerprint-input').fill(b.fingerprint);
    await results.getByTestId('enrolment').getByTestId('confirm-enrol').click();
    await expect(results.getByText('已导入 · 清水镇')).toBeVisible();
    await keepScreenshot(page, 'county-import');

    await page.getByRole('tab', { name: '冲突核查' }).click();
    const conflicts = page.getByTestId('conflicts-table');
    await expect(conflicts).toContainText('同一出厂编号重复补贴');
    await expect(conflicts).toContainText('SNSAME001');
    await expect(conflicts).toContainText('柳林镇');
    await expect(conflicts).toContainText('清水镇');
    await keepScreenshot(page, 'county-conflicts');
    // 导出 Excel: an export job, then the file as a download; one row per record of each conflict
    const [conflictsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('conflicts-export').click()]);
    expect(conflictsFile.suggestedFilename()).toMatch(/^冠县-跨站冲突核查-\d{8}\.xlsx$/);
    const conflictRows = await xlsxRows(await conflictsFile.path(), '冲突类型');
    expect(
      conflictRows
        .filter((r) => r['关联号码'] === 'SNSAME001')
        .map((r) => r['乡镇'])
        .sort(),
    ).toEqual(['柳林镇', '清水镇']);

    await page.getByRole('tab', { name: '上报情况' }).click();
    const reporting = page.getByTestId('reporting-table');
    await expect(reporting.locator('tr', { hasText: '柳林镇' })).toContainText('正常');
    await expect(reporting.locator('tr', { hasText: '清水镇' })).toContainText('正常');
    await expect(reporting.locator('tr', { hasText: '贾镇' })).toContainText('未上报');
    await keepScreenshot(page, 'county-reporting');

    await page.getByRole('tab', { name: '站点密钥' }).click();
    const stations = page.getByTestId('stations-table');
    await expect(stations.locator('tr', { hasText: '柳林镇' })).toContainText(a.fingerprint);
    await expect(stations.locator('tr', { hasText: '清水镇' })).toContainText(b.fingerprint);
    await keepScreenshot(page, 'county-stations');

    // the merged data counts on the progress screen, per township
    const progress = new ProgressPageModel(page);
    await progress.open(app, '?year=2025');
    // the planted duplicate's conflict is open: the machine counts once (the earlier record), the other is 待核查
    await expect(progress.townshipRow('371525103').locator('[data-measure="purchases"]')).toHaveAttribute('data-done', '1');
    await expect(progress.townshipRow('371525104').locator('[data-measure="purchases"]')).toHaveAttribute('data-done', '0');
    await expect(progress.townshipRow('371525104').getByTestId('township-disputed')).toHaveText('待核查 1');
    await expect(progress.townshipRow('371525101').locator('[data-measure="purchases"]')).toHaveAttribute('data-done', '0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a station exports its 上报文件 from 设置 as a download, and the county accepts the file', async ({ page, app }) => {
  await setUpInstallation(app.core, { role: 'station', townshipCode: '371525103', name: '王站长' });
  await openApp(page, app, '#/settings?tab=county');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-station').click()]);
  expect(download.suggestedFilename()).toMatch(/柳林镇.*\.agri$/);
  await expect(page.getByText(/^已生成：/)).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-station-file-'));
  const county = openCore(join(dir, 'county.db'), { log: () => undefined });
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await setUpInstallation(county, { role: 'county', name: '县局审核员' });
    const outcome = importStationFile(county.ctx, { fileName: download.suggestedFilename(), path: file }, { trustNew: true });
    expect(outcome.status, JSON.stringify(outcome)).toBe('accepted');
  } finally {
    county.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
