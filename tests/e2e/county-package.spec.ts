import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type AppCore } from '../../db/app';
import { importStationFile } from '../../db/services/county-import';
import { exportStationFile } from '../../db/transfer/export';
import { chinaDate } from '../../shared/domain/civil-date';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { farmerInput } from '../support/farmers';
import { setUpInstallation } from '../support/setup';
import { expect, openApp, test, type RunningApp } from './fixtures';
import { ok, screenshot, station, ZHANG } from './pages/counter-setup';

const QINGQUAN = '371525001';
const REFUSAL = '该出厂编号已于 2025 年在清泉街道申请过购置补贴';
const MADE = Date.now() - 3 * 86_400_000;

const clock = (start: number) => {
  let t = start;
  return () => new Date((t += 1000));
};

/** 清泉街道's station file with one verified purchase of serial QQ-2025-7788 (built through the services). */
async function qingquanFile(dir: string): Promise<string> {
  const core: AppCore = openCore(join(dir, 'qingquan.db'), { now: clock(Date.UTC(2025, 2, 1)), log: () => undefined });
  try {
    await setUpInstallation(core, { role: 'station', townshipCode: QINGQUAN, name: '清泉站长' });
    const farmer = await ok(core.call('farmers.create', farmerInput(41, { townshipCode: QINGQUAN as never, name: '清泉购机户' })));
    const p = await ok(core.call('purchases.create', tractorPurchase(farmer.id, { factoryNo: 'QQ-2025-7788', engineNo: 'E-QQ-1' })));
    await ok(core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
    await ok(core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
    await ok(core.call('scraps.create', tractorScrap(farmer.id, { engineNo: 'QQ-ENG-01', frameNo: 'QQ-FR-01', plateNo: '鲁15-66001' })));
    return exportStationFile(core.ctx, dir).path;
  } finally {
    core.close();
  }
}

/** A county that imported 清泉街道's file; `core` is the e2e app's core or a core of its own. */
async function countyWith(core: AppCore, stationFile: string) {
  await setUpInstallation(core, { role: 'county', name: '县局管理员' });
  const outcome = importStationFile(core.ctx, { fileName: 'qingquan.agri', path: stationFile }, { trustNew: true });
  if (outcome.status !== 'accepted') throw new Error(JSON.stringify(outcome));
}

test('the county exports its package from 县级汇总, and a station loading it refuses 清泉街道’s machine', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-pkg-'));
  try {
    await countyWith(app.core, await qingquanFile(dir));
    await openApp(page, app, '#/county');
    await page.getByRole('tab', { name: '县局下发包' }).click();
    // the county decides after how many days stations are reminded; it travels in the package
    await page.getByLabel('提醒天数').fill('20');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-package').click()]);
    expect(download.suggestedFilename()).toMatch(/^冠县-县局下发包-\d{8}\.agripkg$/);
    const result = page.getByTestId('export-package-result');
    await expect(result).toContainText(/全县农机号码\s*5 条/);
    await screenshot(page, 'county-package-export');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);

    // a 柳林镇 station loads what the county page saved
    const liulin = openCore(join(dir, 'liulin.db'), { now: clock(Date.UTC(2025, 5, 1)), log: () => undefined });
    try {
      await setUpInstallation(liulin, { role: 'station', townshipCode: '371525103', name: '柳林站长' });
      const base64 = readFileSync(file).toString('base64');
      const asked = await ok(liulin.call('settings.importPackage', { fileName: 'p.agripkg', base64 }));
      expect(asked.status).toBe('needsConfirmation');
      const fingerprint = asked.status === 'needsConfirmation' ? asked.fingerprint : '';
      await expect(result).toContainText(fingerprint);
      expect((await ok(liulin.call('settings.importPackage', { fileName: 'p.agripkg', base64, confirmFingerprint: fingerprint }))).status).toBe(
        'loaded',
      );
      expect((await ok(liulin.call('settings.packageStatus', {}))).staleAfterDays).toBe(20);
      const check = await ok(liulin.call('machineIndex.check', { purpose: 'purchase', factoryNo: 'qq20257788' }));
      expect(check.hits[0]?.message).toContain(REFUSAL);
    } finally {
      liulin.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function packageFile(dir: string, made = MADE): Promise<{ file: string; fingerprint: string }> {
  // made three days ago (the station's clock is the real one)
  const county = openCore(join(dir, 'county.db'), { now: clock(made), log: () => undefined });
  try {
    await countyWith(county, await qingquanFile(dir));
    const pkg = await ok(county.call('county.exportPackage', {}));
    const file = join(dir, pkg.fileName);
    writeFileSync(file, Buffer.from(pkg.base64, 'base64'));
    return { file, fingerprint: pkg.fingerprint };
  } finally {
    county.close();
  }
}

async function stationApp(app: RunningApp) {
  const [zhang] = await station(app, ZHANG);
  return zhang as { id: string };
}

test('a station loads the county package and the counter refuses a serial from another township as it is scanned', async ({ page, app }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-pkg-'));
  try {
    const { file, fingerprint: countyFingerprint } = await packageFile(dir);
    const zhang = await stationApp(app);
    await page.setViewportSize({ width: 1366, height: 768 });

    // before any package: the home screen reminds the station to load one
    await openApp(page, app, '#/');
    await expect(page.getByTestId('package-reminder')).toContainText('还没有导入县局下发包');

    // 设置 → 县局下发包: the first import asks to confirm the county key fingerprint, once
    await openApp(page, app, '#/settings?tab=county');
    const card = page.getByTestId('county-package-card');
    await card.locator('input[type=file]').setInputFiles(file);
    // the fingerprint is typed as the county reads it out, never shown from the file being trusted
    const typed = page.getByTestId('confirm-fingerprint');
    await expect(typed).toBeFocused();
    await expect(page.getByRole('dialog')).not.toContainText(countyFingerprint);
    const confirm = page.getByTestId('confirm-fingerprint-ok');
    await typed.fill(countyFingerprint.slice(0, 9));
    await expect(confirm).toBeDisabled();
    // a misheard group: refused, the dialog stays for another try, nothing is pinned
    const misheard = `${countyFingerprint.slice(0, -1)}${countyFingerprint.endsWith('A') ? 'B' : 'A'}`;
    await typed.fill(misheard);
    await confirm.click();
    await expect(page.getByTestId('confirm-fingerprint-error')).toContainText('不一致，未导入');
    await expect(card.getByTestId('package-loaded')).toHaveCount(0);
    // read out in lower case with spaces: accepted
    await typed.fill(countyFingerprint.toLowerCase().replace(/-/g, ' '));
    await screenshot(page, 'county-package-confirm');
    await confirm.click();
    await expect(card.getByTestId('package-loaded')).toContainText(`县局 ${chinaDate(new Date(MADE))}`);
    await expect(card.getByTestId('county-fingerprint')).toHaveText(countyFingerprint);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'county-package-station-card');

    // 首页 shows the package date
    await openApp(page, app, '#/');
    await expect(page.getByTestId('package-date')).toContainText(`县局下发包：${chinaDate(new Date(MADE))} 导出（已 3 天）`);
    await expect(page.getByTestId('package-reminder')).toHaveCount(0);
    await screenshot(page, 'county-package-home');

    // 购置登记: the serial typed as a scanner types it, then leaving the field: refused before any save
    await openApp(page, app, `#/farmers/${zhang.id}/purchases/new`);
    const factoryNo = page.locator('#field-factoryNo');
    await factoryNo.pressSequentially('qq 2025 7788');
    await factoryNo.press('Tab');
    const explain = page.locator('[data-field="factoryNo"] .ant-form-item-explain');
    await expect(explain).toContainText(REFUSAL);
    await screenshot(page, 'county-package-counter-refusal');
    // a fresh serial clears it
    await factoryNo.fill('LL-2025-0001');
    await factoryNo.press('Tab');
    await expect(explain).toHaveCount(0);

    // the nameplate QR scan (4 random characters + serial, then Enter) is checked at once too
    await page.getByTestId('qr-input').focus();
    await page.getByTestId('qr-input').pressSequentially('X7K2QQ-2025-7788');
    await page.getByTestId('qr-input').press('Enter');
    await expect(page.getByTestId('qr-filled')).toContainText('QQ-2025-7788');
    await expect(explain).toContainText(REFUSAL);
    expect((await ok(app.core.call('purchases.list', {}))).items).toHaveLength(0);

    // 报废登记: an engine number scrapped at 清泉街道, leaving the field
    await openApp(page, app, `#/farmers/${zhang.id}/scraps/new`);
    await expect(page.locator('#field-item')).toBeFocused(); // the form is up (it opens on 机具品目)
    const engineNo = page.locator('#field-engineNo');
    await engineNo.click();
    await engineNo.pressSequentially('qq eng 01');
    await expect(engineNo).toHaveValue('qq eng 01');
    await engineNo.press('Tab');
    await expect(page.locator('[data-field="engineNo"] .ant-form-item-explain')).toContainText('该发动机号已于 2025 年在清泉街道登记报废');
    await screenshot(page, 'county-package-scrap-refusal');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the county lost its key: the 站长 re-pins the new key with the fingerprint read out over the phone', async ({ page, app }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-pkg-'));
  const newDir = mkdtempSync(join(tmpdir(), 'agri-e2e-pkg-'));
  try {
    const first = await packageFile(dir);
    // the county reinstalled: a new key, a package made a day later
    const second = await packageFile(newDir, MADE + 86_400_000);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    await stationApp(app);
    const base64 = readFileSync(first.file).toString('base64');
    await ok(app.core.call('settings.importPackage', { fileName: 'a.agripkg', base64, confirmFingerprint: first.fingerprint }));
    await page.setViewportSize({ width: 1366, height: 768 });

    await openApp(page, app, '#/settings?tab=county');
    const card = page.getByTestId('county-package-card');
    await card.locator('input[type=file]').setInputFiles(second.file);
    await expect(card.getByTestId('package-error')).toContainText('不是由本站登记的县局密钥签名');
    await expect(card).not.toContainText(second.fingerprint);
    await card.getByTestId('repin-county-key').click();
    const typed = page.getByTestId('repin-fingerprint');
    await expect(typed).toBeFocused();
    // the new fingerprint is never shown from the file: it is typed as read out
    await expect(page.getByRole('dialog')).not.toContainText(second.fingerprint);
    const confirm = page.getByTestId('repin-fingerprint-ok');
    await typed.fill(first.fingerprint);
    await confirm.click();
    await expect(page.getByTestId('repin-fingerprint-error')).toContainText('不一致');
    await expect(card.getByTestId('county-fingerprint')).toHaveText(first.fingerprint);
    await typed.fill(second.fingerprint.toLowerCase().replace(/-/g, ' '));
    await screenshot(page, 'county-package-repin');
    await confirm.click();
    await expect(card.getByTestId('county-fingerprint')).toHaveText(second.fingerprint);
    await expect(card.getByTestId('package-loaded')).toContainText(`县局 ${chinaDate(new Date(MADE + 86_400_000))}`);
    await expect(card.getByTestId('repin-county-key')).toHaveCount(0);
    await expect(card.getByTestId('package-error')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(newDir, { recursive: true, force: true });
  }
});
