/**
 * Worker-thread entry: opens the data file (backup before migrating, then every pending migration, each in
 * its own transaction) off the thread that serves the UI, and posts where it is. See upgrade.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/api/errors';
import { openDatabaseWithProgress } from '../connection';
import type { WorkerMessage, WorkerInput } from './upgrade';

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

/** The error's own words and code: SQLite's (kept by our AppError in details.sqlite), a system one, or ours. */
function described(error: unknown): { message: string; code?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof AppError ? error.details : undefined;
  const code = (details?.sqlite ?? details?.fs ?? (error as { code?: unknown } | null)?.code) as unknown;
  return typeof code === 'string' ? { message, code } : { message };
}

// the backup reports every few hundred pages (and every MB checked): post only when the whole percent moves
let lastKey = '';
// no top-level await: the Electron build bundles this entry as it does the main process
void (async () => {
  try {
    const db = await openDatabaseWithProgress(input.file, {
      nativeBinding: input.nativeBinding,
      onStage: (stage, done, total, label) => {
        const key = `${stage}|${label}|${total > 0 ? Math.floor((done / total) * 100) : 0}`;
        if (key === lastKey) return;
        lastKey = key;
        post({ type: 'backup', stage, done, total, label });
      },
      onMigrateProgress: (progress) => post({ type: 'progress', progress }),
    });
    db.close();
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'failed', ...described(error) });
  }
})();
