import { spawn as nodeSpawn } from 'node:child_process';

/** The command that opens a URL in the desktop's default browser on this platform. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title, hence the empty one
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Whether browser mode should open a browser by itself: not when told not to (`--no-open`, AGRI_NO_BROWSER=1),
 * not under CI or a test runner, and on Linux only when there is a display to open it on.
 */
export function shouldOpenBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, noOpenFlag = false): boolean {
  if (noOpenFlag) return false;
  const off = (value: string | undefined) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
  if (off(env.AGRI_NO_BROWSER) || off(env.CI) || env.VITEST || env.NODE_ENV === 'test') return false;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return true;
}

/**
 * Opens the URL in the default browser, detached. Never throws and never waits: when no opener exists (no
 * xdg-open, a server without a desktop) the address printed on the console is all the user needs.
 */
export function openBrowser(url: string, options: { platform?: NodeJS.Platform; spawn?: typeof nodeSpawn } = {}): void {
  const { command, args } = browserCommand(url, options.platform);
  try {
    const child = (options.spawn ?? nodeSpawn)(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser to open: the printed address remains
  }
}
