import { ApiError } from '../../api/client';

/** The message to show for a failed call: the first field issue when there is one. */
export function errorText(e: unknown, fallback: string): string {
  if (e instanceof ApiError) return e.body.issues?.[0]?.message ?? e.message;
  return fallback;
}
