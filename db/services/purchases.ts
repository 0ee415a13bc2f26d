import { pageAnswer, pageRequest, type PageInput } from './page-request';
import { AppError } from '../../shared/api/errors';
import { normalizeMachineNo, parseNameplateQr } from '../../shared/domain/machine-ids';
import { computePurchaseSubsidy } from '../../shared/domain/subsidy';
import type { Purchase, PurchaseListItem, PurchaseValues } from '../../shared/schemas/purchases';
import { purchaseDateIssues, subsidyOverPrice } from '../../shared/domain/plausibility';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import { listEvents } from '../repositories/applications';
import type { InstallationRow } from '../repositories/installation';
import type { LedgerFilter } from '../repositories/ledger-query';
import { getPartner } from '../repositories/partners';
import * as repo from '../repositories/purchases';
import { getScrap, linkedPurchaseId, type ScrapRow } from '../repositories/scraps';
import type { Status } from '../../shared/domain/workflow';
import { toEvent } from './application-events';
import { recordTransition } from './applications';
import { writeAudit } from './audit';
import { farmerSummary, summaryOfFarmer } from './farmer-summary';
import { requireLiveFarmer } from './farmers';
import { assertMachineIsNew, purchaseWarnings, requireOverrides } from './fraud';
import { assertNotInCountyIndex } from '../county-package/check';
import { requireInstallation, requireOwnRow } from './installation';
import { bandForMachine } from './machine-band';
import { requireLivePartner } from './partners';
import { ledgerSourceOf } from '../ledger-import/source';

const EDITABLE = ['registered', 'returned'];
/** A scrapped machine can be renewed while its own application is still open. */
const LINKABLE = ['registered', 'accepted', 'returned'];

export function toPurchaseListItem(r: repo.PurchaseLedgerRow): PurchaseListItem {
  return {
    id: r.id,
    fromLedger: r.from_ledger === 1,
    farmer: farmerSummary(r),
    item: r.item,
    bandLabel: r.band_label,
    maker: r.maker,
    model: r.model,
    factoryNo: r.factory_no,
    purchaseDate: r.purchase_date,
    priceFen: r.price_fen,
    purchaseFen: r.purchase_fen,
    scrapPartFen: r.scrap_part_fen,
    totalFen: r.total_fen,
    terminalKind: r.terminal_kind,
    scrapId: r.scrap_id,
    status: r.status,
    statusAt: r.status_at,
    createdAt: r.created_at,
    voidedAt: r.voided_at,
  };
}

