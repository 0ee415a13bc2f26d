import { daysBetween } from '../../shared/domain/civil-date';
import { burndownRange, coalBurndown, monthsBetween, type CoalDryerFact } from '../../shared/domain/drying-burndown';
import { countsOperating, countsPlanned, HEAT_SOURCE_LABELS, HEAT_SOURCES, roundT } from '../../shared/domain/drying-dryers';
import { isOverdue, SITE_STAGES } from '../../shared/domain/drying-stages';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { CapacityRow, DryingSummary } from '../../shared/schemas/drying-summary';
import type { ServiceContext } from '../context';
import { liveRetirementsOf, listDryersOfSites } from '../repositories/drying-dryers';
import { allSites, type SiteListRow } from '../repositories/drying-sites';
import { capacityOf, dryerFacts, dryingConfig, isCoalRemaining, todayOf, type DryerFacts } from './drying-common';

interface SiteWithDryers {
  site: SiteListRow;
  dryers: DryerFacts[];
}

/** Every live site (of one township, or all) with its live dryers and their retirements. */
export function loadSitesWithDryers(ctx: ServiceContext, townshipCode: string | undefined, today: string): SiteWithDryers[] {
  const { batchesPerDay } = dryingConfig(ctx);
  const sites = allSites(ctx.db, { townshipCode, today });
  const dryers = listDryersOfSites(
    ctx.db,
    sites.map((s) => s.id),
  );
  const plans = liveRetirementsOf(
    ctx.db,
    dryers.map((d) => d.id),
  );
  const bySite = new Map<string, DryerFacts[]>(sites.map((s) => [s.id, []]));
  for (const d of dryers) bySite.get(d.site_id)?.push(dryerFacts(d, plans.get(d.id) ?? null, batchesPerDay));
  return sites.map((site) => ({ site, dryers: bySite.get(site.id) ?? [] }));
}

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

/** The build-out dashboard: capacity by township, stages, overdue sites, the coal burn-down and heat sources. */
export function dryingSummary(ctx: ServiceContext, input: { townshipCode?: string; fromMonth?: string; toMonth?: string }): DryingSummary {
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
