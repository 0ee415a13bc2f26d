import { ROLE_LABELS } from '../../shared/api/access';
import { AppError } from '../../shared/api/errors';
import type { Status } from '../../shared/domain/workflow';
import { currentActor } from '../auth/call-context';
import type { ServiceContext } from '../context';
import { registeredBy, stepBy, type Kind } from '../repositories/applications';
import type { InstallationRow } from '../repositories/installation';

/** Steps only a 站长 may take (DOMAIN §4, §8): 核验 sign-off, 公示 and 兑付. */
const HEAD_ONLY: readonly Status[] = ['verified', 'published', 'paid'];

const STEP_NAMES: Partial<Record<Status, string>> = { verified: '核验', paid: '兑付' };

/**
 * Separation of duties at a station: whoever registered an application may not 核验 it, and whoever did
 * 核验 may not confirm 兑付 — unless the station is a 单人站点, where the step is allowed and flagged 未分离.
 * Returns whether this step is unseparated. Calls outside the dispatcher (no signed-in user) are not checked.
 */
export function separationOf(ctx: ServiceContext, installation: InstallationRow, kind: Kind, id: string, to: Status): { unseparated: boolean } {
  const actor = currentActor();
  if (!actor) return { unseparated: false };
  if (HEAD_ONLY.includes(to) && actor.role !== 'stationHead') {
    throw new AppError('FORBIDDEN', `没有权限：${STEP_NAMES[to] ?? '公示'}须由${ROLE_LABELS.stationHead}办理（当前为${ROLE_LABELS[actor.role]}）`, {
      details: { auth: 'role', needed: ['stationHead'] },
    });
  }
  const previous =
    to === 'verified'
      ? { by: registeredBy(ctx.db, kind, id), step: '登记' }
      : to === 'paid'
        ? { by: stepBy(ctx.db, id, 'verified'), step: '核验' }
        : null;
  if (!previous?.by || previous.by !== actor.userId) return { unseparated: false };
  if (installation.solo_station === 1) return { unseparated: true };
  throw new AppError(
    'FORBIDDEN',
    `职责分离：同一人不能既${previous.step}又${STEP_NAMES[to]}同一申请。请由另一位站长办理；如本站只有一人，可由站长在“设置”中开启“单人站点”（将标记为未分离）`,
    { details: { auth: 'separation', step: to } },
  );
}
