import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand, openBrowser, shouldOpenBrowser } from '../../db/cli/open-browser';
import { AGRI, ROOT } from '../support/cli';
import { tempDir } from '../support/core';

const tmp = tempDir('agri-serve-');
afterAll(() => tmp.dispose());

/** Starts `agri serve` on a free port, waits for its address line, stops it (SIGINT) and returns what it printed. */
function serveOnce(env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<string> {
  const staticDir = join(tmp.dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const db = join(tmp.dir, `serve-${Math.random().toString(36).slice(2)}.db`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AGRI, 'serve', '--db', db, '--port', '0', '--static', `${staticDir}/`, ...extraArgs], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ctrl+C')) child.kill('SIGINT');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 || signal === 'SIGINT' ? resolve(out) : reject(new Error(`serve exited ${code}: ${err}`))));
  });
}

/** A PATH with a fake `xdg-open` that records its argument instead of opening anything. */
function fakeOpener(): { env: NodeJS.ProcessEnv; marker: string } {
  const bin = join(tmp.dir, `bin-${Math.random().toString(36).slice(2)}`);
  mkdirSync(bin);
  const marker = join(bin, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${marker}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, DISPLAY: ':99' };
  for (const key of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'CI', 'NODE_ENV', 'AGRI_NO_BROWSER', 'AGRI_DB', 'AGRI_DATA_DIR'])
    delete env[key];
  return { env, marker };
}

async function waitFor(file: string): Promise<string> {
  for (let i = 0; i < 400 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  return readFileSync(file, 'utf8');
}

describe('agri serve (npm run web)', () => {
  it.runIf(process.platform === 'linux')('prints 在浏览器中打开 <address> without the token and opens the default browser', async () => {
    const { env, marker } = fakeOpener();
    const out = await serveOnce(env);
    const match = /在浏览器中打开 (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
    expect(match, out).not.toBeNull();
    expect(out).not.toMatch(/token|[0-9a-f]{32}/i);
    expect(await waitFor(marker)).toBe(match![1]);
  }, 120_000);

  it.runIf(process.platform === 'linux')('opens nothing with --no-open, AGRI_NO_BROWSER=1 or CI set', async () => {
    for (const [extraEnv, args] of [[{}, ['--no-open']], [{ AGRI_NO_BROWSER: '1' }, []], [{ CI: 'true' }, []]] as const) {
      const { env, marker } = fakeOpener();
      const out = await serveOnce({ ...env, ...extraEnv }, [...args]);
      expect(out).toMatch(/在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\//);
      await new Promise((r) => setTimeout(r, 300));
      expect(existsSync(marker)).toBe(false);
    }
  }, 180_000);

  it('picks the platform opener, and a missing opener neither throws nor stops the server', () => {
    expect(browserCommand('http://127.0.0.1:1/', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/'] });
    expect(browserCommand('http://127.0.0.1:1/', 'darwin')).toEqual({ command: 'open', args: ['http://127.0.0.1:1/'] });
    expect(browserCommand('http://127.0.0.1:1/', 'win32').args).toContain('start');
    expect(shouldOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(shouldOpenBrowser({}, 'linux')).toBe(false); // no desktop
    expect(shouldOpenBrowser({}, 'win32')).toBe(true);
    expect(shouldOpenBrowser({ AGRI_NO_BROWSER: '1' }, 'win32')).toBe(false);
    expect(shouldOpenBrowser({ CI: 'true' }, 'darwin')).toBe(false);
    expect(shouldOpenBrowser({}, 'win32', true)).toBe(false);
    expect(() => openBrowser('http://127.0.0.1:1/', { platform: 'linux', spawn: (() => { throw new Error('ENOENT'); }) as never })).not.toThrow();
  });
});
