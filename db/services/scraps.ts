import { pageAnswer, pageRequest, type PageInput } from './page-request';
import { AppError } from '../../shared/api/errors';
import { normalizeMachineNo } from '../../shared/domain/machine-ids';
import type { Scrap, ScrapListItem, ScrapValues } from '../../shared/schemas/scraps';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import { listEvents } from '../repositories/applications';
import type { LedgerFilter } from '../repositories/ledger-query';
import { getPartner } from '../repositories/partners';
import { listPhotos } from '../repositories/scrap-photos';
import * as repo from '../repositories/scraps';
import { toEvent } from './application-events';
import { writeAudit } from './audit';
import { farmerSummary, summaryOfFarmer } from './farmer-summary';
import { requireLiveFarmer } from './farmers';
import { assertScrapNumbersFree } from './fraud';
import { assertNotInCountyIndex } from '../county-package/check';
import { requireInstallation, requireOwnRow } from './installation';
import { bandForMachine } from './machine-band';
import { requireLivePartner } from './partners';
import { toPhoto } from './scrap-photos';
import { ledgerSourceOf } from '../ledger-import/source';

const EDITABLE = ['registered', 'returned'];

function toListItem(r: repo.ScrapLedgerRow): ScrapListItem {
  return {
    id: r.id,
    fromLedger: r.from_ledger === 1,
    farmer: farmerSummary(r),
    item: r.item,
    bandLabel: r.band_label,
    maker: r.maker,
    model: r.model,
    engineNo: r.engine_no,
    frameNo: r.frame_no,
    plateNo: r.plate_no,
    handoverDate: r.handover_date,
    dismantleDate: r.dismantle_date,
    scrapFen: r.scrap_fen,
    scrapReplaceFen: r.scrap_replace_fen,
    linkedPurchaseId: r.linked_purchase_id,
    status: r.status,
    statusAt: r.status_at,
    createdAt: r.created_at,
    voidedAt: r.voided_at,
  };
}

/** Columns computed from what was typed: normalised numbers, the catalogue band and the frozen amounts. */
function derived(ctx: ServiceContext, v: ScrapValues) {
  const date = v.handoverDate ?? chinaToday(ctx);
  const band = bandForMachine(ctx, { date, item: v.item, paramValue: v.paramValue, variant: v.variant }, 'scrap');
  const scrapFen = band.scrapFen ?? 0;
  return {
    farmer_id: v.farmerId,
    catalog_band_id: band.id,
    catalog_year: band.year,
    item: v.item,
    band_label: band.bandLabel,
    variant: band.variant,
    param_value: v.paramValue ?? null,
    maker: v.maker,
    model: v.model,
    engine_no: v.engineNo ?? null,
    engine_no_norm: normalizeMachineNo(v.engineNo),
    frame_no: v.frameNo ?? null,
    frame_no_norm: normalizeMachineNo(v.frameNo),
    plate_no: v.plateNo ?? null,
    plate_no_norm: normalizeMachineNo(v.plateNo),
    year_made: v.yearMade ?? null,
    eligibility: v.eligibility,
    recycler_id: v.recyclerId ?? null,
    confirm_form_no: v.confirmFormNo ?? null,
    handover_date: v.handoverDate ?? null,
    dismantle_date: v.dismantleDate ?? null,
    scrap_fen: scrapFen,
    scrap_replace_fen: band.scrapReplaceFen ?? scrapFen,
  };
}

function checkRefs(ctx: ServiceContext, stationId: string, v: ScrapValues) {
  requireLiveFarmer(ctx, stationId, v.farmerId);
  requireLivePartner(ctx, 'recycler', v.recyclerId, 'recyclerId');
  const today = chinaToday(ctx);
  if (v.handoverDate && v.handoverDate > today) throw AppError.field('VALIDATION', ['handoverDate'], '交售日期不能晚于今天');
  if (v.dismantleDate && v.dismantleDate > today) throw AppError.field('VALIDATION', ['dismantleDate'], '拆解日期不能晚于今天');
}

