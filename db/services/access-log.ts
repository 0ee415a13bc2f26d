import { currentActor } from '../auth/call-context';
import { isoNow, type ServiceContext } from '../context';
import { insertAccess, listAccess } from '../repositories/access-log';

/**
 * Records that the signed-in user was shown a farmer's full ID, phone or bank number. Call it in the
 * read that returns them; it writes one row in its own short transaction.
 */
export function logAccess(ctx: ServiceContext, w: { entity: string; entityId: string; farmerId: string | null; purpose: string }): void {
  const actor = currentActor();
  if (!actor) return; // only calls through the dispatcher show numbers to a person
  ctx.db.transaction(() =>
    insertAccess(ctx.db, {
      id: ctx.newId(),
      at: isoNow(ctx),
      user_id: actor.userId,
      user_name: actor.displayName,
      entity: w.entity,
      entity_id: w.entityId,
      farmer_id: w.farmerId,
      purpose: w.purpose,
    }),
  ).immediate();
}

export function listAccessLog(ctx: ServiceContext, input: { userId?: string; farmerId?: string; page: number; pageSize: number }) {
  const { rows, total } = listAccess(ctx.db, { ...input, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.user_name,
      entity: r.entity,
      entityId: r.entity_id,
      farmerId: r.farmer_id,
      farmerName: r.farmer_name,
      purpose: r.purpose,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
