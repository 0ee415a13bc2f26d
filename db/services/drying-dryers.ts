import { AppError } from '../../shared/api/errors';
import { HEAT_SOURCE_LABELS, RETIREMENT_PLAN_LABELS } from '../../shared/domain/drying-dryers';
import type { Dryer, DryerRetireValues, DryerUpdateValues, DryerValues, Retirement } from '../../shared/schemas/drying';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as repo from '../repositories/drying-dryers';
import type { DryerRow, RetirementRow } from '../repositories/drying-dryers';
import { getSite } from '../repositories/drying-sites';
import { writeAudit } from './audit';
import { assertFresh, dryerFacts, dryingConfig, todayOf } from './drying-common';
import { requireInstallation, requireOwnRow } from './installation';

function scrapLabel(ctx: ServiceContext, scrapId: string | null): string | null {
  if (!scrapId) return null;
  const s = repo.scrapForLink(ctx.db, scrapId);
  return s ? `${s.item} ${s.model}（${s.farmer_name}）` : null;
}

function toRetirement(ctx: ServiceContext, r: RetirementRow): Retirement {
  return {
    id: r.id,
    plan: r.plan,
    plannedDate: r.planned_date,
    actualDate: r.actual_date,
    newHeatSource: r.new_heat_source,
    subsidyFen: r.subsidy_fen,
    scrapId: r.scrap_id,
    scrapLabel: scrapLabel(ctx, r.scrap_id),
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toDryer(ctx: ServiceContext, row: DryerRow, retirement: RetirementRow | null, batchesPerDay: number): Dryer {
  const facts = dryerFacts(row, retirement, batchesPerDay);
  return {
    id: row.id,
    stationId: row.station_id,
    siteId: row.site_id,
    maker: row.maker,
    model: row.model,
    kind: row.kind,
    batchT: row.batch_t,
    dailyTEntered: row.daily_t,
    dailyT: facts.dailyT,
    heatSource: row.heat_source,
    currentHeatSource: facts.heatNow,
    yearInstalled: row.year_installed,
    status: row.status,
    notes: row.notes,
    retirement: retirement ? toRetirement(ctx, retirement) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
  };
}

function getDryerOut(ctx: ServiceContext, id: string): Dryer {
  const row = repo.getDryer(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该烘干机');
  return toDryer(ctx, row, repo.liveRetirement(ctx.db, id) ?? null, dryingConfig(ctx).batchesPerDay);
}

function checkYear(ctx: ServiceContext, year: number | null | undefined) {
  if (year && year > Number(todayOf(ctx).slice(0, 4))) throw AppError.field('VALIDATION', ['yearInstalled'], '安装年份不能晚于今年');
}

/** Columns from what was typed: 烘干机 fields (entered t/day kept only when typed). */
function columns(v: Omit<DryerValues, 'siteId'>) {
  return {
    maker: v.maker,
    model: v.model,
    kind: v.kind,
    batch_t: v.batchT ?? null,
    daily_t: v.dailyT ?? null,
    heat_source: v.heatSource,
    year_installed: v.yearInstalled ?? null,
    status: v.status,
    notes: v.notes ?? null,
  };
}

export function createDryer(ctx: ServiceContext, v: DryerValues): Dryer {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const site = getSite(ctx.db, v.siteId);
    if (!site) throw AppError.field('VALIDATION', ['siteId'], '未找到该烘干设施');
    requireOwnRow(installation, site, '烘干设施');
    if (site.voided_at) throw new AppError('FORBIDDEN', '该烘干设施已作废，不能添加烘干机');
    checkYear(ctx, v.yearInstalled);
    const at = isoNow(ctx);
    const row: DryerRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      site_id: site.id,
      ...columns(v),
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertDryer(ctx.db, row);
    const after = getDryerOut(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.dryers.create', entity: 'dryer', entityId: row.id, before: null, after });
    return after;
  });
}

function loadOwn(ctx: ServiceContext, id: string, field = 'id') {
  const installation = requireInstallation(ctx);
  const row = repo.getDryer(ctx.db, id);
  if (!row) throw AppError.field('NOT_FOUND', [field], '未找到该烘干机');
  requireOwnRow(installation, row, '烘干机');
  if (row.voided_at) throw new AppError('FORBIDDEN', '该烘干机已作废，不能再修改');
  return { installation, row };
}

export function updateDryer(ctx: ServiceContext, input: DryerUpdateValues): Dryer {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    assertFresh(input.expectedUpdatedAt, row.updated_at);
    if (row.status === 'retired' || row.status === 'converted') {
      throw new AppError(
        'FORBIDDEN',
        `该烘干机已${row.status === 'retired' ? '淘汰' : '改造'}，不能再修改；如需更正，请修改其淘汰/改造记录`,
      );
    }
    const plan = repo.liveRetirement(ctx.db, row.id);
    if (plan && input.heatSource !== row.heat_source) {
      throw AppError.field(
        'VALIDATION',
        ['heatSource'],
        `该烘干机已有${RETIREMENT_PLAN_LABELS[plan.plan]}计划，不能直接改热源；改造完成后请在“淘汰/改造”中登记完成日期`,
      );
    }
    checkYear(ctx, input.yearInstalled);
    const before = getDryerOut(ctx, row.id);
    repo.updateDryer(ctx.db, { ...row, ...columns(input), updated_at: isoNow(ctx) });
    const after = getDryerOut(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.dryers.update', entity: 'dryer', entityId: row.id, before, after });
    return after;
  });
}

function checkScrapLink(ctx: ServiceContext, dryerId: string, scrapId: string | null | undefined) {
  if (!scrapId) return;
  const field = (message: string) => AppError.field('VALIDATION', ['scrapId'], message);
  const scrap = repo.scrapForLink(ctx.db, scrapId);
  if (!scrap) throw field('未找到该报废登记');
  if (scrap.voided_at || scrap.status === 'voided') throw field('该报废登记已作废，不能关联');
  if (!scrap.item.includes('烘干')) throw field(`所选报废登记的机具是“${scrap.item}”，不是烘干机`);
  const other = repo.retirementByScrap(ctx.db, scrapId, dryerId);
  if (other) throw AppError.field('CONFLICT', ['scrapId'], '该报废登记已关联另一台烘干机');
}

/** Plans, completes or corrects the retirement (淘汰) or conversion (改造) of a dryer. */
export function retireDryer(ctx: ServiceContext, input: DryerRetireValues): Dryer {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.dryerId, 'dryerId');
    assertFresh(input.expectedUpdatedAt, row.updated_at);
    const today = todayOf(ctx);
    if (input.actualDate && input.actualDate > today) {
      throw AppError.field('VALIDATION', ['actualDate'], `完成日期不能晚于今天（${today}）`);
    }
    if (input.actualDate && row.year_installed && Number(input.actualDate.slice(0, 4)) < row.year_installed) {
      throw AppError.field('VALIDATION', ['actualDate'], `完成日期不能早于安装年份（${row.year_installed}年）`);
    }
    if (input.plan === 'convert' && input.newHeatSource === row.heat_source) {
      throw AppError.field('VALIDATION', ['newHeatSource'], `新热源与原热源（${HEAT_SOURCE_LABELS[row.heat_source]}）相同，不是改造`);
    }
    checkScrapLink(ctx, row.id, input.scrapId);
    const before = getDryerOut(ctx, row.id);
    const at = isoNow(ctx);
    const existing = repo.liveRetirement(ctx.db, row.id);
    const values = {
      plan: input.plan,
      planned_date: input.plannedDate,
      actual_date: input.actualDate ?? null,
      new_heat_source: input.plan === 'convert' ? (input.newHeatSource ?? null) : null,
      subsidy_fen: input.subsidyFen ?? null,
      scrap_id: input.plan === 'scrap' ? (input.scrapId ?? null) : null,
      note: input.note ?? null,
      updated_at: at,
    };
    if (existing) repo.updateRetirement(ctx.db, { ...existing, ...values });
    else {
      repo.insertRetirement(ctx.db, {
        id: ctx.newId(),
        station_id: installation.station_id,
        dryer_id: row.id,
        ...values,
        created_at: at,
        voided_at: null,
        void_reason: null,
      });
    }
    // done → 已淘汰 / 已改造; a completion taken back (date cleared) puts the dryer back in use
    const wasDone = row.status === 'retired' || row.status === 'converted';
    const status = input.actualDate ? (input.plan === 'scrap' ? 'retired' : 'converted') : wasDone ? 'in_use' : row.status;
    repo.updateDryer(ctx.db, { ...row, status, updated_at: at });
    const after = getDryerOut(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.dryers.retire', entity: 'dryer', entityId: row.id, before, after });
    return after;
  });
}

export function voidDryer(ctx: ServiceContext, input: { id: string; reason: string }): Dryer {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    const before = getDryerOut(ctx, row.id);
    const at = isoNow(ctx);
    const plan = repo.liveRetirement(ctx.db, row.id);
    if (plan) repo.updateRetirement(ctx.db, { ...plan, voided_at: at, void_reason: `随烘干机作废：${input.reason}`, updated_at: at });
    repo.updateDryer(ctx.db, { ...row, voided_at: at, void_reason: input.reason, updated_at: at });
    const after = getDryerOut(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.dryers.void', entity: 'dryer', entityId: row.id, before, after });
    return after;
  });
}
