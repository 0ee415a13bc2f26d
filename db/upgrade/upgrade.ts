import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { APPLICATION_ID } from '../connection';
import { spawnWorker } from '../worker/spawn';
import { latestVersion, loadMigrations, type MigrationProgress } from '../migrate';
import type { BackupStage } from '../backup/create';
import { backupStatus, doneStatus, failedStatus, failureMessage, progressStatus, startingStatus, type UpgradeStatus } from './status';

/**
 * Start-up with pending migrations: they run in a worker thread (better-sqlite3 works there) so the thread
 * that serves the window or the browser keeps answering, and the upgrade screen follows real progress. The
 * app opens the file itself only after the worker has finished. One service for Electron, browser mode and
 * the CLI; each only shows the status.
 */

export interface WorkerInput {
  file: string;
  nativeBinding?: string;
}

export type WorkerMessage =
  | { type: 'backup'; stage: BackupStage; done: number; total: number; label: string }
  | { type: 'progress'; progress: MigrationProgress }
  | { type: 'done' }
  /** message: the error's own text (Chinese for ours, English from SQLite); code: SQLite's or ours, if any. */
  | { type: 'failed'; message: string; code?: string };

export interface PendingUpgrade {
  from: number;
  to: number;
}

/**
 * The versions when an existing file of ours needs migrating; undefined when it needs nothing, is new or
 * empty, is not ours or cannot be read (opening it as usual then reports any problem).
 */
export function pendingUpgrade(file: string, options: { nativeBinding?: string } = {}): PendingUpgrade | undefined {
  if (file === ':memory:' || !existsSync(file)) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) return undefined;
    const from = db.pragma('user_version', { simple: true }) as number;
    const to = latestVersion(loadMigrations());
    return from > 0 && from < to ? { from, to } : undefined;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

export interface UpgradeRun {
  status(): UpgradeStatus;
  /** Resolves when the file is at the latest version; rejects with a Chinese AppError (the file as it was). */
  finished: Promise<void>;
}

export function startUpgrade(
  file: string,
  pending: PendingUpgrade,
  options: { nativeBinding?: string; onStatus?: (status: UpgradeStatus) => void } = {},
): UpgradeRun {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let last: MigrationProgress | undefined;
  let current: UpgradeStatus = startingStatus(pending.from, pending.to);
  const set = (next: UpgradeStatus) => {
    current = next;
    options.onStatus?.(next);
  };
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (failure: { message: string; code?: string }) => {
      const at = current.phase === 'migrate' && last?.migration ? last.version - 1 : undefined;
      const text = failureMessage(failure, { phase: current.phase, at, migration: last?.migration });
      set(failedStatus(current, text, elapsed()));
      reject(
        new AppError('INTERNAL', text.error, {
          details: { upgrade: 'failed', from: pending.from, at, phase: current.phase, technical: text.detail },
        }),
      );
    };
    let settled = false;
    const input: WorkerInput = { file, nativeBinding: options.nativeBinding };
    // the bundled migrate-worker.js beside the Electron main, else the .ts source through tsx
    const worker = spawnWorker('migrate-worker', import.meta.url, input);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'backup') set(backupStatus(pending.from, pending.to, m.stage, m.done, m.total, m.label, elapsed()));
      else if (m.type === 'progress') {
        last = m.progress;
        set(progressStatus(m.progress, elapsed()));
      } else if (m.type === 'done') {
        settled = true;
        set(doneStatus(current, elapsed()));
        resolve();
      } else {
        settled = true;
        fail(m);
      }
    });
    worker.on('error', (error) => {
      if (settled) return;
      settled = true;
      fail({ message: error.message, code: (error as { code?: string }).code });
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      fail({ message: `升级进程意外退出（代码 ${code}）` });
    });
  });
  return {
    status: () => ({ ...current, elapsedMs: current.state === 'done' || current.state === 'failed' ? current.elapsedMs : elapsed() }),
    finished,
  };
}
