import { z } from '../api/zod-locale';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDate } from './common';
import { countingRule, targetYear } from './targets';

/** Which year and whose numbers: the whole county, or one township (a station always sees its own). */
export const progressInput = z.strictObject({
  year: targetYear.optional(),
  townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }).optional(),
});
export type ProgressInput = z.input<typeof progressInput>;

export const PACE_STATUSES = ['achieved', 'ahead', 'onPace', 'behind'] as const;

/** shared/domain/pace.ts `Pace`, plus the date of the latest counted machine. */
export const measure = z.object({
  target: z.number().int(),
  done: z.number().int(),
  percent: z.number().nullable(),
  elapsedDays: z.number().int(),
  daysInYear: z.number().int(),
  expectedByToday: z.number(),
  status: z.enum(PACE_STATUSES),
  projectedYearEnd: z.number().int().nullable(),
  projectedFromRecent: z.number().int().nullable(),
  recentDays: z.number().int(),
  remainingMonths: z.number().int(),
  shortfall: z.number().int(),
  neededPerMonth: z.number().int().nullable(),
  lastActivity: isoDate.nullable(),
});
export type Measure = z.output<typeof measure>;

export const fundsSplit = z.object({ scrapFen: z.number().int(), purchaseFen: z.number().int(), totalFen: z.number().int() });
export type FundsSplit = z.output<typeof fundsSplit>;

export const scope = z.object({ townshipCode: z.string().nullable(), name: z.string() });

export const progressSummary = z.object({
  year: z.number().int(),
  asOf: isoDate,
  scope,
  targetsAreDefault: z.boolean(),
  sharesAreDefault: z.boolean(),
  countingRule,
  scraps: measure,
  purchases: measure,
  terminals: z.object({
    beidou: z.number().int(),
    monitor: z.number().int(),
    /** (beidou + monitor) / counted purchases, percent one decimal; null without purchases. */
    sharePct: z.number().nullable(),
    target: z.number().int().nullable(),
  }),
  funds: z.object({ committed: fundsSplit, paid: fundsSplit }),
  mechanization: z.object({ ratePct: z.number().nullable(), targetPct: z.number(), entered: z.boolean() }),
  /** 粮食烘干: the drying module's figures for the scope as of today, against the year's targets. */
  drying: z.object({
    capacityTargetTpd: z.number().nullable(),
    coalDryersZeroByYear: z.number().int().nullable(),
    asOf: isoDate,
    /** t/day of dryers in use at operating sites, and of every dryer not retired at sites not stopped. */
    operatingTpd: z.number(),
    plannedTpd: z.number(),
    centres: z.number().int(),
    points: z.number().int(),
    dryers: z.number().int(),
    coal: z.object({
      total: z.number().int(),
      remaining: z.number().int(),
      state: z.enum(['none', 'done', 'remaining', 'overdue']),
      text: z.string(),
    }),
  }),
  /** Counted machines whose buyer is registered outside the county's townships (not in any share). */
  outside: z.object({ scraps: z.number().int(), purchases: z.number().int() }),
  /** 待核查: further records of open cross-station duplicates, not counted until the conflict is resolved. */
  disputed: z.object({ scraps: z.number().int(), purchases: z.number().int() }),
});
export type ProgressSummary = z.output<typeof progressSummary>;

export const townshipProgress = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  scraps: measure,
  purchases: measure,
  terminals: z.number().int(),
  committedFen: z.number().int(),
  paidFen: z.number().int(),
  lastActivity: isoDate.nullable(),
  /** Behind the even pace on scraps or purchases. */
  laggard: z.boolean(),
  /** 待核查 records of the township (scraps + purchases), not counted above. */
  disputed: z.number().int(),
});
export type TownshipProgress = z.output<typeof townshipProgress>;

export const progressByTownship = z.object({
  year: z.number().int(),
  asOf: isoDate,
  sharesAreDefault: z.boolean(),
  rows: z.array(townshipProgress),
  totals: z.object({
    scrapTarget: z.number().int(),
    scraps: z.number().int(),
    purchaseTarget: z.number().int(),
    purchases: z.number().int(),
  }),
});
export type ProgressByTownship = z.output<typeof progressByTownship>;

export const monthRow = z.object({
  month: z.number().int().min(1).max(12),
  scraps: z.number().int(),
  purchases: z.number().int(),
  /** Running totals; null for months after the as-of date. */
  cumulativeScraps: z.number().int().nullable(),
  cumulativePurchases: z.number().int().nullable(),
  terminals: z.number().int(),
});

export const itemCount = z.object({ item: z.string(), count: z.number().int() });

export const progressMonthly = z.object({
  year: z.number().int(),
  asOf: isoDate,
  scope,
  targets: z.object({ scrapCount: z.number().int(), purchaseCount: z.number().int() }),
  months: z.array(monthRow),
  byItem: z.object({ scraps: z.array(itemCount), purchases: z.array(itemCount) }),
  terminals: z.object({ beidou: z.number().int(), monitor: z.number().int(), none: z.number().int() }),
});
export type ProgressMonthly = z.output<typeof progressMonthly>;

export const reportInput = progressInput;
