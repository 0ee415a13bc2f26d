import type { AuditVerifyOutput } from '../../shared/schemas/audit';
import { writeTx, type ServiceContext } from '../context';
import { chainPending, chainRows, checkChain } from './audit-chain';
import { requireInstallation } from './installation';

/** audit.verify: walks this installation's own history chain (rows from before migration 012 are chained first). */
export function verifyAuditChain(ctx: ServiceContext): AuditVerifyOutput {
  const installation = requireInstallation(ctx);
  writeTx(ctx, () => chainPending(ctx.db, installation.station_id));
  const check = checkChain(chainRows(ctx.db, installation.station_id));
  const message = check.ok
    ? `操作日志完整：共 ${check.length} 条，未发现改动`
    : `操作日志第 ${check.broken?.seq} 条（${check.broken?.at.slice(0, 19).replace('T', ' ')} ${check.broken?.method}）${check.broken?.reason}`;
  return { ...check, message };
}
