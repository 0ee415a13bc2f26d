import { z } from '../api/zod-locale';
import { SITE_STAGES } from '../domain/drying-stages';
import { HEAT_SOURCES } from '../domain/drying-dryers';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDate } from './common';
import { dryingConfig, SITE_KINDS } from './drying';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const dryingSummaryInput = z
  .strictObject({
    /** One township only; the county's whole picture when absent. */
    townshipCode: z.enum(TOWNSHIP_CODES, { error: '乡镇代码不正确' }).optional(),
    /** Burn-down range; defaults cover last year to the end of the target year. */
    fromMonth: month.optional(),
    toMonth: month.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.fromMonth && v.toMonth && v.fromMonth > v.toMonth)
      ctx.addIssue({ code: 'custom', path: ['toMonth'], message: '结束月份不能早于开始月份' });
    if (v.fromMonth && v.toMonth && Number(v.toMonth.slice(0, 4)) - Number(v.fromMonth.slice(0, 4)) > 20) {
      ctx.addIssue({ code: 'custom', path: ['toMonth'], message: '时间范围不超过20年' });
    }
  });
export type DryingSummaryInput = z.input<typeof dryingSummaryInput>;

const stageCounts = z.object(
  Object.fromEntries(SITE_STAGES.map((s) => [s, z.number().int()])) as Record<(typeof SITE_STAGES)[number], z.ZodNumber>,
);

export const capacityRow = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  centres: z.number().int(),
  points: z.number().int(),
  byStage: stageCounts,
  dryers: z.number().int(),
  /** t/day of dryers in use at sites 投产. */
  operatingT: z.number(),
  /** t/day of every dryer not retired at sites not 停用. */
  plannedT: z.number(),
  coalRemaining: z.number().int(),
});
export type CapacityRow = z.output<typeof capacityRow>;

export const overdueSite = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  townshipName: z.string(),
  stage: z.enum(SITE_STAGES),
  plannedCompletion: isoDate,
  daysOverdue: z.number().int(),
});

export const burndownPoint = z.object({
  month: z.string(),
  monthEnd: isoDate,
  remaining: z.number().int().nullable(),
  plannedRemaining: z.number().int(),
  retired: z.number().int(),
  converted: z.number().int(),
});

export const heatShare = z.object({
  heatSource: z.enum(HEAT_SOURCES),
  label: z.string(),
  dryers: z.number().int(),
  operatingT: z.number(),
  plannedT: z.number(),
});

export const dryingSummary = z.object({
  asOf: isoDate,
  config: dryingConfig,
  townshipCode: z.string().nullable(),
  /** Every township (all 18 for the county view), then the total in `county`. */
  townships: z.array(capacityRow),
  county: capacityRow,
  overdue: z.array(overdueSite),
  coal: z.object({
    targetYear: z.number().int(),
    /** Coal dryers ever recorded (not voided). */
    total: z.number().int(),
    remaining: z.number().int(),
    retired: z.number().int(),
    converted: z.number().int(),
    /** Remaining ones with a plan that is not done yet, and with none at all. */
    planned: z.number().int(),
    unplanned: z.number().int(),
    /** Remaining ones whose plan is dated after the end of the target year, or that have no plan. */
    offTarget: z.number().int(),
    months: z.array(burndownPoint),
  }),
  heatShares: z.array(heatShare),
});
export type DryingSummary = z.output<typeof dryingSummary>;
