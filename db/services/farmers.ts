import { AppError } from '../../shared/api/errors';
import { parseResidentId } from '../../shared/domain/idcard';
import { maskBankCard, maskIdNumber, maskPhone } from '../../shared/domain/mask';
import { nameSearchKeys } from '../../shared/domain/pinyin';
import { townshipName } from '../../shared/domain/townships';
import type { Farmer, FarmerListItem, FarmerPage, FarmerValues } from '../../shared/schemas/farmers';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as repo from '../repositories/farmers';
import type { FarmerRow, FarmerQuery } from '../repositories/farmers';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';

const ENTITY = 'farmer';

export function toFarmer(r: FarmerRow): Farmer {
  return {
    id: r.id,
    stationId: r.station_id,
    kind: r.kind,
    name: r.name,
    idNumber: r.id_number,
    birthDate: r.birth_date,
    contactName: r.contact_name,
    phone: r.phone,
    bankCard: r.bank_card,
    bankName: r.bank_name,
    townshipCode: r.township_code,
    townshipName: townshipName(r.township_code),
    village: r.village,
    address: r.address,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

export function toFarmerListItem(r: FarmerRow): FarmerListItem {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    idNumberMasked: maskIdNumber(r.id_number),
    phoneMasked: maskPhone(r.phone),
    bankCardMasked: r.bank_card ? maskBankCard(r.bank_card) : '',
    townshipCode: r.township_code,
    townshipName: townshipName(r.township_code),
    village: r.village,
    updatedAt: r.updated_at,
    voidedAt: r.voided_at,
  };
}

const reverse = (s: string) => [...s].reverse().join('');

/** Columns derived from the editable values: pinyin keys, reversed ID for tail search, birth date. */
export function derivedColumns(v: FarmerValues) {
  const keys = nameSearchKeys(v.name);
  const resident = parseResidentId(v.idNumber);
  return {
    kind: v.kind,
    name: v.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    id_number: v.idNumber,
    id_number_rev: reverse(v.idNumber),
    birth_date: resident.ok ? resident.birthDate : null,
    contact_name: v.contactName ?? null,
    phone: v.phone,
    bank_card: v.bankCard ?? null,
    bank_name: v.bankName ?? null,
    township_code: v.townshipCode,
    village: v.village,
    address: v.address ?? null,
  };
}

function assertIdNumberFree(ctx: ServiceContext, stationId: string, idNumber: string, exceptId?: string): void {
  const existing = repo.findLiveByIdNumber(ctx.db, stationId, idNumber, exceptId);
  if (!existing) return;
  const place = `${townshipName(existing.township_code)}${existing.village}`;
  throw AppError.field(
    'CONFLICT',
    ['idNumber'],
    `该证件号码已登记：${existing.name}（${place}，${existing.created_at.slice(0, 10)} 登记），请在“查找农户”中打开该记录`,
    { existingId: existing.id, existingName: existing.name },
  );
}

function loadOwn(ctx: ServiceContext, id: string) {
  const installation = requireInstallation(ctx);
  const row = repo.getFarmer(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该农户记录');
  requireOwnRow(installation, row, '农户');
  return { installation, row };
}

export function createFarmer(ctx: ServiceContext, v: FarmerValues): Farmer {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    assertIdNumberFree(ctx, installation.station_id, v.idNumber);
    const at = isoNow(ctx);
    const row: FarmerRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      ...derivedColumns(v),
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertFarmer(ctx.db, row);
    const farmer = toFarmer(row);
    writeAudit(ctx, installation, { method: 'farmers.create', entity: ENTITY, entityId: row.id, before: null, after: farmer });
    return farmer;
  });
}

export function updateFarmer(ctx: ServiceContext, input: FarmerValues & { id: string; expectedUpdatedAt?: string }): Farmer {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    if (row.voided_at) throw new AppError('FORBIDDEN', '该农户记录已作废，不能修改');
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== row.updated_at) {
      throw new AppError('CONFLICT', '该记录已在别处被修改，请关闭后重新打开再编辑', { details: { updatedAt: row.updated_at } });
    }
    assertIdNumberFree(ctx, installation.station_id, input.idNumber, row.id);
    const next: FarmerRow = { ...row, ...derivedColumns(input), updated_at: isoNow(ctx) };
    repo.updateFarmer(ctx.db, next);
    const before = toFarmer(row);
    const after = toFarmer(next);
    writeAudit(ctx, installation, { method: 'farmers.update', entity: ENTITY, entityId: row.id, before, after });
    return after;
  });
}

export function voidFarmer(ctx: ServiceContext, input: { id: string; reason: string }): Farmer {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    if (row.voided_at) throw new AppError('CONFLICT', `该农户记录已于 ${row.voided_at.slice(0, 10)} 作废`);
    const at = isoNow(ctx);
    repo.voidFarmer(ctx.db, row.id, input.reason, at);
    const before = toFarmer(row);
    const after = toFarmer({ ...row, voided_at: at, void_reason: input.reason, updated_at: at });
    writeAudit(ctx, installation, { method: 'farmers.void', entity: ENTITY, entityId: row.id, before, after });
    return after;
  });
}

export function getFarmer(ctx: ServiceContext, id: string): Farmer {
  const row = repo.getFarmer(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该农户记录');
  return toFarmer(row);
}

/** Reads what the user typed in the one search box: ID number (whole or tail), phone tail, pinyin, or name. */
export function parseFarmerQuery(raw: string): Partial<FarmerQuery> {
  // full-width input (ｚｓ, ００１２) from a Chinese IME reads the same as half-width
  const text = raw.normalize('NFKC');
  const compact = text.replace(/\s/g, '');
  if (!compact) return {};
  const upper = compact.toUpperCase();
  if (/^\d+X?$/.test(upper)) {
    return {
      idNumber: upper.length === 18 ? upper : undefined,
      idTailReversed: reverse(upper),
      phoneTail: upper.endsWith('X') ? undefined : upper,
    };
  }
  if (/^[a-z]+$/i.test(compact)) return { pinyinPrefix: compact.toLowerCase(), idNumber: upper.length === 18 ? upper : undefined };
  if (/^[0-9A-Z]{18}$/.test(upper)) return { idNumber: upper };
  return { nameLike: text.trim().replace(/[\\%_]/g, (c) => `\\${c}`) };
}

export function searchFarmers(
  ctx: ServiceContext,
  input: { q: string; townshipCode?: string; includeVoided: boolean; page: number; pageSize: number },
): FarmerPage {
  const { rows, total } = repo.searchFarmers(ctx.db, {
    ...parseFarmerQuery(input.q),
    townshipCode: input.townshipCode,
    includeVoided: input.includeVoided,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items: rows.map(toFarmerListItem), total, page: input.page, pageSize: input.pageSize };
}

/** The buyer an application is for: registered here and not voided. */
export function requireLiveFarmer(ctx: ServiceContext, stationId: string, id: string): FarmerRow {
  const row = repo.getFarmer(ctx.db, id);
  if (!row || row.station_id !== stationId) throw AppError.field('VALIDATION', ['farmerId'], '未找到该农户，请先在登记台登记');
  if (row.voided_at) throw AppError.field('VALIDATION', ['farmerId'], `农户“${row.name}”已作废，不能办理新业务`);
  return row;
}