export function getPurchase(ctx: ServiceContext, id: string): Purchase {
  const r = repo.getPurchase(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '未找到该购置登记');
  const scrap = r.scrap_id ? getScrap(ctx.db, r.scrap_id) : undefined;
  return {
    id: r.id,
    stationId: r.station_id,
    farmer: summaryOfFarmer(ctx, r.farmer_id),
    ledgerSource: ledgerSourceOf(ctx.db, r.id),
    catalogBandId: r.catalog_band_id,
    catalogYear: r.catalog_year,
    category: r.category,
    item: r.item,
    bandLabel: r.band_label,
    variant: r.variant,
    paramValue: r.param_value,
    maker: r.maker,
    productName: r.product_name,
    model: r.model,
    factoryNo: r.factory_no,
    engineNo: r.engine_no,
    qrCode: r.qr_code,
    invoiceNo: r.invoice_no,
    invoiceDate: r.invoice_date,
    priceFen: r.price_fen,
    dealerId: r.dealer_id,
    dealerName: r.dealer_id ? (getPartner(ctx.db, r.dealer_id)?.name ?? null) : null,
    purchaseDate: r.purchase_date,
    terminalKind: r.terminal_kind,
    terminalId: r.terminal_id,
    scrapId: r.scrap_id,
    scrapSummary: scrap ? `${scrap.item} ${scrap.model}（${scrap.plate_no ?? scrap.engine_no ?? scrap.frame_no ?? ''}）` : null,
    purchaseFen: r.purchase_fen,
    scrapPartFen: r.scrap_part_fen,
    totalFen: r.total_fen,
    subsidyNote: r.subsidy_note,
    overrides: r.overrides_json ? JSON.parse(r.overrides_json) : [],
    status: r.status,
    statusAt: r.status_at,
    returnReason: r.return_reason,
    events: listEvents(ctx.db, r.id).map(toEvent),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

/** The buyer's own open scrapped machine this purchase renews, if one is named. */
function linkableScrap(ctx: ServiceContext, installation: InstallationRow, v: PurchaseValues, selfId?: string): ScrapRow | null {
  if (!v.scrapId) return null;
  const scrap = getScrap(ctx.db, v.scrapId);
  if (!scrap || scrap.station_id !== installation.station_id) throw AppError.field('VALIDATION', ['scrapId'], '未找到所选的报废农机');
  if (scrap.farmer_id !== v.farmerId) throw AppError.field('VALIDATION', ['scrapId'], '所选报废农机的机主不是该购机者');
  if (!LINKABLE.includes(scrap.status)) {
    throw AppError.field('VALIDATION', ['scrapId'], '所选报废农机的补贴已核验或已作废，不能再关联新购农机');
  }
  const other = linkedPurchaseId(ctx.db, scrap.id);
  if (other && other !== selfId) throw AppError.field('CONFLICT', ['scrapId'], '所选报废农机已关联了另一台新购农机');
  return scrap;
}

/** Everything computed from what was typed: the band, the subsidy, the warnings that need reasons. */
function derive(ctx: ServiceContext, installation: InstallationRow, v: PurchaseValues, selfId?: string) {
  requireLiveFarmer(ctx, installation.station_id, v.farmerId);
  requireLivePartner(ctx, 'dealer', v.dealerId, 'dealerId');
  const today = chinaToday(ctx);
  const dateIssue = purchaseDateIssues(v, today)[0];
  if (dateIssue) throw AppError.field('VALIDATION', [dateIssue.path], dateIssue.message);
  const qr = v.qrCode ? parseNameplateQr(v.qrCode) : null;
  const factoryNoNorm = normalizeMachineNo(v.factoryNo) ?? '';
  if (qr && normalizeMachineNo(qr.serial) !== factoryNoNorm) {
    throw AppError.field('VALIDATION', ['factoryNo'], `出厂编号与铭牌二维码中的编号（${qr.serial}）不一致`);
  }
  const engineNoNorm = normalizeMachineNo(v.engineNo);
  assertMachineIsNew(ctx, { factory: factoryNoNorm, engine: engineNoNorm }, selfId);
  assertNotInCountyIndex(ctx, 'purchase', { factory: factoryNoNorm, engine: engineNoNorm });
  const band = bandForMachine(ctx, { date: v.purchaseDate, item: v.item, paramValue: v.paramValue, variant: v.variant }, 'purchase');
  const scrap = linkableScrap(ctx, installation, v, selfId);
  const subsidy = computePurchaseSubsidy(
    band,
    v.priceFen,
    scrap ? { scrapFen: scrap.scrap_fen, scrapReplaceFen: scrap.scrap_replace_fen } : null,
  );
  const overPrice = subsidyOverPrice(subsidy.totalFen, v.priceFen);
  if (overPrice) throw AppError.field('VALIDATION', ['priceFen'], overPrice);
  const modelNorm = normalizeMachineNo(v.model) ?? '';
  const warnings = purchaseWarnings(ctx, {
    id: selfId,
    farmerId: v.farmerId,
    purchaseDate: v.purchaseDate,
    item: v.item,
    model: v.model,
    modelNorm,
    bandId: band.id,
    priceFen: v.priceFen,
    priceLowFen: band.priceLowFen,
    priceHighFen: band.priceHighFen,
    scrapHandoverDate: scrap?.handover_date ?? null,
  });
  const overrides = requireOverrides(warnings, v.overrides);
  const cols = {
    farmer_id: v.farmerId,
    catalog_band_id: band.id,
    catalog_year: band.year,
    category: band.category,
    item: v.item,
    band_label: band.bandLabel,
    variant: band.variant,
    param_value: v.paramValue ?? null,
    maker: v.maker,
    product_name: v.productName,
    model: v.model,
    model_norm: modelNorm,
    factory_no: v.factoryNo,
    factory_no_norm: factoryNoNorm,
    engine_no: v.engineNo ?? null,
    engine_no_norm: engineNoNorm,
    qr_code: qr?.code ?? null,
    invoice_no: v.invoiceNo,
    invoice_date: v.invoiceDate,
    price_fen: v.priceFen,
    dealer_id: v.dealerId ?? null,
    purchase_date: v.purchaseDate,
    terminal_kind: v.terminalKind,
    terminal_id: v.terminalKind === 'none' ? null : (v.terminalId ?? null),
    scrap_id: scrap?.id ?? null,
    purchase_fen: subsidy.purchaseFen,
    scrap_part_fen: subsidy.scrapFen,
    total_fen: subsidy.totalFen,
    subsidy_note:
      subsidy.lines
        .map((l) => l.note)
        .filter(Boolean)
        .join('；') || null,
    overrides_json: overrides.length ? JSON.stringify(overrides) : null,
  };
  return { cols, scrap };
}

/** A renewed scrap travels with its purchase: it takes the purchase's status, with an event saying so. */
function followPurchase(ctx: ServiceContext, installation: InstallationRow, scrap: ScrapRow, status: Status, reason: string) {
  if (scrap.status !== status) recordTransition(ctx, installation, 'scrap', scrap, status, { reason });
}

export function createPurchase(ctx: ServiceContext, v: PurchaseValues): Purchase {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const { cols, scrap } = derive(ctx, installation, v);
    const at = isoNow(ctx);
    const id = ctx.newId();
    repo.insertPurchase(ctx.db, {
      id,
      station_id: installation.station_id,
      ...cols,
      status: 'registered',
      status_at: at,
      return_reason: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    });
    if (scrap) followPurchase(ctx, installation, scrap, 'registered', '关联购置申请（报废并更新），随购置申请办理');
    const after = getPurchase(ctx, id);
    writeAudit(ctx, installation, { method: 'purchases.create', entity: 'purchase', entityId: id, before: null, after });
    return after;
  });
}

