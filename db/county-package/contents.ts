import { chinaYear } from '../../shared/domain/civil-date';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import { catalogBandValues, type CatalogBandValues } from '../../shared/schemas/catalog';
import {
  machineIndexEntry,
  type CountyPackageBody,
  type MachineIndexEntry,
  type PackageSettings,
} from '../../shared/schemas/county-package';
import type { TargetsSetValues } from '../../shared/schemas/targets';
import type { ServiceContext } from '../context';
import * as catalog from '../repositories/catalog';
import { toBand } from '../services/catalog';
import { getConfig } from '../services/config';
import { loadTargets } from '../services/targets';

/** A version's bands as the importer validates them (identity stripped), for the package and for "same as loaded?". */
export function versionBands(ctx: ServiceContext, versionId: string): CatalogBandValues[] {
  return catalog.listBands(ctx.db, versionId).map((r) => catalogBandValues.parse(toBand(r)));
}

/** The catalogue versions in force: each year's live version, the shipped sample (示例) left out. */
export function catalogsInForce(ctx: ServiceContext): CountyPackageBody['catalogs'] {
  return catalog
    .listVersions(ctx.db)
    .filter((v) => v.superseded_at === null && v.is_sample === 0)
    .map((v) => ({ year: v.year, title: v.title, source: v.source, bands: versionBands(ctx, v.id) }));
}

/** Every year the county saved targets for, with its township shares when it set them (else none: stations split evenly). */
export function targetYears(ctx: ServiceContext): TargetsSetValues[] {
  const years = ctx.db.prepare('SELECT year FROM targets WHERE voided_at IS NULL ORDER BY year').pluck().all() as number[];
  return years.map((year) => {
    const t = loadTargets(ctx, year);
    return {
      year,
      scrapCount: t.county.scrapCount,
      purchaseCount: t.county.purchaseCount,
      mechanizationRate: t.county.mechanizationRate,
      beidouCount: t.county.beidouCount,
      dryingCapacityTpd: t.county.dryingCapacityTpd,
      coalDryersZeroByYear: t.county.coalDryersZeroByYear,
      shares: t.sharesAreDefault
        ? undefined
        : [...t.shares.values()].map((s) => ({
            townshipCode: s.townshipCode as (typeof TOWNSHIP_CODES)[number],
            scrapCount: s.scrapCount,
            purchaseCount: s.purchaseCount,
            beidouCount: s.beidouCount,
          })),
    };
  });
}

export function countySettings(ctx: ServiceContext): PackageSettings {
  return {
    buyerYearlyLimit: getConfig(ctx, 'buyerYearlyLimit'),
    priceFloorPercent: getConfig(ctx, 'priceFloorPercent'),
    progressCountingStage: getConfig(ctx, 'progressCountingStage'),
    mechanizationWeights: getConfig(ctx, 'mechanizationWeights'),
    dryerBatchesPerDay: getConfig(ctx, 'dryerBatchesPerDay'),
    packageStaleDays: getConfig(ctx, 'packageStaleDays'),
  };
}

/** The township a record was registered in: its station's (as enrolled at the county), else its buyer's. */
const TOWNSHIP = (alias: string) =>
  `COALESCE((SELECT st.township_code FROM stations st WHERE st.station_id = ${alias}.station_id), ${alias}.buyer_township_code)`;

/**
 * The machine index: every live purchase's factory serial and engine number, every live scrap's engine,
 * frame and plate number, as normalised numbers with kind, township, year and status. Nothing else is
 * read from the rows (no farmer, no names, no ID numbers).
 */
export function machineIndex(ctx: ServiceContext): MachineIndexEntry[] {
  const codes = new Set<string>(TOWNSHIP_CODES);
  const rows = ctx.db
    .prepare(
      `SELECT no, field, kind, station_id, township_code, year, created_at, status FROM (
         SELECT p.factory_no_norm AS no, 'factory' AS field, 'purchase' AS kind, p.station_id, ${TOWNSHIP('p')} AS township_code,
                CAST(substr(p.purchase_date, 1, 4) AS INTEGER) AS year, NULL AS created_at, p.status FROM purchases p WHERE p.voided_at IS NULL
         UNION ALL
         SELECT p.engine_no_norm, 'engine', 'purchase', p.station_id, ${TOWNSHIP('p')},
                CAST(substr(p.purchase_date, 1, 4) AS INTEGER), NULL, p.status FROM purchases p WHERE p.voided_at IS NULL
         UNION ALL
         SELECT s.engine_no_norm, 'engine', 'scrap', s.station_id, ${TOWNSHIP('s')},
                CAST(substr(s.handover_date, 1, 4) AS INTEGER), s.created_at, s.status FROM scraps s WHERE s.voided_at IS NULL
         UNION ALL
         SELECT s.frame_no_norm, 'frame', 'scrap', s.station_id, ${TOWNSHIP('s')},
                CAST(substr(s.handover_date, 1, 4) AS INTEGER), s.created_at, s.status FROM scraps s WHERE s.voided_at IS NULL
         UNION ALL
         SELECT s.plate_no_norm, 'plate', 'scrap', s.station_id, ${TOWNSHIP('s')},
                CAST(substr(s.handover_date, 1, 4) AS INTEGER), s.created_at, s.status FROM scraps s WHERE s.voided_at IS NULL
       ) WHERE no IS NOT NULL AND no <> '' ORDER BY no, field, kind`,
    )
    .all() as {
    no: string;
    field: MachineIndexEntry['field'];
    kind: MachineIndexEntry['kind'];
    station_id: string;
    township_code: string | null;
    /** The civil year of the purchase or handover; null for a scrap not handed over yet (then its creation, in China time). */
    year: number | null;
    created_at: string | null;
    status: string;
  }[];
  const out: MachineIndexEntry[] = [];
  for (const r of rows) {
    if (!r.township_code || !codes.has(r.township_code)) continue;
    const entry = {
      no: r.no,
      field: r.field,
      kind: r.kind,
      stationId: r.station_id,
      townshipCode: r.township_code,
      year: r.year ?? (r.created_at ? chinaYear(r.created_at) : null),
      status: r.status,
    };
    // a number the stations' own check would refuse (too long, not normalised) would refuse the whole package there
    const ok = machineIndexEntry.safeParse(entry);
    if (ok.success) out.push(ok.data);
  }
  return out;
}

export function calendarAdditions(ctx: ServiceContext): CountyPackageBody['calendar'] {
  return {
    holidays: getConfig(ctx, 'holidays'),
    makeupWorkdays: getConfig(ctx, 'makeupWorkdays'),
    sources: getConfig(ctx, 'calendarSources'),
  };
}
