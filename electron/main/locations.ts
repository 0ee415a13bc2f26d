import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { APP_FOLDER, resolveDbPath } from '../../db/paths';

/*
 * Everything is located relative to the bundled main module (out/main/index.js), so the same code
 * works for `electron .`, for Playwright launching out/main/index.js, and inside the packaged asar.
 */
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const RENDERER_DIR = here('../renderer/');
export const PRELOAD_PATH = here('../preload/index.cjs');

/** Where electron/scripts/rebuild-native.mjs puts the Electron-ABI better-sqlite3 (development only). */
export const DEV_NATIVE_BINDING = here('../../node_modules/.electron-native/better_sqlite3.node');

/**
 * The Electron-ABI binding to hand to better-sqlite3, or undefined to use its own build/ folder.
 * Packaged: electron-builder already rebuilt better-sqlite3 for Electron, so its own build is right.
 */
export function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  return existsSync(DEV_NATIVE_BINDING) ? DEV_NATIVE_BINDING : undefined;
}

/** `--db=<file>` or `--db <file>` from the command line (relative paths against the working directory). */
export function dbArgument(argv: readonly string[] = process.argv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--db=') && arg.length > 5) return resolve(arg.slice(5));
    if (arg === '--db' && argv[i + 1] && !argv[i + 1]?.startsWith('-')) return resolve(argv[i + 1] as string);
  }
  return undefined;
}

/**
 * The user-data folder is the data folder: AGRI_DATA_DIR when given, else <appData>/agri-machinery-subsidy —
 * the same folder browser mode (db/paths.ts) uses, whatever the (Chinese) productName of the build is.
 * Must run before 'ready'. The single-instance lock and Chromium's own profile live here too, so a test
 * with its own AGRI_DATA_DIR never collides with a running copy of the app.
 */
export function setupUserData(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.AGRI_DATA_DIR ? resolve(env.AGRI_DATA_DIR) : join(app.getPath('appData'), APP_FOLDER);
  app.setPath('userData', dir);
  return dir;
}

/** --db beats AGRI_DB beats AGRI_DATA_DIR/agri.db beats userData/agri.db. */
export function dbPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolveDbPath(dbArgument(), { ...env, AGRI_DATA_DIR: app.getPath('userData') });
}
