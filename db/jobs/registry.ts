import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { JobStatus } from '../../shared/schemas/jobs';

/** What a running job's code gets: report progress, notice a cancel, and give the event loop a turn. */
export interface JobHandle {
  progress(done: number, total?: number | null, phase?: string): void;
  readonly signal: AbortSignal;
  /** Throws a 'cancelled' AppError when the user pressed 取消; call it between chunks. */
  throwIfCancelled(): void;
  /** Yields to the event loop (so progress polls and other calls are answered); also checks for cancel. */
  tick(): Promise<void>;
}

export type JobRun<T> = (job: JobHandle) => Promise<T> | T;

interface Entry {
  status: JobStatus;
  controller: AbortController;
}

const KEEP_FINISHED = 50;
const CANCELLED = '已取消';

/**
 * Long work in this process. better-sqlite3 is synchronous, so a job splits its work into chunks and
 * awaits `tick()` between them; a write that must be one transaction is done in one synchronous step at
 * the end (parse and check in chunks first, then write). Finished jobs are kept for a while so the UI can
 * read the result.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  start<T>(kind: string, run: JobRun<T>, phase = '正在准备'): JobStatus {
    const controller = new AbortController();
    const status: JobStatus = {
      id: randomUUID(),
      kind,
      state: 'running',
      phase,
      done: 0,
      total: null,
      startedAt: this.now().toISOString(),
    };
    this.jobs.set(status.id, { status, controller });
    this.prune();
    const handle: JobHandle = {
      signal: controller.signal,
      progress: (done, total, nextPhase) => {
        status.done = done;
        if (total !== undefined) status.total = total;
        if (nextPhase) status.phase = nextPhase;
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CONFLICT', CANCELLED, { details: { cancelled: true } });
      },
      tick: () =>
        new Promise<void>((resolve, reject) =>
          setImmediate(() => {
            try {
              handle.throwIfCancelled();
              resolve();
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          }),
        ),
    };
    void (async () => {
      try {
        status.result = await run(handle);
        status.state = 'done';
        status.phase = '已完成';
      } catch (error) {
        if (controller.signal.aborted) {
          status.state = 'cancelled';
          status.phase = CANCELLED;
          status.error = { code: 'CANCELLED', message: '已取消，未留下不完整的文件或记录' };
        } else {
          status.state = 'failed';
          status.phase = '失败';
          status.error =
            error instanceof AppError
              ? { code: error.code, message: error.message }
              : { code: 'INTERNAL', message: '系统内部错误，请重试；如仍失败请联系技术人员' };
          if (!(error instanceof AppError)) console.error(`[agri] job ${kind} failed`, error);
        }
      } finally {
        status.finishedAt = this.now().toISOString();
      }
    })();
    return { ...status };
  }

  get(id: string): JobStatus {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', '该任务不存在或已过期');
    return { ...entry.status };
  }

  cancel(id: string): JobStatus {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', '该任务不存在或已过期');
    if (entry.status.state === 'running') entry.controller.abort();
    return { ...entry.status };
  }

  /** Resolves with the job's result once it finishes (tests, CLI). */
  async wait(id: string, pollMs = 10): Promise<JobStatus> {
    for (;;) {
      const status = this.get(id);
      if (status.state !== 'running') return status;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private prune() {
    const finished = [...this.jobs.values()].filter((e) => e.status.state !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(entry.status.id);
  }
}
