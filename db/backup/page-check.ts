import type Database from 'better-sqlite3';
import { spawnWorker } from '../worker/spawn';

export type PagePragma = 'quick_check' | 'integrity_check';

/** At most this many findings are listed (the first few are shown; the rest say nothing new). */
export const PAGE_CHECK_LIMIT = 20;

export interface PageCheckInput {
  file: string;
  pragma: PagePragma;
  limit: number;
  nativeBinding?: string;
}

export type PageCheckMessage = { type: 'done'; findings: string[] } | { type: 'failed'; message: string; code?: string };

/** The findings of a page check ('ok' alone when the file is sound), on an open connection: synchronous. */
export function pageCheckHere(db: Database.Database, pragma: PagePragma): string[] {
  const rows = db.pragma(`${pragma}(${PAGE_CHECK_LIMIT})`) as Record<string, string>[];
  return rows.map((r) => String(r[pragma]));
}

/** How often the waiting thread awaits `pause` (progress, cancel) while the worker checks. */
const PAUSE_EVERY_MS = 250;

/**
 * The same check in a worker thread on its own read-only connection, so the thread that serves the UI keeps
 * answering for the minutes a large file takes. `pause` is awaited every quarter second while it runs: when
 * it throws (the job was cancelled), the worker is stopped and that error thrown. A failure to open or read
 * the file is answered as `error`, carrying SQLite's code (SQLITE_CORRUPT, SQLITE_NOTADB) as the synchronous
 * check would throw it.
 */
export async function pageCheckInWorker(
  file: string,
  pragma: PagePragma,
  pause: () => Promise<void>,
  nativeBinding?: string,
  everyMs = PAUSE_EVERY_MS,
): Promise<PageCheckOutcome> {
  const input: PageCheckInput = { file, pragma, limit: PAGE_CHECK_LIMIT, nativeBinding };
  const worker = spawnWorker('check-worker', import.meta.url, input);
  let outcome: PageCheckOutcome | undefined;
  const settled = new Promise<void>((resolve) => {
    const settle = (o: NonNullable<typeof outcome>) => {
      outcome ??= o;
      resolve();
    };
    worker.once('message', (m: PageCheckMessage) =>
      settle(m.type === 'done' ? { findings: m.findings } : { error: Object.assign(new Error(m.message), m.code ? { code: m.code } : {}) }),
    );
    worker.once('error', (error) => settle({ error }));
    worker.once('exit', (code) => settle({ error: new Error(`检查进程意外退出（代码 ${code}）`) }));
  });
  try {
    while (!outcome) {
      await Promise.race([settled, new Promise((r) => setTimeout(r, everyMs))]);
      if (!outcome) await pause();
    }
  } finally {
    await worker.terminate();
  }
  return outcome;
}

/** What a page check found, or why it could not read the file. */
export type PageCheckOutcome = { findings: string[] } | { error: Error };
