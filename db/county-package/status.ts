import { chinaDate } from '../../shared/domain/civil-date';
import { daysBetween } from '../../shared/domain/civil-date';
import type { PackageStatus, PackageSummary } from '../../shared/schemas/county-package';
import { chinaToday, type ServiceContext } from '../context';
import { getConfig } from '../services/config';
import { requireInstallation } from '../services/installation';

export interface CountyKeyRow {
  station_id: string;
  public_key: string;
  fingerprint: string;
  pinned_at: string;
  pinned_by: string;
}

export interface PackageLoadRow {
  id: string;
  package_id: string;
  exported_at: string;
  exported_by: string;
  fingerprint: string;
  sha256: string;
  file_name: string;
  summary_json: string;
  loaded_at: string;
  loaded_by: string;
}

export const pinnedCountyKey = (ctx: ServiceContext) =>
  ctx.db.prepare('SELECT station_id, public_key, fingerprint, pinned_at, pinned_by FROM county_key WHERE id = 1').get() as
    | CountyKeyRow
    | undefined;

/** The package in force: the newest one loaded. */
export const latestLoad = (ctx: ServiceContext) =>
  ctx.db.prepare('SELECT * FROM county_package_loads ORDER BY exported_at DESC, loaded_at DESC LIMIT 1').get() as PackageLoadRow | undefined;

/** settings.packageStatus: which county package this station has, how old it is, and whether to fetch a new one. */
export function packageStatus(ctx: ServiceContext): PackageStatus {
  const installation = requireInstallation(ctx);
  const staleAfterDays = getConfig(ctx, 'packageStaleDays');
  const last = latestLoad(ctx);
  const ageDays = last ? daysBetween(chinaDate(last.exported_at), chinaToday(ctx)) : 0;
  return {
    role: installation.role,
    countyFingerprint: pinnedCountyKey(ctx)?.fingerprint ?? null,
    loaded: last
      ? {
          packageId: last.package_id,
          exportedAt: last.exported_at,
          exportedBy: last.exported_by,
          loadedAt: last.loaded_at,
          loadedBy: last.loaded_by,
          fileName: last.file_name,
          ageDays,
          summary: JSON.parse(last.summary_json) as PackageSummary,
        }
      : null,
    staleAfterDays,
    // a station with no package at all is reminded too; the county makes packages, it does not load them
    stale: installation.role === 'station' && (!last || ageDays > staleAfterDays),
  };
}
