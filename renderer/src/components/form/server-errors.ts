import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client';

/**
 * Puts the service's field issues under their fields; returns the message for a banner
 * when the error is not about a field this form shows.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (!(error instanceof ApiError)) return '操作失败，请重试';
  let placed = false;
  for (const issue of error.body.issues ?? []) {
    const name = issue.path.join('.');
    if (fields.includes(name)) {
      setError(name as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed ? null : error.message;
}
