import { AppError } from '../../shared/api/errors';
import { datesOutOfOrder, isOverdue, SITE_STAGE_LABELS, transitionIssues, type StageDates } from '../../shared/domain/drying-stages';
import { townshipName } from '../../shared/domain/townships';
import type { Site, SiteListItem, SiteTransitionValues, SiteUpdateValues, SiteValues } from '../../shared/schemas/drying';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { liveRetirementsOf, listDryersOfSites, voidDryersOfSite } from '../repositories/drying-dryers';
import { listSitePhotos } from '../repositories/drying-photos';
import * as repo from '../repositories/drying-sites';
import type { SiteListRow, SiteRow } from '../repositories/drying-sites';
import { getFarmer } from '../repositories/farmers';
import { writeAudit } from './audit';
import { assertFresh, capacityOf, dryerFacts, dryingConfig, isCoalRemaining, requireOperator, todayOf } from './drying-common';
import { toDryer } from './drying-dryers';
import { toSitePhoto } from './drying-photos';
import { requireInstallation, requireOwnRow } from './installation';

export const stageDatesOf = (r: SiteRow): StageDates => ({
  planned: r.planned_on,
  building: r.building_on,
  built: r.built_on,
  operating: r.operating_on,
  closed: r.closed_on,
});

const DATE_COLUMN = {
  planned: 'planned_on',
  building: 'building_on',
  built: 'built_on',
  operating: 'operating_on',
  closed: 'closed_on',
} as const;

function operatorOf(ctx: ServiceContext, id: string | null): Site['operator'] {
  const f = id ? getFarmer(ctx.db, id) : undefined;
  return f ? { id: f.id, name: f.name, kind: f.kind, uscc: f.id_number } : null;
}

export function getSite(ctx: ServiceContext, id: string): Site {
  const r = repo.getSite(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '未找到该烘干设施');
  const { batchesPerDay } = dryingConfig(ctx);
  const dryers = listDryersOfSites(ctx.db, [r.id]);
  const plans = liveRetirementsOf(
    ctx.db,
    dryers.map((d) => d.id),
  );
  const facts = dryers.map((d) => dryerFacts(d, plans.get(d.id) ?? null, batchesPerDay));
  return {
    id: r.id,
    stationId: r.station_id,
    name: r.name,
    kind: r.kind,
    townshipCode: r.township_code,
    townshipName: townshipName(r.township_code),
    village: r.village,
    location: r.location,
    operator: operatorOf(ctx, r.operator_id),
    stage: r.stage,
    stageDates: stageDatesOf(r),
    plannedCompletion: r.planned_completion,
    conformity: r.conformity,
    conformityDocNo: r.conformity_doc_no,
    investmentFen: r.investment_fen,
    subsidyFen: r.subsidy_fen,
    areaServedMu: r.area_served_mu,
    notes: r.notes,
    overdue: isOverdue({ stage: r.stage, plannedCompletion: r.planned_completion }, todayOf(ctx)),
    ...capacityOf(facts, r.stage),
    batchesPerDay,
    dryers: dryers.map((d) => toDryer(ctx, d, plans.get(d.id) ?? null, batchesPerDay)),
    events: repo.listSiteEvents(ctx.db, r.id).map((e) => ({
      id: e.id,
      fromStage: e.from_stage,
      toStage: e.to_stage,
      date: e.stage_date,
      at: e.at,
      operator: e.operator,
      note: e.note,
    })),
    photos: listSitePhotos(ctx.db, r.id).map(toSitePhoto),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

function columns(v: SiteValues) {
  return {
    name: v.name,
    kind: v.kind,
    township_code: v.townshipCode,
    village: v.village,
    location: v.location ?? null,
    operator_id: v.operatorId ?? null,
    planned_on: v.plannedOn,
    planned_completion: v.plannedCompletion ?? null,
    conformity: v.conformity,
    conformity_doc_no: v.conformityDocNo ?? null,
    investment_fen: v.investmentFen ?? null,
    subsidy_fen: v.subsidyFen ?? null,
    area_served_mu: v.areaServedMu ?? null,
    notes: v.notes ?? null,
  };
}

function checkPlannedOn(ctx: ServiceContext, plannedOn: string) {
  const today = todayOf(ctx);
  if (plannedOn > today) throw AppError.field('VALIDATION', ['plannedOn'], `规划日期不能晚于今天（${today}）`);
}

export function createSite(ctx: ServiceContext, v: SiteValues): Site {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    requireOperator(ctx, v.operatorId);
    checkPlannedOn(ctx, v.plannedOn);
    const at = isoNow(ctx);
    const row: SiteRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      ...columns(v),
      stage: 'planned',
      building_on: null,
      built_on: null,
      operating_on: null,
      closed_on: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertSite(ctx.db, row);
    repo.insertSiteEvent(ctx.db, {
      id: ctx.newId(),
      station_id: installation.station_id,
      site_id: row.id,
      from_stage: null,
      to_stage: 'planned',
      stage_date: v.plannedOn,
      at,
      operator: installation.operator,
      note: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    });
    const after = getSite(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.sites.create', entity: 'drying_site', entityId: row.id, before: null, after });
    return after;
  });
}

function loadOwn(ctx: ServiceContext, id: string) {
  const installation = requireInstallation(ctx);
  const row = repo.getSite(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该烘干设施');
  requireOwnRow(installation, row, '烘干设施');
  if (row.voided_at) throw new AppError('FORBIDDEN', '该烘干设施已作废，不能再修改');
  return { installation, row };
}

export function updateSite(ctx: ServiceContext, input: SiteUpdateValues): Site {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    assertFresh(input.expectedUpdatedAt, row.updated_at);
    requireOperator(ctx, input.operatorId);
    checkPlannedOn(ctx, input.plannedOn);
    const next: SiteRow = { ...row, ...columns(input), updated_at: isoNow(ctx) };
    if (next.stage !== 'planned' && (next.conformity !== 'yes' || !next.conformity_doc_no)) {
      throw AppError.field(
        'VALIDATION',
        [next.conformity !== 'yes' ? 'conformity' : 'conformityDocNo'],
        `该设施已${SITE_STAGE_LABELS[next.stage]}，须保持“符合国土空间规划”并保留文件文号`,
      );
    }
    const wrong = datesOutOfOrder(stageDatesOf(next));
    if (wrong) {
      throw AppError.field(
        'VALIDATION',
        ['plannedOn'],
        `规划日期不能晚于${SITE_STAGE_LABELS[wrong.stage]}日期（${stageDatesOf(next)[wrong.stage]}）`,
      );
    }
    const before = getSite(ctx, row.id);
    repo.updateSite(ctx.db, next);
    const after = getSite(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.sites.update', entity: 'drying_site', entityId: row.id, before, after });
    return after;
  });
}

/** Moves a site one stage along (or to 停用), recording the date and who did it. */
export function transitionSite(ctx: ServiceContext, input: SiteTransitionValues): Site {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    assertFresh(input.expectedUpdatedAt, row.updated_at);
    const state = { stage: row.stage, dates: stageDatesOf(row), conformity: row.conformity, conformityDocNo: row.conformity_doc_no };
    const issues = transitionIssues(state, input.to, input.date, todayOf(ctx));
    if (issues.length) {
      const first = issues[0] as (typeof issues)[number];
      throw new AppError(first.path[0] === 'to' ? 'FORBIDDEN' : 'VALIDATION', first.message, { issues });
    }
    const at = isoNow(ctx);
    const before = getSite(ctx, row.id);
    repo.updateSite(ctx.db, { ...row, stage: input.to, [DATE_COLUMN[input.to]]: input.date, updated_at: at });
    repo.insertSiteEvent(ctx.db, {
      id: ctx.newId(),
      station_id: installation.station_id,
      site_id: row.id,
      from_stage: row.stage,
      to_stage: input.to,
      stage_date: input.date,
      at,
      operator: installation.operator,
      note: input.note ?? null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    });
    const after = getSite(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.sites.transition', entity: 'drying_site', entityId: row.id, before, after });
    return after;
  });
}

