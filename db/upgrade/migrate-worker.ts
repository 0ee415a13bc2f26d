/**
 * Worker-thread entry: opens the data file (backup before migrating, then every pending migration, each in
 * its own transaction) off the thread that serves the UI, and posts where it is. See upgrade.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../connection';
import type { WorkerMessage, WorkerInput } from './upgrade';

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  const db = openDatabase(input.file, {
    nativeBinding: input.nativeBinding,
    onBackupStart: () => post({ type: 'backup' }),
    onMigrateProgress: (progress) => post({ type: 'progress', progress }),
  });
  db.close();
  post({ type: 'done' });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
