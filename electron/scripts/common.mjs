// Shared by the desktop scripts (start, native rebuild, packaging). Plain Node ESM, no dependencies.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

export const NATIVE_DIR = join(ROOT, 'node_modules', '.electron-native');
export const NATIVE_BINDING = join(NATIVE_DIR, 'better_sqlite3.node');
export const NATIVE_INFO = join(NATIVE_DIR, 'build-info.json');
export const NODE_BINDING = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export const electronVersion = () => readJson(join(ROOT, 'node_modules', 'electron', 'package.json')).version;
export const betterSqliteVersion = () => readJson(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).version;

/** The Electron executable, or undefined when the npm package is installed without its binary (as here). */
export function electronBinary() {
  const distDir = join(ROOT, 'node_modules', 'electron', 'dist');
  if (!existsSync(distDir) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return undefined;
  try {
    const path = requireFromRoot('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** What the Electron-ABI binding was built for; a build for another Electron/better-sqlite3 is stale. */
export function wantedNativeInfo() {
  return { electron: electronVersion(), betterSqlite3: betterSqliteVersion(), platform: process.platform, arch: process.arch };
}

/** 'ok' | 'missing' | 'stale' */
export function nativeBindingStatus() {
  if (!existsSync(NATIVE_BINDING)) return 'missing';
  try {
    const have = readJson(NATIVE_INFO);
    const want = wantedNativeInfo();
    return Object.keys(want).every((key) => have[key] === want[key]) ? 'ok' : 'stale';
  } catch {
    return 'stale';
  }
}

/**
 * Runs a command, streaming its output, and resolves { code, output }. Never rejects.
 * `timeoutMs` kills a hung download (GitHub is often unreachable from government networks).
 */
export function run(command, args, { cwd = ROOT, env = process.env, timeoutMs = 0, quiet = false } = {}) {
  return new Promise((done) => {
    let output = '';
    let timer;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const collect = (stream) => (chunk) => {
      output += chunk;
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        output += `\n[timeout after ${Math.round(timeoutMs / 1000)} s]`;
        child.kill();
      }, timeoutMs);
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: -1, output: `${output}\n${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

/** Runs a command with the terminal attached (for interactive tools like the build and Electron itself). */
export function runInherit(command, args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    const forward = (signal) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const finish = (code) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(code);
    };
    child.on('error', (error) => {
      console.error(error.message);
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}
