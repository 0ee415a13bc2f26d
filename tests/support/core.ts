import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openCore, type AppCore } from '../../db/app';
import type { Farmer, FarmerInput } from '../../shared/schemas/farmers';
import type { Result } from '../../shared/api/result';
import type { ErrorBody } from '../../shared/api/errors';
import { LIULIN } from './farmers';
import { setUpInstallation } from './setup';

export { farmerInput, LIULIN } from './farmers';

export interface TempCore extends AppCore {
  dir: string;
  dbPath: string;
  /** Messages the core would have logged (internal errors), instead of printing them. */
  logged: { message: string; error?: unknown }[];
  /** Closes the database (if still open) and removes the temp folder. */
  dispose(): void;
}

/** Starts at 2025-03-01T08:00:00Z and moves one second per call: every write gets a distinct time. */
export function steppingClock(start = Date.UTC(2025, 2, 1, 8, 0, 0)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/** A temp dir (prefix `agri-test-`), for tests that open files themselves. */
export function tempDir(prefix = 'agri-test-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A core on a fresh database file in its own temp dir, not set up yet. */
export function tempCore(options: { now?: () => Date } = {}): TempCore {
  const { dir, dispose } = tempDir();
  const dbPath = join(dir, 'agri.db');
  const logged: TempCore['logged'] = [];
  const core = openCore(dbPath, { now: options.now ?? steppingClock(), log: (message, error) => logged.push({ message, error }) });
  let open = true;
  return {
    ...core,
    dir,
    dbPath,
    logged,
    close: () => {
      if (open) core.close();
      open = false;
    },
    dispose: () => {
      if (open) core.close();
      open = false;
      dispose();
    },
  };
}

/** A tempCore set up as the 柳林镇 (371525103) station, signed in as its 站长 王会计 (单人站点 unless solo: false). */
export async function stationCore(options: { now?: () => Date; operator?: string; solo?: boolean } = {}): Promise<TempCore> {
  const core = tempCore(options);
  try {
    await setUpInstallation(core, { role: 'station', townshipCode: LIULIN, name: options.operator ?? '王会计', solo: options.solo });
  } catch (error) {
    core.dispose();
    throw error;
  }
  return core;
}

/** Unwraps an ok Result, failing the test with the error body otherwise. */
export function expectOk<T = unknown>(r: Result<unknown>): T {
  if (!r.ok) expect.fail(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** Unwraps an error Result with the given code. */
export function expectFail(r: Result<unknown>, code: ErrorBody['code']): ErrorBody {
  if (r.ok) expect.fail(`expected ${code}, got ok ${JSON.stringify(r.data).slice(0, 300)}`);
  expect(r.error.code, JSON.stringify(r.error)).toBe(code);
  return r.error;
}

export async function createFarmer(core: AppCore, input: FarmerInput): Promise<Farmer> {
  return expectOk<Farmer>(await core.call('farmers.create', input));
}

/**
 * Row count of every table in the file, by name: sqlite_* internals and full-text indexes (virtual tables and
 * their shadow tables, e.g. purchase_text_config, which FTS5 fills when the index is made) excluded.
 */
export function tableCounts(core: AppCore): Record<string, number> {
  const virtual = core.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  const tables = (
    core.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !virtual.some((v) => t === v || t.startsWith(`${v}_`)));
  return Object.fromEntries(
    tables.map((t) => [
      t,
      core.db
        .prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}
