import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROMIUM_PATH, else a system Chromium, else Playwright's own browser if one was installed; undefined if none. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const system = CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // no Playwright-managed browser
  }
  return undefined;
}

export const CHROMIUM_HELP =
  '找不到 Chromium / Chromium not found. Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome/Chromium executable.';
