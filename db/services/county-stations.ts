import { AppError } from '../../shared/api/errors';
import { townshipName } from '../../shared/domain/townships';
import type { StationItem } from '../../shared/schemas/county';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { listStations, liveStationKey, retireStationKey, type StationListRow } from '../repositories/station-keys';
import { writeAudit } from './audit';
import { requireInstallation } from './installation';

const toItem = (r: StationListRow): StationItem => ({
  stationId: r.station_id,
  townshipCode: r.township_code,
  townshipName: townshipName(r.township_code),
  fingerprint: r.fingerprint,
  pinnedAt: r.pinned_at,
  pinnedBy: r.pinned_by,
  retiredKeys: r.retired_keys,
  lastImportAt: r.last_import_at,
  lastExportedAt: r.last_exported_at,
  historyLength: r.history_length,
});

/** county.stations: every station heard from or enrolled, with the fingerprint of its pinned key. */
export function stations(ctx: ServiceContext): { items: StationItem[] } {
  return { items: listStations(ctx.db).map(toItem) };
}

/**
 * county.reenrollStation: a re-installed station (new key) is re-enrolled deliberately, never silently.
 * The pinned key is retired with the reason (it still verifies that station's older vouchers); the next
 * file from the station asks the clerk to confirm its new fingerprint.
 */
export function reenrollStation(ctx: ServiceContext, input: { stationId: string; reason: string }): StationItem {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const live = liveStationKey(ctx.db, input.stationId);
    if (!live) throw new AppError('NOT_FOUND', '该站点没有已登记的签名密钥（下一次导入时会提示确认登记）');
    const at = isoNow(ctx);
    retireStationKey(ctx.db, live.id, at, installation.operator, input.reason);
    writeAudit(ctx, installation, {
      method: 'county.reenrollStation',
      entity: 'station_key',
      entityId: live.id,
      before: { stationId: live.station_id, fingerprint: live.fingerprint, pinnedAt: live.pinned_at },
      after: { stationId: live.station_id, retiredAt: at, reason: input.reason },
    });
    const row = listStations(ctx.db).find((r) => r.station_id === input.stationId);
    return toItem(row as StationListRow);
  });
}
