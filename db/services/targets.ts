import { apportionByKey } from '../../shared/domain/apportion';
import { countedStatuses, countingRuleText, COUNTING_STAGE_LABELS, type CountingStage } from '../../shared/domain/counting';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { ApportionOutput, CountyTargets, TargetsSetValues, TargetsView, TownshipShare } from '../../shared/schemas/targets';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { getInstallation } from '../repositories/installation';
import * as repo from '../repositories/targets';
import { writeAudit } from './audit';
import { getConfig, legacyCoalDryerYear, setConfig } from './config';
import { requireInstallation } from './installation';
import { countsByTownship, currentYear, loadFacts } from './progress-facts';

/** The county plan's targets (冠政发〔2024〕4号, DOMAIN.md §1), shown for a year until the county saves its own. */
export const DOMAIN_TARGETS: CountyTargets = {
  scrapCount: 100,
  purchaseCount: 900,
  mechanizationRate: 94,
  beidouCount: null,
  dryingCapacityTpd: null,
  coalDryersZeroByYear: 2025,
};

export interface YearTargets {
  year: number;
  isDefault: boolean;
  county: CountyTargets;
  updatedAt: string | null;
  /** Every township's share (stored, or an even split of the county targets). */
  shares: Map<string, TownshipShare>;
  sharesAreDefault: boolean;
}

const fromRow = (r: repo.TargetRow): CountyTargets => ({
  scrapCount: r.scrap_count,
  purchaseCount: r.purchase_count,
  mechanizationRate: r.mechanization_rate,
  beidouCount: r.beidou_count,
  dryingCapacityTpd: r.drying_capacity_tpd,
  coalDryersZeroByYear: r.coal_dryers_zero_by,
});

/** An even split of the county targets over the 18 townships (largest remainder, so it sums exactly). */
function evenShares(county: CountyTargets): Map<string, TownshipShare> {
  const entries = TOWNSHIPS.map((t) => ({ key: t.code as string, weight: 0 }));
  const scraps = apportionByKey(county.scrapCount, entries).shares;
  const purchases = apportionByKey(county.purchaseCount, entries).shares;
  const beidou = county.beidouCount === null ? null : apportionByKey(county.beidouCount, entries).shares;
  return new Map(
    TOWNSHIPS.map((t) => [
      t.code,
      {
        townshipCode: t.code,
        townshipName: t.name,
        scrapCount: scraps.get(t.code) ?? 0,
        purchaseCount: purchases.get(t.code) ?? 0,
        beidouCount: beidou?.get(t.code) ?? null,
      },
    ]),
  );
}

/** The year's targets as stored, or the defaults (nothing is written by reading). */
export function loadTargets(ctx: ServiceContext, year: number): YearTargets {
  const row = repo.getLiveTarget(ctx.db, year);
  const county = row
    ? fromRow(row)
    : { ...DOMAIN_TARGETS, coalDryersZeroByYear: legacyCoalDryerYear(ctx) ?? DOMAIN_TARGETS.coalDryersZeroByYear };
  const stored = repo.listLiveShares(ctx.db, year);
  const shares = stored.length
    ? new Map(
        TOWNSHIPS.map((t) => {
          const s = stored.find((x) => x.township_code === t.code);
          return [
            t.code,
            {
              townshipCode: t.code,
              townshipName: t.name,
              scrapCount: s?.scrap_count ?? 0,
              purchaseCount: s?.purchase_count ?? 0,
              beidouCount: s?.beidou_count ?? null,
            },
          ];
        }),
      )
    : evenShares(county);
  return { year, isDefault: !row, county, updatedAt: row?.updated_at ?? null, shares, sharesAreDefault: stored.length === 0 };
}

/** The one coal-dryer target year: the year's targets (this year's by default). */
export function coalTargetYear(ctx: ServiceContext, year: number = currentYear(ctx)): number | null {
  return loadTargets(ctx, year).county.coalDryersZeroByYear;
}

export function countingRule(stage: CountingStage) {
  return { stage, statuses: countedStatuses(stage), text: countingRuleText(stage), stageLabel: COUNTING_STAGE_LABELS[stage] };
}

export function getTargets(ctx: ServiceContext, input: { year?: number }): TargetsView {
  const year = input.year ?? currentYear(ctx);
  const t = loadTargets(ctx, year);
  const installation = getInstallation(ctx.db);
  const own = installation?.role === 'station' ? installation.township_code : null;
  return {
    year,
    isDefault: t.isDefault,
    county: t.county,
    shares: [...t.shares.values()].filter((s) => !own || s.townshipCode === own),
    sharesAreDefault: t.sharesAreDefault,
    countingRule: countingRule(getConfig(ctx, 'progressCountingStage')),
    mechanizationWeights: getConfig(ctx, 'mechanizationWeights'),
    updatedAt: t.updatedAt,
  };
}