export function getScrap(ctx: ServiceContext, id: string): Scrap {
  const row = repo.getScrap(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该报废登记');
  return {
    id: row.id,
    stationId: row.station_id,
    farmer: summaryOfFarmer(ctx, row.farmer_id),
    ledgerSource: ledgerSourceOf(ctx.db, row.id),
    catalogBandId: row.catalog_band_id,
    catalogYear: row.catalog_year,
    item: row.item,
    bandLabel: row.band_label,
    variant: row.variant,
    paramValue: row.param_value,
    maker: row.maker,
    model: row.model,
    engineNo: row.engine_no,
    frameNo: row.frame_no,
    plateNo: row.plate_no,
    yearMade: row.year_made,
    eligibility: row.eligibility,
    recyclerId: row.recycler_id,
    recyclerName: row.recycler_id ? (getPartner(ctx.db, row.recycler_id)?.name ?? null) : null,
    confirmFormNo: row.confirm_form_no,
    handoverDate: row.handover_date,
    dismantleDate: row.dismantle_date,
    scrapFen: row.scrap_fen,
    scrapReplaceFen: row.scrap_replace_fen,
    status: row.status,
    statusAt: row.status_at,
    returnReason: row.return_reason,
    linkedPurchaseId: repo.linkedPurchaseId(ctx.db, row.id),
    photos: listPhotos(ctx.db, row.id).map(toPhoto),
    events: listEvents(ctx.db, row.id).map(toEvent),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
  };
}

export function createScrap(ctx: ServiceContext, v: ScrapValues): Scrap {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    checkRefs(ctx, installation.station_id, v);
    const cols = derived(ctx, v);
    assertScrapNumbersFree(ctx, { engine: cols.engine_no_norm, frame: cols.frame_no_norm, plate: cols.plate_no_norm });
    assertNotInCountyIndex(ctx, 'scrap', { engine: cols.engine_no_norm, frame: cols.frame_no_norm, plate: cols.plate_no_norm });
    const at = isoNow(ctx);
    const row: repo.ScrapRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      ...cols,
      status: 'registered',
      status_at: at,
      return_reason: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertScrap(ctx.db, row);
    const after = getScrap(ctx, row.id);
    writeAudit(ctx, installation, { method: 'scraps.create', entity: 'scrap', entityId: row.id, before: null, after });
    return after;
  });
}

export function updateScrap(ctx: ServiceContext, input: ScrapValues & { id: string; expectedUpdatedAt?: string }): Scrap {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const row = repo.getScrap(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该报废登记');
    requireOwnRow(installation, row, '报废登记');
    if (!EDITABLE.includes(row.status)) throw new AppError('FORBIDDEN', '已受理的申请不能修改；如需修改，请先退回');
    if (repo.linkedPurchaseId(ctx.db, row.id)) throw new AppError('FORBIDDEN', '该报废农机已关联购置申请，请先作废或修改购置申请');
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== row.updated_at) {
      throw new AppError('CONFLICT', '该记录已在别处被修改，请关闭后重新打开再编辑');
    }
    checkRefs(ctx, installation.station_id, input);
    const cols = derived(ctx, input);
    assertScrapNumbersFree(ctx, { engine: cols.engine_no_norm, frame: cols.frame_no_norm, plate: cols.plate_no_norm }, row.id);
    assertNotInCountyIndex(ctx, 'scrap', { engine: cols.engine_no_norm, frame: cols.frame_no_norm, plate: cols.plate_no_norm });
    const before = getScrap(ctx, row.id);
    repo.updateScrap(ctx.db, { ...row, ...cols, updated_at: isoNow(ctx) });
    const after = getScrap(ctx, row.id);
    writeAudit(ctx, installation, { method: 'scraps.update', entity: 'scrap', entityId: row.id, before, after });
    return after;
  });
}

export function listScraps(ctx: ServiceContext, input: LedgerFilter & PageInput) {
  const page = repo.listScraps(ctx.db, input, pageRequest(input));
  return pageAnswer(page.rows.map(toListItem), page, input);
}

export { toListItem as toScrapListItem };
