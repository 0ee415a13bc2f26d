import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/schemas/jobs';
import { api, ApiError } from '../api/client';

const POLL_MS = 250;

export interface JobRun {
  /** The job being followed (null before start and after reset). */
  status: JobStatus | null;
  /** Follows a job that a method has just started; resolves with its final status. */
  follow(started: JobStatus): Promise<JobStatus>;
  cancel(): void;
  reset(): void;
}

/** Follows long work (backup, import, export) by polling jobs.get; the same in desktop and browser mode. */
export function useJob(): JobRun {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const current = useRef<string | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(async (started: JobStatus) => {
    current.current = started.id;
    setStatus(started);
    let s = started;
    while (s.state === 'running' && alive.current && current.current === started.id) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      try {
        s = await api.jobs.get({ id: started.id });
      } catch (e) {
        const message = e instanceof ApiError ? e.message : '无法读取任务进度';
        s = { ...s, state: 'failed', phase: '失败', error: { code: 'INTERNAL', message } };
      }
      if (alive.current && current.current === started.id) setStatus(s);
    }
    return s;
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void api.jobs.cancel({ id }).catch(() => undefined);
  }, []);

  const reset = useCallback(() => {
    current.current = null;
    setStatus(null);
  }, []);

  return { status, follow, cancel, reset };
}
