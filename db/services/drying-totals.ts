import { HEAT_SOURCE_LABELS, HEAT_SOURCES, type HeatSource } from '../../shared/domain/drying-dryers';
import type { CoalDryerFact } from '../../shared/domain/drying-burndown';
import { SITE_STAGES } from '../../shared/domain/drying-stages';
import type { CapacityRow, DryingSummary } from '../../shared/schemas/drying-summary';
import type { ServiceContext } from '../context';
import {
  coalFactGroups,
  dryerScopeTotals,
  dryerTotals,
  siteCounts,
  type DryerScopeRow,
  type DryerTotalsRow,
  type SiteCountRow,
} from '../repositories/drying-totals';

/** The capacity figures of one scope (a township, or the county) from the SQL aggregates. */
export interface DryingTotals {
  /** by township code (only townships with live sites) */
  byTownship: Map<string, { sites: SiteCountRow[]; dryers: DryerTotalsRow[] }>;
  sites: SiteCountRow[];
  dryers: DryerTotalsRow[];
}

export function loadDryingTotals(ctx: ServiceContext, townshipCode: string | null, batchesPerDay: number): DryingTotals {
  const sites = siteCounts(ctx.db, { townshipCode });
  const dryers = dryerTotals(ctx.db, { townshipCode, batchesPerDay });
  const byTownship: DryingTotals['byTownship'] = new Map();
  const entry = (code: string) => {
    let e = byTownship.get(code);
    if (!e) byTownship.set(code, (e = { sites: [], dryers: [] }));
    return e;
  };
  for (const s of sites) entry(s.township_code).sites.push(s);
  for (const d of dryers) entry(d.township_code).dryers.push(d);
  return { byTownship, sites, dryers };
}

/** The scope's figures as one row of dryers (no township or heat-source split): what the progress card shows. */
export function loadDryingScope(ctx: ServiceContext, townshipCode: string | null, batchesPerDay: number) {
  return { sites: siteCounts(ctx.db, { townshipCode }), dryers: dryerScopeTotals(ctx.db, { townshipCode, batchesPerDay }) };
}

/** Tenths of a tonne back to t/day (exact sums, so one division gives what rounding the JS sum gave). */
const tonnes = (tenths: number): number => tenths / 10;

export function capacityRowOf(
  code: string,
  name: string,
  part: { sites: readonly SiteCountRow[]; dryers: readonly DryerScopeRow[] },
): CapacityRow {
  const byStage = Object.fromEntries(SITE_STAGES.map((s) => [s, 0])) as CapacityRow['byStage'];
  let centres = 0;
  let points = 0;
  for (const s of part.sites) {
    byStage[s.stage] += s.n;
    if (s.kind === 'centre') centres += s.n;
    if (s.kind === 'point') points += s.n;
  }
  let dryers = 0;
  let operating = 0;
  let planned = 0;
  let coalRemaining = 0;
  for (const d of part.dryers) {
    dryers += d.dryers;
    operating += d.operating_tenths;
    planned += d.planned_tenths;
    coalRemaining += d.coal_remaining;
  }
  return {
    townshipCode: code,
    townshipName: name,
    centres,
    points,
    byStage,
    dryers,
    operatingT: tonnes(operating),
    plannedT: tonnes(planned),
    coalRemaining,
  };
}

export function heatSharesOf(rows: readonly DryerTotalsRow[]): DryingSummary['heatShares'] {
  return HEAT_SOURCES.map((heatSource: HeatSource) => {
    let dryers = 0;
    let operating = 0;
    let planned = 0;
    for (const r of rows) {
      if (r.heat_now !== heatSource) continue;
      dryers += r.planned_dryers;
      operating += r.operating_tenths;
      planned += r.planned_tenths;
    }
    return { heatSource, label: HEAT_SOURCE_LABELS[heatSource], dryers, operatingT: tonnes(operating), plannedT: tonnes(planned) };
  });
}

/**
 * The coal-fired dryers (as installed) of the scope as burn-down facts, one per SQL group with its count
 * (a province has thousands of coal dryers but a few dozen distinct facts; the burn-down weighs each by its count).
 */
export function coalFacts(ctx: ServiceContext, townshipCode: string | null): CoalDryerFact[] {
  return coalFactGroups(ctx.db, { townshipCode }).map((g) => ({
    yearInstalled: g.year_installed,
    plan: g.plan,
    plannedDate: g.planned_date,
    actualDate: g.actual_date,
    count: g.n,
  }));
}
