import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { chinaDate } from '../shared/domain/civil-date';

/** What every service works with; tests pass their own clock. */
export interface ServiceContext {
  db: Database;
  dbPath: string;
  now: () => Date;
  newId: () => string;
}

export function createContext(db: Database, dbPath: string, now: () => Date = () => new Date()): ServiceContext {
  return { db, dbPath, now, newId: randomUUID };
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();

/** Today's civil date in China (YYYY-MM-DD), whatever the PC's time zone. */
export const chinaToday = (ctx: ServiceContext): string => chinaDate(ctx.now());

/**
 * Runs one write as one transaction that takes the write lock first (BEGIN IMMEDIATE), so a read-then-write
 * never fails with SQLITE_BUSY_SNAPSHOT when another process commits in between; busy_timeout waits instead.
 */
export function writeTx<T>(ctx: ServiceContext, fn: () => T): T {
  return ctx.db.transaction(fn).immediate();
}
