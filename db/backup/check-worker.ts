/**
 * Worker-thread entry: runs a backup file's page check (PRAGMA quick_check or integrity_check, minutes on a
 * province-scale file) off the thread that serves the UI, and posts what it found. See page-check.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { PageCheckInput, PageCheckMessage } from './page-check';

const input = workerData as PageCheckInput;
const post = (message: PageCheckMessage) => parentPort?.postMessage(message);

try {
  const db = new Database(input.file, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    const rows = db.pragma(`${input.pragma}(${input.limit})`) as Record<string, string>[];
    post({ type: 'done', findings: rows.map((r) => String(r[input.pragma])) });
  } finally {
    db.close();
  }
} catch (error) {
  const code = (error as { code?: unknown }).code;
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) });
}
