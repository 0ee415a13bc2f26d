import { z } from '../api/zod-locale';
import { areaIssues } from '../domain/mechanization';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDateTime, requiredText } from './common';
import { targetYear } from './targets';

const mu = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .min(0, `${label}不能为负数`)
    .max(10_000_000, `${label}过大`)
    .transform((v) => Math.round(v * 100) / 100);

const areaFields = {
  tillageBaseMu: mu('应耕面积'),
  tilledMu: mu('机耕面积'),
  sownMu: mu('农作物播种面积'),
  machineSownMu: mu('机播面积'),
  machineHarvestedMu: mu('机收面积'),
};

/** One crop's areas in mu; a machine area may not exceed its base area. */
export const cropAreasInput = z.strictObject({ crop: requiredText(20, '作物'), ...areaFields }).superRefine((v, ctx) => {
  for (const issue of areaIssues(v)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type CropAreasInput = z.input<typeof cropAreasInput>;

/** A township's areas for a year, every crop at once: crops left out are removed (voided). */
export const mechanizationSaveInput = z
  .strictObject({
    year: targetYear,
    townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }),
    rows: z.array(cropAreasInput).max(30, '作物不超过30种'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.rows.forEach((r, i) => {
      if (seen.has(r.crop)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'crop'], message: `作物“${r.crop}”重复` });
      seen.add(r.crop);
    });
  });
export type MechanizationSaveInput = z.input<typeof mechanizationSaveInput>;

export const mechanizationSummaryInput = z.strictObject({ year: targetYear.optional() });

const areas = z.object({
  tillageBaseMu: z.number(),
  tilledMu: z.number(),
  sownMu: z.number(),
  machineSownMu: z.number(),
  machineHarvestedMu: z.number(),
});

export const rates = z.object({
  tillage: z.number().nullable(),
  sowing: z.number().nullable(),
  harvest: z.number().nullable(),
  comprehensive: z.number().nullable(),
});

export const gap = z.object({
  shortfallPct: z.number(),
  minimumMu: z.number().nullable(),
  plan: z.object({ tillage: z.number(), sowing: z.number(), harvest: z.number() }),
  alone: z.object({ tillage: z.number().nullable(), sowing: z.number().nullable(), harvest: z.number().nullable() }),
});

export const cropRow = areas.extend({ id: z.string(), crop: z.string(), rates, updatedAt: isoDateTime });

export const mechanizationTownship = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  crops: z.array(cropRow),
  totals: areas,
  rates,
  gap,
  /** Null when nothing is entered. */
  meets: z.boolean().nullable(),
});
export type MechanizationTownship = z.output<typeof mechanizationTownship>;

export const mechanizationSummary = z.object({
  year: z.number().int(),
  weights: z.object({ tillage: z.number(), sowing: z.number(), harvest: z.number() }),
  targetPct: z.number(),
  townships: z.array(mechanizationTownship),
  /** Area-weighted over the townships with entries (a station sees its own township here). */
  total: z.object({ totals: areas, rates, gap, meets: z.boolean().nullable(), townshipsEntered: z.number().int() }),
});
export type MechanizationSummary = z.output<typeof mechanizationSummary>;
