import type { AuditEntry, AuditListInput } from '../../shared/schemas/audit';
import { maskBankCard, maskIdNumber, maskPhone } from '../../shared/domain/mask';
import { currentActor } from '../auth/call-context';
import { isoNow, type ServiceContext } from '../context';
import { listAudit } from '../repositories/audit';
import { appendAudit } from './audit-chain';
import { pageAnswer, pageRequest, type PageInput } from './page-request';
import type { InstallationRow } from '../repositories/installation';

export interface AuditWrite {
  method: string;
  entity: string;
  entityId: string;
  before: object | null;
  after: object | null;
}

/** Records one write, by the signed-in user; call it inside the write's transaction so both land or neither does. */
export function writeAudit(ctx: ServiceContext, installation: InstallationRow, w: AuditWrite): void {
  const actor = currentActor();
  // appended to this installation's hash chain (audit-chain.ts)
  appendAudit(ctx.db, {
    user_id: actor?.userId ?? null,
    id: ctx.newId(),
    station_id: installation.station_id,
    at: isoNow(ctx),
    operator: actor?.displayName ?? installation.operator,
    method: w.method,
    entity: w.entity,
    entity_id: w.entityId,
    before_json: w.before ? JSON.stringify(w.before) : null,
    after_json: w.after ? JSON.stringify(w.after) : null,
  });
}

const MASKS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankCard: maskBankCard,
};

/** Audit snapshots are shown in lists, so personal numbers are masked on the way out. */
function maskSnapshot(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  const snapshot = JSON.parse(json) as Record<string, unknown>;
  for (const [key, mask] of Object.entries(MASKS)) {
    const value = snapshot[key];
    if (typeof value === 'string') snapshot[key] = mask(value);
  }
  return snapshot;
}

export function listAuditEntries(ctx: ServiceContext, input: AuditListInput & PageInput) {
  const page = listAudit(ctx.db, { entity: input.entity, entityId: input.entityId }, pageRequest(input));
  const rows = page.rows;
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    stationId: r.station_id,
    operator: r.operator,
    method: r.method,
    entity: r.entity,
    entityId: r.entity_id,
    before: maskSnapshot(r.before_json),
    after: maskSnapshot(r.after_json),
  }));
  return pageAnswer(items, page, input);
}
