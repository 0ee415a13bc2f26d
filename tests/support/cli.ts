import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const AGRI = resolve(ROOT, 'db/cli/agri.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (undefined when it is not JSON). */
  json: unknown;
}

/** The test's environment without AGRI_DB / AGRI_DATA_DIR, so only --db picks the file. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('AGRI_DB' in extra)) delete env.AGRI_DB;
  if (!('AGRI_DATA_DIR' in extra)) delete env.AGRI_DATA_DIR;
  return env;
}

/** Runs `node db/cli/agri.mjs <args>` (no shell, so JSON arguments need no quoting). */
export function agri(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done, reject) => {
    execFile(
      process.execPath,
      [AGRI, ...args],
      { cwd: ROOT, env: cleanEnv(env), timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (error && typeof error.code !== 'number') return reject(error);
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        done({ code, stdout, stderr, json });
      },
    );
  });
}
