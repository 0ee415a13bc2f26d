import type { Page } from '@playwright/test';
import { ALL_PURCHASE_CHECKS, tractorPurchase } from '../support/counter';
import { setUpInstallation } from '../support/setup';
import { expect, openApp, test } from './fixtures';
import { LI, ok, screenshot, station, watchConsole, ZHANG } from './pages/counter-setup';

/** The station's main pages, as the side menu names them. */
const PAGES: [string, string][] = [
  ['counter', '#/counter'],
  ['todo', '#/todo'],
  ['notices', '#/notices'],
  ['scraps', '#/scraps'],
  ['purchases', '#/purchases'],
  ['catalog', '#/catalog'],
  ['vouchers', '#/vouchers'],
  ['verify', '#/vouchers/verify'],
  ['progress', '#/progress'],
  ['drying', '#/drying'],
  ['ledger-import', '#/ledger-import'],
  ['settings', '#/settings'],
];

/** Visible table header cells whose title wraps onto more than one line (e.g. 下一步 as 下/一/步). */
async function wrappedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const th of document.querySelectorAll<HTMLElement>('.ant-table-thead th')) {
      const text = th.textContent?.trim();
      if (!text || th.getClientRects().length === 0) continue;
      const title = th.querySelector<HTMLElement>('.ant-table-column-title') ?? th;
      const range = document.createRange();
      range.selectNodeContents(title);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) out.push(`${text}（${lines.size}行）`);
    }
    return out;
  });
}

async function seed(app: Parameters<typeof station>[0]) {
  const [zhang, li] = await station(app, ZHANG, LI);
  const made = [];
  for (const [i, buyer] of [zhang, zhang, li].entries()) {
    const input = tractorPurchase(buyer?.id ?? '', {
      factoryNo: `SN20251020${i}`,
      engineNo: `YC4A-20${i}`,
      purchaseDate: '2025-10-08',
      invoiceDate: '2025-10-08',
    });
    made.push(await ok(app.core.call('purchases.create', input)));
  }
  const first = made[0]?.id ?? '';
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: [first], to: 'accepted' }));
  await ok(app.core.call('applications.transition', { kind: 'purchase', ids: [first], to: 'verified', checks: ALL_PURCHASE_CHECKS }));
}

for (const [width, height] of [
  [1366, 768],
  [1024, 768],
] as const) {
  test(`every main page at ${width}×${height}: menu ${width < 1200 ? 'as icons' : 'in full'}, no table header wrapped`, async ({ page, app }) => {
    test.setTimeout(180_000);
    const consoleErrors = watchConsole(page);
    await seed(app);
    await page.setViewportSize({ width, height });
    await openApp(page, app, '#/counter');
    const sider = page.getByTestId('app-sider');
    await expect(sider).toHaveAttribute('data-collapsed', width < 1200 ? 'true' : 'false');
    const siderWidth = (await sider.boundingBox())?.width ?? 0;
    if (width < 1200) expect(siderWidth).toBeLessThanOrEqual(80);
    else expect(siderWidth).toBeGreaterThan(150);

    const problems: string[] = [];
    for (const [name, path] of PAGES) {
      await page.goto(new URL(path, app.url).toString());
      await expect(page.getByTestId('app-sider')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 15_000 });
      // the page fits the screen's width; a wide table scrolls inside itself
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) problems.push(`${name}: page ${overflow}px wider than the screen`);
      for (const h of await wrappedHeaders(page)) problems.push(`${name}: header ${h}`);
      await screenshot(page, `layout-${width}-${name}`);
    }
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

/** The county's own pages (it opens on 县级汇总; the counter pages are not in its menu). */
const COUNTY_PAGES: [string, string][] = [
  ['county', '#/county'],
  ['scraps', '#/scraps'],
  ['purchases', '#/purchases'],
  ['catalog', '#/catalog'],
  ['verify', '#/vouchers/verify'],
  ['progress', '#/progress'],
  ['drying', '#/drying'],
  ['settings', '#/settings'],
];

test('the county’s pages at 1024×768: menu as icons, nothing wider than the screen, no table header wrapped', async ({ page, app }) => {
  test.setTimeout(180_000);
  const consoleErrors = watchConsole(page);
  await setUpInstallation(app.core, { role: 'county', name: '赵科长' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, app, '#/county');
  await expect(page.getByTestId('app-sider')).toHaveAttribute('data-collapsed', 'true');
  const problems: string[] = [];
  for (const [name, path] of COUNTY_PAGES) {
    await page.goto(new URL(path, app.url).toString());
    await expect(page.getByTestId('app-sider')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) problems.push(`${name}: page ${overflow}px wider than the screen`);
    for (const h of await wrappedHeaders(page)) problems.push(`${name}: header ${h}`);
    await screenshot(page, `layout-1024-county-${name}`);
  }
  expect(problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
