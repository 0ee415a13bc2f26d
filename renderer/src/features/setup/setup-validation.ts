import { setupInput, type SetupInput } from '../../../../shared/schemas/settings';

export type SetupFieldErrors = Partial<Record<string, string>>;

/**
 * The setup form's check: the service's own zod schema, the first message of each field. A chunk of its own,
 * fetched once the form is painted (zod is not needed to show it) and awaited by the first check if not here yet.
 */
export function checkSetup(values: SetupInput): { ok: true; data: SetupInput } | { ok: false; errors: SetupFieldErrors } {
  const parsed = setupInput.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: SetupFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join('.');
    errors[name] ??= issue.message;
  }
  return { ok: false, errors };
}
