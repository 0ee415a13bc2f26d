import { z } from '../api/zod-locale';
import { STATUSES } from '../domain/workflow';
import { isoDate, isoDateTime, pageInput, pageOf, uuid } from './common';
import { farmerSummary, status } from './machines';

export const APPLICATION_KINDS = ['scrap', 'purchase'] as const;
export const applicationKind = z.enum(APPLICATION_KINDS);

export const transitionInput = z
  .strictObject({
    kind: applicationKind,
    ids: z.array(uuid).min(1, '请至少选择一条记录').max(500, '一次最多办理500条'),
    to: z.enum(STATUSES),
    reason: z.string().trim().max(200).optional(),
    /** 核验: the on-site checks, each ticked or not, and a note. */
    checks: z.record(z.string().max(20), z.boolean()).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.to === 'returned' || v.to === 'voided') && (!v.reason || v.reason.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: v.to === 'returned' ? '请填写退回原因' : '请填写作废原因' });
    }
  });
export type TransitionInput = z.input<typeof transitionInput>;

export const transitionOutput = z.object({
  items: z.array(z.object({ id: uuid, status, statusAt: isoDateTime })),
});

export const todoInput = z.strictObject({
  kind: applicationKind.optional(),
  overdueOnly: z.boolean().default(false),
  ...pageInput,
});

export const todoItem = z.object({
  kind: applicationKind,
  id: uuid,
  farmer: farmerSummary,
  item: z.string(),
  model: z.string(),
  status,
  statusAt: isoDateTime,
  step: z.string(),
  dueDate: isoDate,
  workdaysLeft: z.number().int(),
  overdue: z.boolean(),
  totalFen: z.number().int(),
  /** Published items: the first day 兑付 may be confirmed (after the notice period), and whether an objection is open. */
  payableFrom: isoDate.nullable(),
  objectionOpen: z.boolean(),
});
export type TodoItem = z.output<typeof todoItem>;
export const todoPage = pageOf(todoItem).extend({ overdueCount: z.number().int() });
