import type { Database } from 'better-sqlite3';

/** SQLite's page cache while an export runs, in KiB (negative cache_size): 8 MB. */
const EXPORT_CACHE_KIB = 8192;

const running = new Map<Database, { exports: number; saved: number }>();

/**
 * Runs an export with the connection's page cache held small. An export reads each page once, in order, so
 * the 64 MB cache the connection keeps for merges (db/connection.ts) only fills with pages never read again:
 * in a 1M-row export that was a fifth of the process's peak memory. The cache size is restored when the
 * last export on the connection ends (exports may overlap: each is a job).
 */
export async function withExportCache<T>(db: Database, run: () => Promise<T>): Promise<T> {
  let state = running.get(db);
  if (!state) {
    state = { exports: 0, saved: db.pragma('cache_size', { simple: true }) as number };
    running.set(db, state);
    db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
  }
  state.exports++;
  try {
    return await run();
  } finally {
    state.exports--;
    if (state.exports === 0) {
      running.delete(db);
      if (db.open) db.pragma(`cache_size = ${state.saved}`);
    }
  }
}
