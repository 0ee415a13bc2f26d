import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openCore, type AppCore } from '../../db/app';
import { startWebServer } from '../../db/http/server';
import { TEST_PASSWORD } from '../support/setup';

export const STATIC_DIR = resolve(import.meta.dirname, '../../out/renderer');
export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/e2e');

export interface RunningApp {
  url: string;
  token: string;
  core: AppCore;
  dbPath: string;
}

/** Each test gets its own database file and its own browser-mode server on a random loopback port. */
export const test = base.extend<{ app: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'agri-e2e-'));
    const dbPath = join(dir, 'agri.db');
    const core = openCore(dbPath, { log: () => undefined });
    const web = await startWebServer({ core, staticDir: STATIC_DIR });
    await use({ url: web.url, token: web.token, core, dbPath });
    await web.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Keeps a PNG for people to look at (tests/artifacts/e2e), waiting for the CJK web font first. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // bars and colours still moving (a progress bar just turned 完成) are shot where they end; endless ones are not waited for
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Opens the app at `path` (e.g. '#/counter') signed in as the installation's administrator (set up through
 * the core with tests/support/setup.ts): the browser gets its HttpOnly session cookie from a real
 * auth.signIn over HTTP, exactly as the sign-in screen would. Pass `login` to sign in as another user.
 */
export async function openApp(page: Page, app: RunningApp, path = '', login?: string): Promise<void> {
  const cookies = await page.context().cookies(app.url);
  if (!cookies.some((c) => c.name === 'agri_session')) await signInBrowser(page, app, login);
  await page.goto(new URL(path, app.url).toString());
}

/** A real auth.signIn over HTTP from the browser's context: sets (or, for the same user, reopens) its session. */
export async function signInBrowser(page: Page, app: RunningApp, login?: string): Promise<void> {
  const settings = await app.core.call('settings.get', {});
  const role = settings.ok && settings.data.configured ? settings.data.role : 'station';
  const r = await page.request.post(new URL('rpc/auth.signIn', app.url).toString(), {
    headers: { 'X-Agri-Token': app.token, 'Content-Type': 'application/json' },
    data: { login: login ?? (role === 'county' ? 'xianju' : 'zhanzhang'), password: TEST_PASSWORD },
  });
  const body = (await r.json()) as { ok: boolean; error?: unknown };
  if (!body.ok) throw new Error(`sign-in for the test failed: ${JSON.stringify(body.error)}`);
}
