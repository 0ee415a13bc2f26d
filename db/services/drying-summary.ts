import { daysBetween } from '../../shared/domain/civil-date';
import { burndownRange, coalBurndown, countDryers, monthsBetween, type CoalDryerFact } from '../../shared/domain/drying-burndown';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { DryingSummary } from '../../shared/schemas/drying-summary';
import type { ServiceContext } from '../context';
import { liveRetirementsOf, listDryersOfSites } from '../repositories/drying-dryers';
import { overdueSites } from '../repositories/drying-totals';
import { allSites, type SiteListRow } from '../repositories/drying-sites';
import { dryerFacts, dryingConfig, todayOf, type DryerFacts } from './drying-common';
import { capacityRowOf, coalFacts, heatSharesOf, loadDryingTotals } from './drying-totals';

export interface SiteWithDryers {
  site: SiteListRow;
  dryers: DryerFacts[];
}

/** Every live site (of one township, or all) with its live dryers and their retirements (for the export; the dashboards aggregate in SQL). */
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

/** The coal burn-down part from the coal-fired dryers' facts, grouped (as installed; converted ones count as gone). */
function coalPart(
  coal: readonly CoalDryerFact[],
  targetYear: number,
  today: string,
  range: { fromMonth?: string; toMonth?: string },
): DryingSummary['coal'] {
  const remaining = coal.filter((d) => !d.actualDate);
  const defaults = burndownRange(coal, targetYear, today);
  const months = monthsBetween(range.fromMonth ?? defaults.from, range.toMonth ?? defaults.to);
  const targetEnd = `${targetYear}-12-31`;
  return {
    targetYear,
    total: countDryers(coal),
    remaining: countDryers(remaining),
    retired: countDryers(coal, (d) => !!d.actualDate && d.plan === 'scrap'),
    converted: countDryers(coal, (d) => !!d.actualDate && d.plan === 'convert'),
    planned: countDryers(remaining, (d) => d.plan !== null),
    unplanned: countDryers(remaining, (d) => d.plan === null),
    offTarget: countDryers(remaining, (d) => d.plan === null || (d.plannedDate as string) > targetEnd),
    months: coalBurndown(coal, months, today),
  };
}

/** The build-out dashboard: capacity by township, stages, overdue sites, the coal burn-down and heat sources. */
export function dryingSummary(ctx: ServiceContext, input: { townshipCode?: string; fromMonth?: string; toMonth?: string }): DryingSummary {
  const today = todayOf(ctx);
  const config = dryingConfig(ctx);
  const scope = input.townshipCode ?? null;
  const totals = loadDryingTotals(ctx, scope, config.batchesPerDay);
  const townships = TOWNSHIPS.filter((t) => !input.townshipCode || t.code === input.townshipCode).map((t) =>
    capacityRowOf(t.code, t.name, totals.byTownship.get(t.code) ?? { sites: [], dryers: [] }),
  );
  const overdue = overdueSites(ctx.db, { townshipCode: scope, today })
    .map((site) => ({
      id: site.id,
      name: site.name,
      kind: site.kind,
      townshipName: townshipName(site.township_code),
      stage: site.stage,
      plannedCompletion: site.planned_completion,
      daysOverdue: daysBetween(site.planned_completion, today),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  return {
    asOf: today,
    config,
    townshipCode: scope,
    townships,
    county: capacityRowOf(input.townshipCode ?? '371525', input.townshipCode ? townshipName(input.townshipCode) : '全县', totals),
    overdue,
    coal: coalPart(coalFacts(ctx, scope), config.coalTargetYear, today, input),
    heatShares: heatSharesOf(totals.dryers),
  };
}
