/**
 * The Chromium the startup bench and trace time the renderer in: the e2e tests' browser, less one thing of
 * headless Chrome's own. Chromium 15x builds its omnibox popup (a WebUI page of some 300 module scripts, in a
 * renderer process of its own) for every new window, i.e. for every cold start (a new browser context): on a
 * two-core machine it took about as much CPU as the page under test while that page was starting (measured
 * with a Performance trace: 2.6 s of that renderer's main thread in a 3.6 s first screen). The desktop app
 * (Electron) has no omnibox, so the bench turns it off.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';

// the same switches as the e2e tests (playwright.config.ts)
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Headless Chrome's omnibox popup WebUI (chrome://omnibox-popup.top-chrome) and its AI-mode twin. */
const NO_OMNIBOX = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/**
 * Playwright's own `--disable-features=` list (PaintHolding among them): Chromium keeps only the last such
 * switch, so ours must repeat it. Read from the command line of a Chromium it launched (Linux: /proc).
 */
async function playwrightDisabledFeatures(executablePath: string): Promise<string[] | undefined> {
  if (process.platform !== 'linux') return undefined;
  const probe = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
    for (const pid of children) {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes('--remote-debugging-pipe')) continue;
      return args.filter((a) => a.startsWith('--disable-features=')).flatMap((a) => a.slice('--disable-features='.length).split(','));
    }
    return undefined;
  } finally {
    await probe.close();
  }
}

/** Chromium for the startup bench: headless, the e2e switches, no omnibox WebUI where that can be arranged. */
export async function launchBenchChromium(): Promise<{ browser: Browser; note: string }> {
  const executablePath = chromiumExecutable();
  if (!executablePath) throw new Error('startup bench: Chromium not found; set CHROMIUM_PATH');
  const keep = process.env.BENCH_KEEP_OMNIBOX ? undefined : await playwrightDisabledFeatures(executablePath);
  const args = keep ? [...CHROMIUM_ARGS, `--disable-features=${[...keep, ...NO_OMNIBOX].join(',')}`] : CHROMIUM_ARGS;
  const browser = await chromium.launch({ executablePath, args });
  const note = keep ? 'headless Chrome’s omnibox WebUI off' : 'headless Chrome’s omnibox WebUI left on (it competes for the CPU)';
  return { browser, note: `Chromium ${browser.version()}, ${note}` };
}
