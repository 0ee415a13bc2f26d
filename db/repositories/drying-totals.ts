import type { Database } from 'better-sqlite3';
import type { HeatSource, RetirementPlan } from '../../shared/domain/drying-dryers';
import type { SiteStage } from '../../shared/domain/drying-stages';
import type { SiteKind } from '../../shared/schemas/drying';

/**
 * The drying dashboards' figures aggregated in SQL (a province has thousands of sites; loading every site,
 * dryer and retirement into JS cost over a second). Capacity is summed in integer tenths of a tonne: each
 * dryer's t/day rounded to one decimal as `dailyCapacity` does (Math.round(x × 10) = floor(x × 10 + 0.5)),
 * so the sums are exact and equal the rounded sums of the rounded figures.
 */

/** The scope term, written out per scope: an `@x IS NULL OR` term would keep a township's query off the township index. */
const ANY_TOWNSHIP = /\(@townshipCode IS NULL OR (s\.)?township_code = @townshipCode\)/g;
function scoped(sql: string, townshipCode: string | null): string {
  return sql.replace(ANY_TOWNSHIP, (_all, alias: string | undefined) =>
    townshipCode === null ? '1' : `${alias ?? ''}township_code = @townshipCode`,
  );
}

/** Live dryers of live sites (of one township, or all) with their live retirement and derived facts. */
const LIVE_DRYERS = `
  SELECT s.township_code, s.stage AS site_stage, d.status, d.heat_source,
    CASE WHEN r.plan = 'convert' AND r.actual_date IS NOT NULL AND r.actual_date <> '' AND r.new_heat_source IS NOT NULL
      THEN r.new_heat_source ELSE d.heat_source END AS heat_now,
    CASE WHEN d.daily_t IS NOT NULL THEN floor(d.daily_t * 10 + 0.5)
      WHEN d.kind = 'batch' AND d.batch_t IS NOT NULL THEN floor(d.batch_t * @batchesPerDay * 10 + 0.5)
      ELSE 0 END AS tenths,
    (r.actual_date IS NULL OR r.actual_date = '') AS not_gone
  FROM drying_sites s
  JOIN dryers d ON d.site_id = s.id AND d.voided_at IS NULL
  LEFT JOIN dryer_retirements r ON r.dryer_id = d.id AND r.voided_at IS NULL
  WHERE s.voided_at IS NULL AND (@townshipCode IS NULL OR s.township_code = @townshipCode)`;

export interface DryerTotalsRow {
  township_code: string;
  heat_now: HeatSource;
  /** dryers not retired (any site stage) */
  dryers: number;
  /** dryers counted toward planned capacity (not retired, site not 停用) */
  planned_dryers: number;
  operating_tenths: number;
  planned_tenths: number;
  /** coal-fired as installed and not yet retired nor converted (any status) */
  coal_remaining: number;
  /** coal-fired as installed (any status) */
  coal_total: number;
}

const DRYER_TOTALS_SQL = `SELECT township_code, heat_now,
         sum(status <> 'retired') AS dryers,
         sum(status <> 'retired' AND site_stage <> 'closed') AS planned_dryers,
         CAST(total(CASE WHEN status IN ('in_use', 'converted') AND site_stage = 'operating' THEN tenths ELSE 0 END) AS INTEGER) AS operating_tenths,
         CAST(total(CASE WHEN status <> 'retired' AND site_stage <> 'closed' THEN tenths ELSE 0 END) AS INTEGER) AS planned_tenths,
         sum(heat_source = 'coal' AND not_gone) AS coal_remaining,
         sum(heat_source = 'coal') AS coal_total
       FROM (${LIVE_DRYERS})
       GROUP BY township_code, heat_now`;

export function dryerTotals(db: Database, p: { townshipCode: string | null; batchesPerDay: number }): DryerTotalsRow[] {
  return db.prepare(scoped(DRYER_TOTALS_SQL, p.townshipCode)).all(p) as DryerTotalsRow[];
}

