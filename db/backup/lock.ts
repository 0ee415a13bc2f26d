import { AppError } from '../../shared/api/errors';

const busy = new Map<string, string>();

/** One backup or restore at a time per data file in this process; a second one is refused, not queued. */
export async function exclusive<T>(dbPath: string, what: string, run: () => Promise<T>): Promise<T> {
  const current = busy.get(dbPath);
  if (current) throw new AppError('CONFLICT', `正在${current}，请等它完成后再试`);
  busy.set(dbPath, what);
  try {
    return await run();
  } finally {
    busy.delete(dbPath);
  }
}

export const isBusy = (dbPath: string) => busy.has(dbPath);
