/**
 * The drying dashboards as computed before issue 16 (every site, dryer and retirement loaded into JS and
 * added up there), kept verbatim as the reference the SQL aggregation must equal (tests/db/drying-totals.test.ts).
 */
import { daysBetween } from '../../shared/domain/civil-date';
import { burndownRange, coalBurndown, monthsBetween, type CoalDryerFact } from '../../shared/domain/drying-burndown';
import { countsOperating, countsPlanned, HEAT_SOURCE_LABELS, HEAT_SOURCES, roundT } from '../../shared/domain/drying-dryers';
import { isOverdue, SITE_STAGES } from '../../shared/domain/drying-stages';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { CapacityRow, DryingSummary } from '../../shared/schemas/drying-summary';
import type { ProgressSummary } from '../../shared/schemas/progress';
import type { ServiceContext } from '../../db/context';
import { capacityOf, dryingConfig, isCoalRemaining, todayOf } from '../../db/services/drying-common';
import { loadSitesWithDryers, type SiteWithDryers } from '../../db/services/drying-summary';
import { coalState } from '../../db/services/progress-drying';

export function capacityRow(code: string, name: string, sites: readonly SiteWithDryers[]): CapacityRow {
  const byStage = Object.fromEntries(SITE_STAGES.map((s) => [s, 0])) as CapacityRow['byStage'];
  let operatingT = 0;
  let plannedT = 0;
  let dryers = 0;
  let coalRemaining = 0;
  for (const { site, dryers: ds } of sites) {
    byStage[site.stage] += 1;
    const c = capacityOf(ds, site.stage);
    operatingT += c.operatingT;
    plannedT += c.plannedT;
    dryers += ds.filter((d) => d.dryer.status !== 'retired').length;
    coalRemaining += ds.filter(isCoalRemaining).length;
  }
  return {
    townshipCode: code,
    townshipName: name,
    centres: sites.filter((s) => s.site.kind === 'centre').length,
    points: sites.filter((s) => s.site.kind === 'point').length,
    byStage,
    dryers,
    operatingT: roundT(operatingT),
    plannedT: roundT(plannedT),
    coalRemaining,
  };
}

function heatShares(sites: readonly SiteWithDryers[]): DryingSummary['heatShares'] {
  return HEAT_SOURCES.map((heatSource) => {
    let dryers = 0;
    let operatingT = 0;
    let plannedT = 0;
    for (const { site, dryers: ds } of sites) {
      for (const d of ds.filter((x) => x.heatNow === heatSource)) {
        if (countsPlanned(d.dryer.status, site.stage)) {
          dryers += 1;
          plannedT += d.dailyT ?? 0;
        }
        if (countsOperating(d.dryer.status, site.stage)) operatingT += d.dailyT ?? 0;
      }
    }
    return { heatSource, label: HEAT_SOURCE_LABELS[heatSource], dryers, operatingT: roundT(operatingT), plannedT: roundT(plannedT) };
  });
}

function coalPart(
  sites: readonly SiteWithDryers[],
  targetYear: number,
  today: string,
  range: { fromMonth?: string; toMonth?: string },
): DryingSummary['coal'] {
  const coal = sites.flatMap((s) => s.dryers).filter((d) => d.dryer.heat_source === 'coal');
  const facts: CoalDryerFact[] = coal.map((d) => ({
    yearInstalled: d.dryer.year_installed,
    plan: d.retirement?.plan ?? null,
    plannedDate: d.retirement?.planned_date ?? null,
    actualDate: d.retirement?.actual_date ?? null,
  }));
  const remaining = coal.filter(isCoalRemaining);
  const defaults = burndownRange(facts, targetYear, today);
  const months = monthsBetween(range.fromMonth ?? defaults.from, range.toMonth ?? defaults.to);
  const targetEnd = `${targetYear}-12-31`;
  return {
    targetYear,
    total: coal.length,
    remaining: remaining.length,
    retired: coal.filter((d) => d.retirement?.actual_date && d.retirement.plan === 'scrap').length,
    converted: coal.filter((d) => d.retirement?.actual_date && d.retirement.plan === 'convert').length,
    planned: remaining.filter((d) => d.retirement).length,
    unplanned: remaining.filter((d) => !d.retirement).length,
    offTarget: remaining.filter((d) => !d.retirement || d.retirement.planned_date > targetEnd).length,
    months: coalBurndown(facts, months, today),
  };
}

export function referenceDryingSummary(
  ctx: ServiceContext,
  input: { townshipCode?: string; fromMonth?: string; toMonth?: string },
): DryingSummary {
  const today = todayOf(ctx);
  const config = dryingConfig(ctx);
  const sites = loadSitesWithDryers(ctx, input.townshipCode, today);
  const townships = TOWNSHIPS.filter((t) => !input.townshipCode || t.code === input.townshipCode).map((t) =>
    capacityRow(
      t.code,
      t.name,
      sites.filter((s) => s.site.township_code === t.code),
    ),
  );
  const overdue = sites
    .filter(({ site }) => isOverdue({ stage: site.stage, plannedCompletion: site.planned_completion }, today))
    .map(({ site }) => ({
      id: site.id,
      name: site.name,
      kind: site.kind,
      townshipName: townshipName(site.township_code),
      stage: site.stage,
      plannedCompletion: site.planned_completion as string,
      daysOverdue: daysBetween(site.planned_completion as string, today),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  return {
    asOf: today,
    config,
    townshipCode: input.townshipCode ?? null,
    townships,
    county: capacityRow(input.townshipCode ?? '371525', input.townshipCode ? townshipName(input.townshipCode) : '全县', sites),
    overdue,
    coal: coalPart(sites, config.coalTargetYear, today, input),
    heatShares: heatShares(sites),
  };
}

export function referenceProgressDrying(
  ctx: ServiceContext,
  townshipCode: string | null,
  targets: { capacityTargetTpd: number | null; coalDryersZeroByYear: number | null },
): ProgressSummary['drying'] {
  const today = todayOf(ctx);
  const sites = loadSitesWithDryers(ctx, townshipCode ?? undefined, today);
  const row = capacityRow(townshipCode ?? '371525', '', sites);
  const coal = sites.flatMap((s) => s.dryers).filter((d) => d.dryer.heat_source === 'coal');
  return {
    ...targets,
    asOf: today,
    operatingTpd: row.operatingT,
    plannedTpd: row.plannedT,
    centres: row.centres,
    points: row.points,
    dryers: row.dryers,
    coal: coalState(coal.filter(isCoalRemaining).length, coal.length, targets.coalDryersZeroByYear, today),
  };
}
