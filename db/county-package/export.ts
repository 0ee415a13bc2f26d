import { AppError } from '../../shared/api/errors';
import { COUNTY } from '../../shared/domain/townships';
import { PACKAGE_FORMAT, type CountyPackageBody, type PackageSummary } from '../../shared/schemas/county-package';
import { chinaToday, writeTx, type ServiceContext } from '../context';
import { writeAudit } from '../services/audit';
import { setConfig } from '../services/config';
import { requireInstallation } from '../services/installation';
import { ensureInstallationKeys } from '../services/keys';
import { sealPackage } from './envelope';
import { calendarAdditions, catalogsInForce, countySettings, machineIndex, targetYears } from './contents';

export interface BuiltPackage {
  fileName: string;
  bytes: Buffer;
  body: CountyPackageBody;
  fingerprint: string;
  summary: PackageSummary;
}

export function summarise(body: CountyPackageBody, applied?: boolean[]): PackageSummary {
  return {
    catalogs: body.catalogs.map((c, i) => ({ year: c.year, title: c.title, applied: applied?.[i] ?? true })),
    targetYears: body.targets.map((t) => t.year),
    holidays: body.calendar.holidays.length,
    makeupWorkdays: body.calendar.makeupWorkdays.length,
    machineIndex: body.machineIndex.length,
  };
}

/**
 * 导出县局下发包: the county's catalogues in force, targets and shares, calendar additions, county-wide
 * settings and the machine index, signed by the county key. Audited (who sent what to the stations).
 */
export function buildCountyPackage(ctx: ServiceContext, options: { staleAfterDays?: number } = {}): BuiltPackage {
  const installation = requireInstallation(ctx);
  if (installation.role !== 'county') throw new AppError('FORBIDDEN', '只有县农业农村局可以导出县局下发包');
  const key = writeTx(ctx, () => {
    if (options.staleAfterDays !== undefined) setConfig(ctx, 'packageStaleDays', options.staleAfterDays);
    return ensureInstallationKeys(ctx);
  });
  const body: CountyPackageBody = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    packageId: ctx.newId(),
    countyStationId: installation.station_id,
    exportedAt: ctx.now().toISOString(),
    exportedBy: installation.operator.slice(0, 40),
    catalogs: catalogsInForce(ctx),
    targets: targetYears(ctx),
    calendar: calendarAdditions(ctx),
    settings: countySettings(ctx),
    machineIndex: machineIndex(ctx),
  };
  const bytes = sealPackage(ctx, body);
  const summary = summarise(body);
  writeTx(ctx, () =>
    writeAudit(ctx, installation, {
      method: 'county.exportPackage',
      entity: 'county_package',
      entityId: body.packageId,
      before: null,
      after: { exportedAt: body.exportedAt, sizeBytes: bytes.length, fingerprint: key.fingerprint, ...summary },
    }),
  );
  const stamp = chinaToday(ctx).replace(/-/g, '');
  return { fileName: `${COUNTY.name}-县局下发包-${stamp}.agripkg`, bytes, body, fingerprint: key.fingerprint, summary };
}

/** county.exportPackage: the file handed back as bytes for the renderer to save (the CLI writes it itself). */
export function exportCountyPackage(ctx: ServiceContext, input: { staleAfterDays?: number } = {}) {
  const built = buildCountyPackage(ctx, input);
  return {
    fileName: built.fileName,
    base64: built.bytes.toString('base64'),
    sizeBytes: built.bytes.length,
    exportedAt: built.body.exportedAt,
    fingerprint: built.fingerprint,
    summary: built.summary,
  };
}
