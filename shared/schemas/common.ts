import { z } from '../api/zod-locale';
import { isRealDate } from '../domain/civil-date';
import { unsafeTextReason } from '../domain/text-safety';

export const uuid = z.uuid({ error: '编号格式不正确' });
/** A calendar date, YYYY-MM-DD, that exists (no 2025-02-29). */
export const isoDate = z.iso
  .date({ error: '日期格式应为 YYYY-MM-DD' })
  .refine((d) => isRealDate(d), { message: '日期不存在，请核对' });
/** A moment, ISO-8601 UTC. */
export const isoDateTime = z.iso.datetime({ error: '时间格式不正确' });

export const noInput = z.strictObject({});

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
};

/**
 * Paging by cursor (keyset): `cursor` is a page answer's nextCursor or prevCursor, `direction` which one
 * it is. Without a cursor, `page` counts from 1 as before (offset paging, for deep links and old callers).
 */
export const cursorPageInput = {
  ...pageInput,
  cursor: z.string().max(600).optional(),
  direction: z.enum(['next', 'prev']).default('next'),
};

/**
 * A page of a ledger: the total is exact up to 10,000; `totalCapped` says it was not all counted: more than
 * 10,000, or (a search text most rows match, total below 10,000) at least `total` rows.
 */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    totalCapped: z.boolean(),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  });
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

export const voidInput = z.strictObject({
  id: uuid,
  reason: z.string().trim().min(2, '请填写作废原因（至少2个字）').max(200, '作废原因不超过200字'),
});

/** Refuses control, bidi-override and zero-width characters, naming the field. */
export function safeText(label: string, multiline = false) {
  return (v: string | undefined, ctx: z.RefinementCtx) => {
    const reason = v ? unsafeTextReason(v, label, multiline) : undefined;
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  };
}

/** Over-long text is refused with the limit and the length typed, never cut. */
const tooLong = (label: string, max: number) => (issue: { input?: unknown }) =>
  `${label}不超过${max}字（现为${typeof issue.input === 'string' ? Array.from(issue.input).length : '?'}字），请删减`;

/** Optional free text: blank becomes undefined so the database stores NULL. */
export function optionalText(max: number, label: string, multiline = false) {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong(label, max) })
    .superRefine(safeText(label, multiline))
    .optional()
    .transform((v) => (v ? v : undefined));
}

export function requiredText(max: number, label: string, verb = '填写', multiline = false) {
  return z
    .string({ error: `请${verb}${label}` })
    .trim()
    .min(1, `请${verb}${label}`)
    .max(max, { error: tooLong(label, max) })
    .superRefine(safeText(label, multiline));
}