/** Voids a site entered by mistake (or a plan given up), with its dryers. */
export function voidSite(ctx: ServiceContext, input: { id: string; reason: string }): Site {
  return writeTx(ctx, () => {
    const { installation, row } = loadOwn(ctx, input.id);
    const before = getSite(ctx, row.id);
    const at = isoNow(ctx);
    voidDryersOfSite(ctx.db, row.id, `随烘干设施作废：${input.reason}`, at);
    repo.updateSite(ctx.db, { ...row, voided_at: at, void_reason: input.reason, updated_at: at });
    const after = getSite(ctx, row.id);
    writeAudit(ctx, installation, { method: 'drying.sites.void', entity: 'drying_site', entityId: row.id, before, after });
    return after;
  });
}

export function toSiteListItems(ctx: ServiceContext, rows: SiteListRow[]): SiteListItem[] {
  const { batchesPerDay } = dryingConfig(ctx);
  const dryers = listDryersOfSites(
    ctx.db,
    rows.map((r) => r.id),
  );
  const plans = liveRetirementsOf(
    ctx.db,
    dryers.map((d) => d.id),
  );
  const today = todayOf(ctx);
  return rows.map((r) => {
    const facts = dryers.filter((d) => d.site_id === r.id).map((d) => dryerFacts(d, plans.get(d.id) ?? null, batchesPerDay));
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      townshipCode: r.township_code,
      townshipName: townshipName(r.township_code),
      village: r.village,
      operatorName: r.operator_name,
      stage: r.stage,
      stageDate: stageDatesOf(r)[r.stage],
      plannedCompletion: r.planned_completion,
      conformity: r.conformity,
      overdue: isOverdue({ stage: r.stage, plannedCompletion: r.planned_completion }, today),
      // dryers on the books: a scrapped one stays in the ledger but not in the count
      dryerCount: facts.filter((d) => d.dryer.status !== 'retired').length,
      coalRemaining: facts.filter(isCoalRemaining).length,
      ...capacityOf(facts, r.stage),
      updatedAt: r.updated_at,
      voidedAt: r.voided_at,
    };
  });
}

export function listSites(
  ctx: ServiceContext,
  input: Omit<repo.SiteFilter, 'today'> & { page: number; pageSize: number },
): { items: SiteListItem[]; total: number; page: number; pageSize: number } {
  const { rows, total } = repo.listSites(ctx.db, { ...input, today: todayOf(ctx) }, input.pageSize, (input.page - 1) * input.pageSize);
  return { items: toSiteListItems(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}