/** The same figures for the whole scope in one row (none when it has no live dryer): nothing to group, so nothing to sort. */
export type DryerScopeRow = Omit<DryerTotalsRow, 'township_code' | 'heat_now'>;

const DRYER_SCOPE_TOTALS_SQL = DRYER_TOTALS_SQL.replace('SELECT township_code, heat_now,', 'SELECT').replace(
  'GROUP BY township_code, heat_now',
  'HAVING count(*) > 0',
);

export function dryerScopeTotals(db: Database, p: { townshipCode: string | null; batchesPerDay: number }): DryerScopeRow[] {
  return db.prepare(scoped(DRYER_SCOPE_TOTALS_SQL, p.townshipCode)).all(p) as DryerScopeRow[];
}

export interface SiteCountRow {
  township_code: string;
  kind: SiteKind;
  stage: SiteStage;
  n: number;
}

const SITE_COUNTS_SQL = `SELECT township_code, kind, stage, count(*) AS n FROM drying_sites
       WHERE voided_at IS NULL AND (@townshipCode IS NULL OR township_code = @townshipCode)
       GROUP BY township_code, kind, stage`;

export function siteCounts(db: Database, p: { townshipCode: string | null }): SiteCountRow[] {
  return db.prepare(scoped(SITE_COUNTS_SQL, p.townshipCode)).all(p) as SiteCountRow[];
}

export interface CoalFactRow {
  year_installed: number | null;
  plan: RetirementPlan | null;
  planned_date: string | null;
  actual_date: string | null;
  n: number;
}

/** Coal-fired dryers (as installed) grouped by what the burn-down needs of them. */
const COAL_FACTS_SQL = `SELECT d.year_installed, r.plan, r.planned_date, r.actual_date, count(*) AS n
       FROM drying_sites s
       JOIN dryers d ON d.site_id = s.id AND d.voided_at IS NULL
       LEFT JOIN dryer_retirements r ON r.dryer_id = d.id AND r.voided_at IS NULL
       WHERE s.voided_at IS NULL AND (@townshipCode IS NULL OR s.township_code = @townshipCode) AND d.heat_source = 'coal'
       GROUP BY d.year_installed, r.plan, r.planned_date, r.actual_date`;

export function coalFactGroups(db: Database, p: { townshipCode: string | null }): CoalFactRow[] {
  return db.prepare(scoped(COAL_FACTS_SQL, p.townshipCode)).all(p) as CoalFactRow[];
}

export interface OverdueSiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  township_code: string;
  stage: SiteStage;
  planned_completion: string;
}

/** Sites past their planned completion and not yet 投产 or 停用, in the site list's order. */
const OVERDUE_SQL = `SELECT id, name, kind, township_code, stage, planned_completion FROM drying_sites
       WHERE voided_at IS NULL AND (@townshipCode IS NULL OR township_code = @townshipCode)
         AND stage IN ('planned', 'building', 'built') AND planned_completion < @today
       ORDER BY township_code, name, id`;

export function overdueSites(db: Database, p: { townshipCode: string | null; today: string }): OverdueSiteRow[] {
  return db.prepare(scoped(OVERDUE_SQL, p.townshipCode)).all(p) as OverdueSiteRow[];
}

/** Every statement of the drying dashboards, for the plan checks. */
export const dryingTotalsStatements = (townshipCode: string | null): { name: string; sql: string }[] => [
  { name: 'dryer totals', sql: scoped(DRYER_TOTALS_SQL, townshipCode) },
  { name: 'dryer scope totals', sql: scoped(DRYER_SCOPE_TOTALS_SQL, townshipCode) },
  { name: 'site counts', sql: scoped(SITE_COUNTS_SQL, townshipCode) },
  { name: 'coal facts', sql: scoped(COAL_FACTS_SQL, townshipCode) },
  { name: 'overdue sites', sql: scoped(OVERDUE_SQL, townshipCode) },
];
