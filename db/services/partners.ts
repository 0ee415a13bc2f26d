import { AppError } from '../../shared/api/errors';
import { PARTNER_LABELS, type Partner } from '../../shared/schemas/partners';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as repo from '../repositories/partners';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';

type Kind = 'dealer' | 'recycler';

const toPartner = (r: repo.PartnerRow): Partner => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  uscc: r.uscc,
  licenseNo: r.license_no,
  phone: r.phone,
  address: r.address,
  createdAt: r.created_at,
  voidedAt: r.voided_at,
});

export function listPartners(ctx: ServiceContext, input: { kind: Kind; includeVoided: boolean }) {
  return { items: repo.listPartners(ctx.db, input.kind, input.includeVoided).map(toPartner) };
}

export function createPartner(
  ctx: ServiceContext,
  v: { kind: Kind; name: string; uscc?: string; licenseNo?: string; phone?: string; address?: string },
): Partner {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    if (repo.findLivePartnerByName(ctx.db, v.kind, v.name)) {
      throw AppError.field('CONFLICT', ['name'], `${PARTNER_LABELS[v.kind]}“${v.name}”已在列表中`);
    }
    const at = isoNow(ctx);
    const row: repo.PartnerRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      kind: v.kind,
      name: v.name,
      uscc: v.uscc ?? null,
      license_no: v.licenseNo ?? null,
      phone: v.phone ?? null,
      address: v.address ?? null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertPartner(ctx.db, row);
    const after = toPartner(row);
    writeAudit(ctx, installation, { method: 'partners.create', entity: v.kind, entityId: row.id, before: null, after });
    return after;
  });
}

export function voidPartner(ctx: ServiceContext, input: { kind: Kind; id: string; reason: string }): Partner {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const row = repo.getPartner(ctx.db, input.id);
    if (!row || row.kind !== input.kind) throw new AppError('NOT_FOUND', `未找到该${PARTNER_LABELS[input.kind]}`);
    requireOwnRow(installation, row, PARTNER_LABELS[input.kind]);
    if (row.voided_at) throw new AppError('CONFLICT', '该记录已作废');
    const at = isoNow(ctx);
    repo.voidPartner(ctx.db, row.id, input.reason, at);
    const after = toPartner({ ...row, voided_at: at, void_reason: input.reason, updated_at: at });
    writeAudit(ctx, installation, { method: 'partners.void', entity: row.kind, entityId: row.id, before: toPartner(row), after });
    return after;
  });
}

/** A dealer or recycler a record may point to: it must exist, be of that kind and not be voided. */
export function requireLivePartner(ctx: ServiceContext, kind: Kind, id: string | null | undefined, field: string): repo.PartnerRow | null {
  if (!id) return null;
  const row = repo.getPartner(ctx.db, id);
  if (!row || row.kind !== kind || row.voided_at) {
    throw AppError.field('VALIDATION', [field], `所选${PARTNER_LABELS[kind]}不存在或已作废，请重新选择`);
  }
  return row;
}
