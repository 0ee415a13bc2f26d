import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { UNLOCKED_EVENT } from '../features/auth/auth-events';

export interface QueryState<T> {
  /** The latest answer; the previous one stays while a new one loads. */
  data: T | undefined;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: string | null;
}

/** Runs a read whenever its key changes; an answer for a key that is no longer current is dropped. */
export function useApiQuery<T>(key: string, load: () => Promise<T>): QueryState<T> {
  const [tick, setTick] = useState(0);
  const requestKey = `${key}#${tick}`;
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: undefined, error: null });
  const run = useEffectEvent(load);

  useEffect(() => {
    let current = true;
    run().then(
      (data) => {
        if (current) setSettled({ key: requestKey, data, error: null });
      },
      (e: unknown) => {
        const error = e instanceof ApiError ? e.message : '读取失败，请重试';
        if (current) setSettled((prev) => ({ key: requestKey, data: prev.data, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [requestKey]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  // a read refused while the screen was locked is read again once it unlocks
  useEffect(() => {
    window.addEventListener(UNLOCKED_EVENT, reload);
    return () => window.removeEventListener(UNLOCKED_EVENT, reload);
  }, [reload]);
  return { data: settled.data, loading: settled.key !== requestKey, error: settled.error, reload };
}
