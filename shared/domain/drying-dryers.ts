/**
 * Grain dryers (烘干机), DOMAIN.md §6: batch (循环式) dryers are rated in t per batch, continuous ones by
 * throughput; regional capacity is reported in t/day, entered or derived from the batch size with a
 * configurable batches-per-day factor.
 */

export const DRYER_KINDS = ['batch', 'continuous'] as const;
export type DryerKind = (typeof DRYER_KINDS)[number];
export const DRYER_KIND_LABELS: Record<DryerKind, string> = { batch: '循环式（批式）', continuous: '连续式' };

export const HEAT_SOURCES = ['coal', 'oil', 'gas', 'biomass', 'electric', 'solar'] as const;
export type HeatSource = (typeof HEAT_SOURCES)[number];
export const HEAT_SOURCE_LABELS: Record<HeatSource, string> = {
  coal: '燃煤',
  oil: '燃油',
  gas: '天然气/燃气',
  biomass: '生物质',
  electric: '电/热泵/空气能',
  solar: '太阳能',
};

/** 在用 and 停用 are set by hand; 已淘汰 and 已改造 only by completing a retirement. */
export const DRYER_STATUSES = ['in_use', 'stopped', 'retired', 'converted'] as const;
export type DryerStatus = (typeof DRYER_STATUSES)[number];
export const MANUAL_DRYER_STATUSES = ['in_use', 'stopped'] as const;
export const DRYER_STATUS_LABELS: Record<DryerStatus, string> = {
  in_use: '在用',
  stopped: '停用',
  retired: '已淘汰',
  converted: '已改造',
};

export const RETIREMENT_PLANS = ['scrap', 'convert'] as const;
export type RetirementPlan = (typeof RETIREMENT_PLANS)[number];
export const RETIREMENT_PLAN_LABELS: Record<RetirementPlan, string> = { scrap: '淘汰（报废）', convert: '改造（更换热源）' };

/** Default batches a batch dryer runs per day *(unconfirmed — DOMAIN §6)*; the config key overrides it. */
export const DEFAULT_BATCHES_PER_DAY = 2;

/** Tonnes, rounded to one decimal, without binary noise (0.1 + 0.2 → 0.3). */
export const roundT = (t: number): number => Math.round(t * 10) / 10;

/**
 * A dryer's daily capacity in t/day: the figure entered, else (batch dryers) batch t × batches per day;
 * null when neither is known.
 */
export function dailyCapacity(d: { kind: DryerKind; batchT: number | null; dailyT: number | null }, batchesPerDay: number): number | null {
  if (d.dailyT !== null) return roundT(d.dailyT);
  if (d.kind === 'batch' && d.batchT !== null) return roundT(d.batchT * batchesPerDay);
  return null;
}

/** A dryer still working: in use as built, or in use with a replaced heat source. */
export const isWorking = (status: DryerStatus): boolean => status === 'in_use' || status === 'converted';

/** Counts toward capacity 'operating': working at a site that is 投产. */
export function countsOperating(status: DryerStatus, siteStage: string): boolean {
  return isWorking(status) && siteStage === 'operating';
}

/** Counts toward capacity 'planned': any dryer not retired, at a site not 停用. */
export function countsPlanned(status: DryerStatus, siteStage: string): boolean {
  return status !== 'retired' && siteStage !== 'closed';
}

/** The heat source the dryer runs on now: the new one once a conversion is done. */
export function currentHeatSource(
  original: HeatSource,
  conversion: { newHeatSource: HeatSource | null; actualDate: string | null } | null,
): HeatSource {
  return conversion?.actualDate && conversion.newHeatSource ? conversion.newHeatSource : original;
}
