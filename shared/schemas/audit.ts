import { z } from '../api/zod-locale';
import { isoDateTime, cursorPageInput, cursorPageOf, uuid } from './common';

export const auditListInput = z.strictObject({
  entity: z.string().max(40).optional(),
  entityId: uuid.optional(),
  ...cursorPageInput,
});
export type AuditListInput = z.input<typeof auditListInput>;

export const auditEntry = z.object({
  id: uuid,
  at: isoDateTime,
  stationId: uuid,
  operator: z.string(),
  method: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** Snapshots with personal numbers masked. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.output<typeof auditEntry>;
export const auditPage = cursorPageOf(auditEntry);

/** audit.verify: this installation's history chain, intact or the first broken row. */
export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  length: z.number().int(),
  head: z.string(),
  broken: z
    .object({
      seq: z.number().int(),
      id: z.string(),
      at: z.string(),
      operator: z.string(),
      method: z.string(),
      entity: z.string(),
      entityId: z.string(),
      reason: z.string(),
    })
    .nullable(),
  message: z.string(),
});
export type AuditVerifyOutput = z.output<typeof auditVerifyOutput>;