export function updatePurchase(ctx: ServiceContext, input: PurchaseValues & { id: string; expectedUpdatedAt?: string }): Purchase {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const row = repo.getPurchase(ctx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND', '未找到该购置登记');
    requireOwnRow(installation, row, '购置登记');
    if (!EDITABLE.includes(row.status)) throw new AppError('FORBIDDEN', '已受理的申请不能修改；如需修改，请先退回');
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== row.updated_at) {
      throw new AppError('CONFLICT', '该记录已在别处被修改，请关闭后重新打开再编辑');
    }
    const before = getPurchase(ctx, row.id);
    const { cols, scrap } = derive(ctx, installation, input, row.id);
    repo.updatePurchase(ctx.db, { ...row, ...cols, updated_at: isoNow(ctx) });
    if (row.scrap_id && row.scrap_id !== scrap?.id) {
      const released = getScrap(ctx.db, row.scrap_id);
      if (released) followPurchase(ctx, installation, released, 'registered', '已与购置申请解除关联，转为单独报废申请');
    }
    if (scrap) followPurchase(ctx, installation, scrap, row.status, '关联购置申请（报废并更新），随购置申请办理');
    const after = getPurchase(ctx, row.id);
    writeAudit(ctx, installation, { method: 'purchases.update', entity: 'purchase', entityId: row.id, before, after });
    return after;
  });
}

export function listPurchases(ctx: ServiceContext, input: LedgerFilter & PageInput) {
  const page = repo.listPurchases(ctx.db, input, pageRequest(input));
  return pageAnswer(page.rows.map(toPurchaseListItem), page, input);
}
