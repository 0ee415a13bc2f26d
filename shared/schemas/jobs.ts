import { z } from '../api/zod-locale';
import { isoDateTime } from './common';

/** A long piece of work (backup, restore, import, export) that the UI follows with a progress bar. */
export const jobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof jobState>;

export const jobStatus = z.object({
  id: z.string(),
  /** What kind of work, e.g. 'backups.create'. */
  kind: z.string(),
  state: jobState,
  /** The current step, in Chinese (e.g. 正在校验备份). */
  phase: z.string(),
  done: z.number().min(0),
  /** null while the size of the work is not known yet. */
  total: z.number().min(0).nullable(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
  /** The method's answer once done; its shape is the starting method's (see its doc). */
  result: z.unknown().optional(),
  /** Why it failed or stopped, in Chinese. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobStatus = z.infer<typeof jobStatus>;

export const jobIdInput = z.strictObject({ id: z.string().min(1).max(64) });
