/*
 * Desktop smoke test: the built app (out/) in real Electron, with a fresh temporary database.
 * Runs only where the Electron binary is installed; otherwise it reports itself skipped with the reason.
 * The test runner builds first (electron-vite build); this file never builds.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const SKIP_REASON = 'Electron binary not installed on this machine (node_modules/electron/dist missing); desktop smoke test skipped';

/** The same test as electron/scripts/common.mjs: the npm package can be present without its binary. */
function electronInstalled(): boolean {
  if (!existsSync(join(ROOT, 'node_modules', 'electron', 'dist')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return false;
  try {
    const path: unknown = createRequire(join(ROOT, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

type PageGlobals = Record<string, unknown> & {
  agriBridge: { invoke(method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
  open(url: string): unknown;
  location: { href: string };
};

const INSTALLED = electronInstalled();
// The list reporter shows skipped tests without their reason: say it once when the file loads (on stderr,
// so a JSON reporter on stdout stays parseable).
if (!INSTALLED) process.stderr.write(`[electron] ${SKIP_REASON}\n`);

test.describe('desktop app (Electron) smoke', () => {
  test.skip(!INSTALLED, SKIP_REASON);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!existsSync(MAIN)) {
      throw new Error(`${MAIN} is missing: build first (npm run build / electron-vite build); the electron tests do not build.`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'agri-electron-smoke-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    // A fresh data folder: its own database, Chromium profile and single-instance lock.
    env.AGRI_DATA_DIR = dataDir;
    env.AGRI_DB = join(dataDir, 'agri.db');
    // Playwright adds --no-sandbox on Linux itself; `.` starts the app the way `electron .` does.
    app = await electron.launch({ args: [ROOT], cwd: ROOT, env, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('window carries the product title and shows the first-run setup screen', async () => {
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('农机更新补贴台账');
    expect(page.url()).toMatch(/^app:\/\/agri\//);
    await expect(page.getByText('初始设置').first()).toBeVisible();
  });

  test('the page sees only the bridge: no require, no process', async () => {
    const shape = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const bridge = g.agriBridge as unknown as Record<string, unknown>;
      return {
        type: typeof bridge,
        keys: Object.keys(bridge).sort(),
        invoke: typeof bridge.invoke,
        onEvent: typeof bridge.onEvent,
        require: typeof g.require,
        process: typeof process,
      };
    });
    expect(shape).toEqual({ type: 'object', keys: ['invoke', 'onEvent'], invoke: 'function', onEvent: 'function', require: 'undefined', process: 'undefined' });
  });

  test('invoke reaches the dispatcher and bad method names are refused', async () => {
    const settings = await page.evaluate(() => (globalThis as unknown as PageGlobals).agriBridge.invoke('settings.get', {}));
    expect(settings.ok).toBe(true);
    const bad = await page.evaluate(() => (globalThis as unknown as PageGlobals).agriBridge.invoke('../../etc', {}));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('the page is served with the shared CSP', async () => {
    const csp = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('window.open and navigation away are denied', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com'));
    expect(opened).toBeNull();
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/agri\//);
  });
});
