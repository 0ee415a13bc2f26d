import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openCore, type AppCore } from '../../db/app';
import { startWebServer } from '../../db/http/server';

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
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Opens the app at `path` (e.g. '/counter') as a signed-in user of an installation already set up
 * through the core. Use this rather than page.goto(app.url), so tests keep working as sign-in arrives.
 */
export async function openApp(page: Page, app: RunningApp, path = '/'): Promise<void> {
  await page.goto(new URL(path, app.url).toString());
}