function writeShares(ctx: ServiceContext, stationId: string, year: number, shares: NonNullable<TargetsSetValues['shares']>, at: string) {
  const existing = repo.listLiveShares(ctx.db, year);
  for (const s of shares) {
    const row = existing.find((e) => e.township_code === s.townshipCode);
    const values = { scrap_count: s.scrapCount, purchase_count: s.purchaseCount, beidou_count: s.beidouCount ?? null };
    if (row) repo.updateShare(ctx.db, { ...row, ...values, updated_at: at });
    else {
      repo.insertShare(ctx.db, {
        id: ctx.newId(),
        station_id: stationId,
        year,
        township_code: s.townshipCode,
        ...values,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      });
    }
  }
  for (const e of existing) {
    if (!shares.some((s) => s.townshipCode === e.township_code)) repo.voidShare(ctx.db, e.id, at, '调整目标分解时移除');
  }
}

/** Saves a year's targets (and, when given, its township shares, the counting rule and the rate weights) with one audit row. */
export function setTargets(ctx: ServiceContext, input: TargetsSetValues): TargetsView {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const before = getTargets(ctx, { year: input.year });
    const at = isoNow(ctx);
    const values = {
      scrap_count: input.scrapCount,
      purchase_count: input.purchaseCount,
      mechanization_rate: input.mechanizationRate,
      beidou_count: input.beidouCount ?? null,
      drying_capacity_tpd: input.dryingCapacityTpd ?? null,
      coal_dryers_zero_by: input.coalDryersZeroByYear ?? null,
    };
    const row = repo.getLiveTarget(ctx.db, input.year);
    const id = row?.id ?? ctx.newId();
    if (row) repo.updateTarget(ctx.db, { ...row, ...values, updated_at: at });
    else {
      repo.insertTarget(ctx.db, {
        id,
        station_id: installation.station_id,
        year: input.year,
        ...values,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      });
    }
    if (input.shares) writeShares(ctx, installation.station_id, input.year, input.shares, at);
    if (input.countingStage) setConfig(ctx, 'progressCountingStage', input.countingStage);
    if (input.mechanizationWeights) setConfig(ctx, 'mechanizationWeights', input.mechanizationWeights);
    const after = getTargets(ctx, { year: input.year });
    writeAudit(ctx, installation, { method: 'targets.set', entity: 'targets', entityId: id, before, after });
    return after;
  });
}

/**
 * A proposed split of the county targets among the 18 townships, in proportion to last year's counted
 * machines or evenly; each measure sums exactly to its total. Nothing is written.
 */
export function apportionTargets(
  ctx: ServiceContext,
  input: { year: number; basis: 'lastYear' | 'even'; scrapCount?: number; purchaseCount?: number; beidouCount?: number | null },
): ApportionOutput {
  const stored = loadTargets(ctx, input.year).county;
  const totals = {
    scrapCount: input.scrapCount ?? stored.scrapCount,
    purchaseCount: input.purchaseCount ?? stored.purchaseCount,
    beidouCount: input.beidouCount === undefined ? stored.beidouCount : input.beidouCount,
  };
  const notes: string[] = [];
  const last = input.basis === 'lastYear' ? loadFacts(ctx, input.year - 1) : null;
  const scrapCounts = last ? countsByTownship(last, last.scraps) : null;
  const purchaseCounts = last ? countsByTownship(last, last.purchases) : null;
  const split = (label: string, total: number, weight: (code: string) => number) => {
    const r = apportionByKey(
      total,
      TOWNSHIPS.map((t) => ({ key: t.code as string, weight: last ? weight(t.code) : 0 })),
    );
    if (last && r.even && total > 0) notes.push(`${input.year - 1}年各乡镇均无计入的${label}，${label}目标按平均分配`);
    return r.shares;
  };
  const scraps = split('报废农机', totals.scrapCount, (c) => scrapCounts?.get(c)?.n ?? 0);
  const purchases = split('新购农机', totals.purchaseCount, (c) => purchaseCounts?.get(c)?.n ?? 0);
  const beidou =
    totals.beidouCount === null
      ? null
      : split('北斗/监测终端', totals.beidouCount, (c) => {
          const t = purchaseCounts?.get(c);
          return t ? t.beidou + t.monitor : 0;
        });
  if (last) notes.unshift(`按${input.year - 1}年各乡镇计入的台数比例分解（最大余数法，各乡镇之和等于全县目标）`);
  else notes.unshift('平均分配到18个乡镇（街道）（最大余数法，各乡镇之和等于全县目标）');
  return {
    year: input.year,
    basis: input.basis,
    shares: TOWNSHIPS.map((t) => ({
      townshipCode: t.code,
      townshipName: townshipName(t.code),
      scrapCount: scraps.get(t.code) ?? 0,
      purchaseCount: purchases.get(t.code) ?? 0,
      beidouCount: beidou?.get(t.code) ?? null,
    })),
    lastYear: last
      ? TOWNSHIPS.map((t) => {
          const p = purchaseCounts?.get(t.code);
          return {
            townshipCode: t.code,
            scraps: scrapCounts?.get(t.code)?.n ?? 0,
            purchases: p?.n ?? 0,
            terminals: (p?.beidou ?? 0) + (p?.monitor ?? 0),
          };
        })
      : null,
    notes,
  };
}
