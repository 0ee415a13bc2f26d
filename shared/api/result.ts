import type { ErrorBody } from './errors';

/** What every call returns across every transport: never a thrown error. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: ErrorBody): Result<never> => ({ ok: false, error });
