import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations } from '../migrate';
import { generateCountyFile } from './generate';

/** Bump when generate.ts or rows.ts change what they write: cached files of an older version are not reused. */
export const GENERATOR_VERSION = 2;

/** The version the cached file is built at: the last before issue 16's search index (017), so the bench can time the migrations after it. */
export const BASE_VERSION = 12;

export interface BenchDataset {
  /** A fresh copy to work on (migrate, query, export), removed by `dispose`. */
  file: string;
  /** The cached source, never written to. */
  cached: string;
  generatedSeconds: number | null;
  dispose(): void;
}

const CACHE_DIR = process.env.AGRI_BENCH_CACHE ?? join(tmpdir(), 'agri-bench-cache');

/**
 * A county file of `purchases` purchases over ten fixed years (2016–2025), generated once at BASE_VERSION and
 * cached under $AGRI_BENCH_CACHE (default the temp dir) keyed by generator version and size; each run copies it.
 * BENCH_COUNTY_FILE names another cached file to copy instead (its size is then whatever that file holds).
 */
export async function benchDataset(purchases: number): Promise<BenchDataset> {
  mkdirSync(CACHE_DIR, { recursive: true });
  // BENCH_COUNTY_FILE: a county file prepared elsewhere (e.g. one already migrated, to skip the long upgrade while working on queries)
  const given = process.env.BENCH_COUNTY_FILE;
  if (given && !existsSync(given)) throw new Error(`BENCH_COUNTY_FILE ${given} does not exist`);
  const cached = given ?? join(CACHE_DIR, `county-g${GENERATOR_VERSION}-v${BASE_VERSION}-${purchases}.db`);
  let generatedSeconds: number | null = null;
  if (!existsSync(cached)) {
    const partial = `${cached}.partial`;
    rmSync(partial, { force: true });
    for (const ext of ['-wal', '-shm']) rmSync(`${partial}${ext}`, { force: true });
    const migrations = loadMigrations().filter((m) => m.version <= BASE_VERSION);
    const gen = await generateCountyFile({ file: partial, purchases, firstYear: 2016, lastYear: 2025, lastDate: '2025-12-31', migrations });
    generatedSeconds = gen.seconds;
    renameSync(partial, cached);
  }
  const work = mkdirSyncTemp();
  const file = join(work, 'county.db');
  copyFileSync(cached, file);
  return {
    file,
    cached,
    generatedSeconds,
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}

function mkdirSyncTemp(): string {
  const dir = join(CACHE_DIR, `run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const fileMb = (file: string) => statSync(file).size / 1024 / 1024;
