import { AppError } from '../../shared/api/errors';
import type { ServiceContext } from '../context';
import { getInstallation, type InstallationRow } from '../repositories/installation';

/** The installation's identity; services that write call this first. */
export function requireInstallation(ctx: ServiceContext): InstallationRow {
  const row = getInstallation(ctx.db);
  if (!row) throw new AppError('FORBIDDEN', '本机尚未完成初始设置，请先选择站点并填写操作员');
  return row;
}

/** Rows merged in from another station are read-only here: only their own station may change them. */
export function requireOwnRow(installation: InstallationRow, row: { station_id: string }, what: string): void {
  if (row.station_id !== installation.station_id) {
    throw new AppError('FORBIDDEN', `该${what}由其他站点登记，只能由登记站点修改`);
  }
}
