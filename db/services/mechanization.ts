import {
  areaGap,
  mechanizationRates,
  sumAreas,
  type MechanizationAreas,
  type MechanizationWeights,
} from '../../shared/domain/mechanization';
import { TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { MechanizationSummary, MechanizationTownship } from '../../shared/schemas/mechanization';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { getInstallation } from '../repositories/installation';
import * as repo from '../repositories/mechanization';
import { writeAudit } from './audit';
import { getConfig } from './config';
import { requireInstallation } from './installation';
import { currentYear } from './progress-facts';
import { loadTargets } from './targets';

const areasOf = (r: repo.MechanizationRow): MechanizationAreas => ({
  tillageBaseMu: r.tillage_base_mu,
  tilledMu: r.tilled_mu,
  sownMu: r.sown_mu,
  machineSownMu: r.machine_sown_mu,
  machineHarvestedMu: r.machine_harvested_mu,
});

const round2 = (x: number) => Math.round(x * 100) / 100;
const roundAreas = (a: MechanizationAreas): MechanizationAreas => ({
  tillageBaseMu: round2(a.tillageBaseMu),
  tilledMu: round2(a.tilledMu),
  sownMu: round2(a.sownMu),
  machineSownMu: round2(a.machineSownMu),
  machineHarvestedMu: round2(a.machineHarvestedMu),
});

function overall(list: MechanizationAreas[], w: MechanizationWeights, targetPct: number) {
  const totals = roundAreas(sumAreas(list));
  const rates = mechanizationRates(totals, w);
  return {
    totals,
    rates,
    gap: areaGap(totals, targetPct, w),
    meets: list.length === 0 || rates.comprehensive === null ? null : rates.comprehensive >= targetPct,
  };
}

function township(code: string, rows: repo.MechanizationRow[], w: MechanizationWeights, targetPct: number): MechanizationTownship {
  return {
    townshipCode: code,
    townshipName: townshipName(code),
    crops: rows.map((r) => ({ id: r.id, crop: r.crop, ...areasOf(r), rates: mechanizationRates(areasOf(r), w), updatedAt: r.updated_at })),
    ...overall(rows.map(areasOf), w, targetPct),
  };
}

/** The station's own township, or null at the county (which sees every township). */
function ownTownship(ctx: ServiceContext): string | null {
  const installation = getInstallation(ctx.db);
  return installation?.role === 'station' ? installation.township_code : null;
}

/** Rates per township and for the county (area-weighted over the townships with entries), against the year's target. */
export function mechanizationSummary(ctx: ServiceContext, input: { year?: number }): MechanizationSummary {
  const year = input.year ?? currentYear(ctx);
  const weights = getConfig(ctx, 'mechanizationWeights');
  const targetPct = loadTargets(ctx, year).county.mechanizationRate;
  const own = ownTownship(ctx);
  const rows = repo.listLiveAreas(ctx.db, year, own ?? undefined);
  const townships = TOWNSHIPS.filter((t) => !own || t.code === own).map((t) =>
    township(
      t.code,
      rows.filter((r) => r.township_code === t.code),
      weights,
      targetPct,
    ),
  );
  const entered = townships.filter((t) => t.crops.length > 0);
  return {
    year,
    weights,
    targetPct,
    townships,
    total: {
      ...overall(
        entered.map((t) => t.totals),
        weights,
        targetPct,
      ),
      townshipsEntered: entered.length,
    },
  };
}

/** The comprehensive rate of one township or of the county, for the progress cards. */
export function mechanizationRateOf(ctx: ServiceContext, year: number, townshipCode: string | null) {
  const weights = getConfig(ctx, 'mechanizationWeights');
  const rows = repo.listLiveAreas(ctx.db, year, townshipCode ?? undefined);
  const totals = sumAreas(rows.filter((r) => TOWNSHIPS.some((t) => t.code === r.township_code)).map(areasOf));
  return { ratePct: rows.length ? mechanizationRates(totals, weights).comprehensive : null, entered: rows.length > 0 };
}

type SaveValues = { year: number; townshipCode: string; rows: (MechanizationAreas & { crop: string })[] };

const columns = (a: MechanizationAreas) => ({
  tillage_base_mu: a.tillageBaseMu,
  tilled_mu: a.tilledMu,
  sown_mu: a.sownMu,
  machine_sown_mu: a.machineSownMu,
  machine_harvested_mu: a.machineHarvestedMu,
});

/** Replaces a township's areas for a year: crops updated or added, crops left out voided; one audit row. */
export function saveMechanization(ctx: ServiceContext, input: SaveValues): MechanizationTownship {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const weights = getConfig(ctx, 'mechanizationWeights');
    const targetPct = loadTargets(ctx, input.year).county.mechanizationRate;
    const existing = repo.listLiveAreas(ctx.db, input.year, input.townshipCode);
    const before = township(input.townshipCode, existing, weights, targetPct);
    const at = isoNow(ctx);
    for (const r of input.rows) {
      const row = existing.find((e) => e.crop === r.crop);
      if (row) repo.updateArea(ctx.db, { ...row, ...columns(r), updated_at: at });
      else {
        repo.insertArea(ctx.db, {
          id: ctx.newId(),
          station_id: installation.station_id,
          year: input.year,
          township_code: input.townshipCode,
          crop: r.crop,
          ...columns(r),
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        });
      }
    }
    for (const e of existing) {
      if (!input.rows.some((r) => r.crop === e.crop)) repo.voidArea(ctx.db, e.id, at, '录入时删除该作物');
    }
    const after = township(input.townshipCode, repo.listLiveAreas(ctx.db, input.year, input.townshipCode), weights, targetPct);
    writeAudit(ctx, installation, {
      method: 'mechanization.save',
      entity: 'mechanization',
      entityId: `${input.year}:${input.townshipCode}`,
      before,
      after,
    });
    return after;
  });
}
