import { z } from '../api/zod-locale';
import { COUNTING_STAGES } from '../domain/counting';
import { weightsValid } from '../domain/mechanization';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDateTime } from './common';

/** A target year. */
export const targetYear = z.number({ error: '请填写年度' }).int('年度应为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年');

const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000, `${label}过大`);
const optionalCount = (label: string) => count(label).nullable().optional();

export const countingStage = z.enum(COUNTING_STAGES, { error: '请选择计入口径' });

export const mechanizationWeights = z
  .strictObject({
    tillage: z.number({ error: '请填写机耕权重' }).min(0).max(1),
    sowing: z.number({ error: '请填写机播权重' }).min(0).max(1),
    harvest: z.number({ error: '请填写机收权重' }).min(0).max(1),
  })
  .refine(weightsValid, { message: '机耕、机播、机收权重之和应为 1', path: ['tillage'] });

/** The county's targets for one year (DOMAIN.md §1); optional ones are null when not set. */
const countyTargetFields = {
  scrapCount: count('报废目标'),
  purchaseCount: count('购置目标'),
  mechanizationRate: z.number({ error: '请填写综合机械化率目标' }).min(0, '机械化率不能为负数').max(100, '机械化率不超过100%'),
  beidouCount: optionalCount('北斗/监测终端目标'),
  dryingCapacityTpd: z.number({ error: '请填写烘干能力目标' }).min(0, '烘干能力不能为负数').max(1_000_000).nullable().optional(),
  coalDryersZeroByYear: targetYear.nullable().optional(),
};

export const countyTargets = z.object({
  scrapCount: z.number().int(),
  purchaseCount: z.number().int(),
  mechanizationRate: z.number(),
  beidouCount: z.number().int().nullable(),
  dryingCapacityTpd: z.number().nullable(),
  coalDryersZeroByYear: z.number().int().nullable(),
});
export type CountyTargets = z.output<typeof countyTargets>;

export const shareInput = z.strictObject({
  townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }),
  scrapCount: count('报废分解数'),
  purchaseCount: count('购置分解数'),
  beidouCount: optionalCount('终端分解数'),
});

export const townshipShare = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  scrapCount: z.number().int(),
  purchaseCount: z.number().int(),
  beidouCount: z.number().int().nullable(),
});
export type TownshipShare = z.output<typeof townshipShare>;

export const targetsGetInput = z.strictObject({ year: targetYear.optional() });

type SetShape = { scrapCount: number; purchaseCount: number; beidouCount?: number | null; shares?: z.output<typeof shareInput>[] };

function checkShares(v: SetShape, ctx: z.RefinementCtx) {
  if (!v.shares) return;
  const seen = new Set<string>();
  v.shares.forEach((s, i) => {
    if (seen.has(s.townshipCode)) ctx.addIssue({ code: 'custom', path: ['shares', i, 'townshipCode'], message: '同一乡镇只能分解一次' });
    seen.add(s.townshipCode);
  });
  const measures = [
    ['scrapCount', '报废'],
    ['purchaseCount', '购置'],
  ] as const;
  for (const [key, label] of measures) {
    const sum = v.shares.reduce((a, s) => a + s[key], 0);
    if (sum < v[key]) {
      ctx.addIssue({ code: 'custom', path: ['shares'], message: `各乡镇${label}分解数之和（${sum}）少于全县目标（${v[key]}）` });
    }
  }
}

/** Writes a year's targets; `shares` (when given) replaces that year's township shares. */
export const targetsSetInput = z
  .strictObject({
    year: targetYear,
    ...countyTargetFields,
    shares: z.array(shareInput).max(TOWNSHIP_CODES.length).optional(),
    countingStage: countingStage.optional(),
    mechanizationWeights: mechanizationWeights.optional(),
  })
  .superRefine(checkShares);
export type TargetsSetInput = z.input<typeof targetsSetInput>;
export type TargetsSetValues = z.output<typeof targetsSetInput>;

export const countingRule = z.object({ stage: countingStage, statuses: z.array(z.string()), text: z.string(), stageLabel: z.string() });
export type CountingRule = z.output<typeof countingRule>;

export const targetsView = z.object({
  year: z.number().int(),
  /** No targets stored for the year: the county plan's defaults (DOMAIN.md §1) are shown until the county saves. */
  isDefault: z.boolean(),
  county: countyTargets,
  /** The township shares (a station sees only its own). */
  shares: z.array(townshipShare),
  /** No shares stored: an even split is shown. */
  sharesAreDefault: z.boolean(),
  countingRule,
  mechanizationWeights: z.object({ tillage: z.number(), sowing: z.number(), harvest: z.number() }),
  updatedAt: isoDateTime.nullable(),
});
export type TargetsView = z.output<typeof targetsView>;

export const APPORTION_BASES = ['lastYear', 'even'] as const;
export const APPORTION_BASIS_LABELS: Record<(typeof APPORTION_BASES)[number], string> = {
  lastYear: '按上年实绩比例',
  even: '平均分配',
};

/** A proposed split for the form to show; nothing is written until targets.set. */
export const apportionInput = z.strictObject({
  year: targetYear,
  basis: z.enum(APPORTION_BASES, { error: '请选择分解方式' }),
  /** Totals to split; the year's stored (or default) targets when absent. */
  scrapCount: count('报废目标').optional(),
  purchaseCount: count('购置目标').optional(),
  beidouCount: optionalCount('终端目标'),
});

export const apportionOutput = z.object({
  year: z.number().int(),
  basis: z.enum(APPORTION_BASES),
  shares: z.array(townshipShare),
  /** Last year's counted machines per township, the weights of a last-year split (null for an even one). */
  lastYear: z
    .array(z.object({ townshipCode: z.string(), scraps: z.number().int(), purchases: z.number().int(), terminals: z.number().int() }))
    .nullable(),
  /** What happened, in words (e.g. no results last year, so an even split). */
  notes: z.array(z.string()),
});
export type ApportionOutput = z.output<typeof apportionOutput>;
