import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { SessionStore } from './auth/sessions';
import { assertFileInPlace } from './connection';
import { JobRegistry } from './jobs/registry';
import { chinaDate } from '../shared/domain/civil-date';

/** What every service works with; tests pass their own clock. */
export interface ServiceContext {
  db: Database;
  dbPath: string;
  now: () => Date;
  newId: () => string;
  /** Long work with progress (backups, imports, exports): see db/jobs/registry.ts. */
  jobs: JobRegistry;
  /** Signed-in sessions of this process (in memory only). */
  sessions: SessionStore;
  /**
   * Closes `db`, runs `swap` (e.g. renames a restored file over the live one) and reopens `db` on the file,
   * migrated, even if `swap` throws. Set by openCore; services must read `ctx.db` afresh after it.
   */
  reopen?: (swap: () => void) => void;
  /** better-sqlite3's binding, for worker threads that open files themselves (Electron's ABI in development). */
  nativeBinding?: string;
}

export function createContext(db: Database, dbPath: string, now: () => Date = () => new Date()): ServiceContext {
  return { db, dbPath, now, newId: randomUUID, jobs: new JobRegistry(now), sessions: new SessionStore() };
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();

/** Today's civil date in China (YYYY-MM-DD), whatever the PC's time zone. */
export const chinaToday = (ctx: ServiceContext): string => chinaDate(ctx.now());

/**
 * Runs one write as one transaction that takes the write lock first (BEGIN IMMEDIATE), so a read-then-write
 * never fails with SQLITE_BUSY_SNAPSHOT when another process commits in between; busy_timeout waits instead.
 */
export function writeTx<T>(ctx: ServiceContext, fn: () => T): T {
  assertFileInPlace(ctx.db);
  return ctx.db.transaction(fn).immediate();
}
