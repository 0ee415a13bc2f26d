import { AppError } from '../../shared/api/errors';
import { currentActor } from '../auth/call-context';
import type { ServiceContext } from '../context';
import { getInstallation, type InstallationRow } from '../repositories/installation';

/**
 * The installation's identity; services that write call this first. Its `operator` is the signed-in
 * user's display name for this call, so everything that records "who" records the real user.
 */
export function requireInstallation(ctx: ServiceContext): InstallationRow {
  const row = getInstallation(ctx.db);
  if (!row) throw new AppError('FORBIDDEN', '本机尚未完成初始设置，请先选择站点并创建管理员账户');
  const actor = currentActor();
  return actor ? { ...row, operator: actor.displayName } : row;
}

/** Rows merged in from another station are read-only here: only their own station may change them. */
export function requireOwnRow(installation: InstallationRow, row: { station_id: string }, what: string): void {
  if (row.station_id !== installation.station_id) {
    throw new AppError('FORBIDDEN', `该${what}由其他站点登记，只能由登记站点修改`);
  }
}
