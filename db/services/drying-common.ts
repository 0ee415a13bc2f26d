import { chinaDate } from '../../shared/domain/civil-date';
import { AppError } from '../../shared/api/errors';
import {
  countsOperating,
  countsPlanned,
  currentHeatSource,
  dailyCapacity,
  roundT,
  type HeatSource,
} from '../../shared/domain/drying-dryers';
import type { SiteStage } from '../../shared/domain/drying-stages';
import { parseUscc } from '../../shared/domain/uscc';
import type { DryingConfig } from '../../shared/schemas/drying';
import { writeTx, type ServiceContext } from '../context';
import type { DryerRow, RetirementRow } from '../repositories/drying-dryers';
import { getFarmer } from '../repositories/farmers';
import type { FarmerRow } from '../repositories/farmers';
import { writeAudit } from './audit';
import { getConfig, setConfig } from './config';
import { coalTargetYear, DOMAIN_TARGETS } from './targets';
import { requireInstallation } from './installation';

/** Today as the user's calendar has it (the machine's local date), YYYY-MM-DD. */
export const todayOf = (ctx: ServiceContext): string => chinaDate(ctx.now());

export function dryingConfig(ctx: ServiceContext): DryingConfig {
  return {
    batchesPerDay: getConfig(ctx, 'dryerBatchesPerDay'),
    coalTargetYear: coalTargetYear(ctx) ?? (DOMAIN_TARGETS.coalDryersZeroByYear as number),
  };
}

/** Sets the batches-per-day factor for this installation (audited); the coal target year is set with the targets. */
export function updateDryingConfig(ctx: ServiceContext, input: Pick<DryingConfig, 'batchesPerDay'>): DryingConfig {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const before = dryingConfig(ctx);
    setConfig(ctx, 'dryerBatchesPerDay', input.batchesPerDay);
    const after = dryingConfig(ctx);
    writeAudit(ctx, installation, { method: 'drying.config.update', entity: 'config', entityId: installation.station_id, before, after });
    return after;
  });
}

/** One dryer with what the dashboard needs to know about it. */
export interface DryerFacts {
  dryer: DryerRow;
  retirement: RetirementRow | null;
  dailyT: number | null;
  heatNow: HeatSource;
}

export function dryerFacts(dryer: DryerRow, retirement: RetirementRow | null, batchesPerDay: number): DryerFacts {
  return {
    dryer,
    retirement,
    dailyT: dailyCapacity({ kind: dryer.kind, batchT: dryer.batch_t, dailyT: dryer.daily_t }, batchesPerDay),
    heatNow: currentHeatSource(
      dryer.heat_source,
      retirement?.plan === 'convert' ? { newHeatSource: retirement.new_heat_source, actualDate: retirement.actual_date } : null,
    ),
  };
}

/** t/day operating and planned over dryers at a site in `stage`. */
export function capacityOf(dryers: readonly DryerFacts[], stage: SiteStage): { operatingT: number; plannedT: number } {
  let operatingT = 0;
  let plannedT = 0;
  for (const d of dryers) {
    if (countsOperating(d.dryer.status, stage)) operatingT += d.dailyT ?? 0;
    if (countsPlanned(d.dryer.status, stage)) plannedT += d.dailyT ?? 0;
  }
  return { operatingT: roundT(operatingT), plannedT: roundT(plannedT) };
}

/** A coal dryer not yet retired nor converted. */
export const isCoalRemaining = (d: DryerFacts): boolean => d.dryer.heat_source === 'coal' && !d.retirement?.actual_date;

export const ORGANISATION_KINDS = ['family_farm', 'cooperative', 'enterprise'];

/** The organisation running a site: a live farmer record of an organisation, registered with a valid USCC. */
export function requireOperator(ctx: ServiceContext, id: string | null | undefined): FarmerRow | null {
  if (!id) return null;
  const row = getFarmer(ctx.db, id);
  const field = (message: string) => AppError.field('VALIDATION', ['operatorId'], message);
  if (!row) throw field('未找到该经营主体，请先在“登记台”登记');
  if (row.voided_at) throw field(`经营主体“${row.name}”已作废，请重新选择`);
  if (!ORGANISATION_KINDS.includes(row.kind)) {
    throw field(`“${row.name}”登记为个人；经营主体须为家庭农场、合作社或企业，请先在“登记台”以统一社会信用代码登记`);
  }
  if (!parseUscc(row.id_number).ok) {
    throw field(`“${row.name}”登记的不是有效的统一社会信用代码，请先在“登记台”改为统一社会信用代码`);
  }
  return row;
}

/** Refuses a write when the record was saved elsewhere after the editor loaded it. */
export function assertFresh(expected: string | undefined, actual: string): void {
  if (expected && expected !== actual) throw new AppError('CONFLICT', '该记录已在别处被修改，请关闭后重新打开再编辑');
}
