import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

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
