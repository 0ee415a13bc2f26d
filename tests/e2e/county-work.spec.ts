import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type AppCore } from '../../db/app';
import { importStationFile } from '../../db/services/county-import';
import { exportStationFile } from '../../db/transfer/export';
import { ALL_PURCHASE_CHECKS, tractorPurchase, tractorScrap } from '../support/counter';
import { farmerInput } from '../support/farmers';
import { qrPng, tinyJpeg } from '../support/images';
import { setUpInstallation } from '../support/setup';
import { expect, keepScreenshot, openApp, test } from './fixtures';

async function ok<T>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
}

/** A station this year, built through the real services: one verified purchase (serial given), optionally a scrap with two photos. */
async function stationFile(dir: string, township: string, n: number, factoryNo: string, photos: boolean) {
  const year = new Date().getUTCFullYear();
  let t = Date.UTC(year, 0, 2) + n * 86_400_000;
  const core: AppCore = openCore(join(dir, `s${n}.db`), { now: () => new Date((t += 1000)), log: () => undefined });
  await setUpInstallation(core, { role: 'station', townshipCode: township, name: '站长' });
  const farmer = await ok<{ id: string }>(core.call('farmers.create', farmerInput(n, { townshipCode: township as never, name: `购机户${n}` })));
  const date = new Date(t).toISOString().slice(0, 10);
  const p = await ok<{ id: string }>(
    core.call('purchases.create', tractorPurchase(farmer.id, { factoryNo, engineNo: `E-${n}`, purchaseDate: date, invoiceDate: date })),
  );
  await ok(core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }));
  await ok(core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
  let scrapId = '';
  if (photos) {
    scrapId = (await ok<{ id: string }>(core.call('scraps.create', tractorScrap(farmer.id, { handoverDate: date, dismantleDate: date })))).id;
    for (const [kind, fileName, bytes] of [
      ['before', '拆解前.jpg', tinyJpeg('拆解前')],
      ['after', '拆解后.png', await qrPng('拆解后 GXBF')],
    ] as const) {
      const mime = fileName.endsWith('.png') ? 'image/png' : 'image/jpeg';
      await ok(core.call('scraps.addPhoto', { scrapId, kind, fileName, mime, base64: bytes.toString('base64') }));
    }
  }
  const file = exportStationFile(core.ctx, dir).path;
  core.close();
  return { file, scrapId };
}

test('the county sees station photos in the record and a disputed machine counted once on 目标进度', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-county-work-'));
  try {
    const a = await stationFile(dir, '371525103', 1, 'SN-SAME-001', true);
    const b = await stationFile(dir, '371525104', 2, 'SN-SAME-001', false);
    await setUpInstallation(app.core, { role: 'county', name: '县局审核员' });
    for (const f of [a.file, b.file]) {
      expect(importStationFile(app.core.ctx, { fileName: 'x.agri', path: f }, { trustNew: true }).status).toBe('accepted');
    }

    await openApp(page, app, `#/scraps/${a.scrapId}`);
    const gallery = page.getByTestId('scrap-photos');
    await expect(gallery.getByTestId('photo-thumb')).toHaveCount(2);
    await expect(page.getByTestId('photo-unverified')).toHaveCount(0);
    await expect(page.getByText('照片文件已丢失')).toHaveCount(0);
    await keepScreenshot(page, 'county-scrap-photos');

    await page.goto(new URL('#/progress', app.url).toString());
    await expect(page.getByTestId('card-purchases-disputed')).toHaveText('待核查 1 台');
    await expect(page.getByTestId('card-drying')).not.toContainText('待烘干设施模块');
    await expect(page.getByTestId('drying-coal')).toHaveText('无燃煤烘干机');
    await expect(page.getByTestId('township-disputed')).toHaveText('待核查 1');
    await keepScreenshot(page, 'county-progress-disputed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
