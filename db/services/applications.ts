import { AppError } from '../../shared/api/errors';
import { addWorkdays, workdaysBetween } from '../../shared/domain/workdays';
import { CHECKS, DEADLINE_WORKDAYS, STATUS_LABELS, canTransition, doorFor, type Status } from '../../shared/domain/workflow';
import type { TodoItem } from '../../shared/schemas/applications';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import { chinaDate } from '../../shared/domain/civil-date';
import * as repo from '../repositories/applications';
import type { Kind } from '../repositories/applications';
import type { InstallationRow } from '../repositories/installation';
import { getPurchase } from '../repositories/purchases';
import { getScrap, linkedPurchaseId } from '../repositories/scraps';
import { currentActor } from '../auth/call-context';
import { writeAudit } from './audit';
import { separationOf } from './duties';
import { workCalendar } from './config';
import { summaryOfFarmer } from './farmer-summary';
import { requireOwnRow } from './installation';
import { payability } from './notice-state';
import { closeObjections } from './objections';
import { requireInstallation } from './installation';

const KIND_LABELS: Record<Kind, string> = { scrap: '报废登记', purchase: '购置登记' };

const DOOR_MESSAGES = {
  notice: '公示须发布公示批次：请在“公示”页面选择已核验的申请发布，公示期按工作日计算',
  pay: '兑付须登记兑付信息（兑付日期、实付金额、入账账户、财政凭证号）：请使用“兑付”办理',
  objection: '已公示的申请只能通过处理异议退回重新核验',
} as const;

/** Moves one application to a status and records who, when, why and which checks: the one place a status changes. */
export function recordTransition(
  ctx: ServiceContext,
  installation: InstallationRow,
  kind: Kind,
  state: repo.ApplicationState,
  to: Status,
  extra: { reason?: string | null; checks?: Record<string, boolean | string> | null; unseparated?: boolean } = {},
): void {
  const at = isoNow(ctx);
  const actor = currentActor();
  repo.setStatus(ctx.db, kind, state.id, {
    status: to,
    at,
    returnReason: to === 'returned' ? (extra.reason ?? null) : null,
    voidReason: to === 'voided' ? (extra.reason ?? null) : null,
  });
  repo.insertEvent(ctx.db, {
    id: ctx.newId(),
    station_id: installation.station_id,
    entity: kind,
    entity_id: state.id,
    from_status: state.status,
    to_status: to,
    at,
    operator: installation.operator,
    reason: extra.reason ?? null,
    checks_json: extra.checks ? JSON.stringify(extra.checks) : null,
    created_at: at,
    updated_at: at,
    user_id: actor?.userId ?? null,
    unseparated: extra.unseparated ? 1 : 0,
  });
  writeAudit(ctx, installation, {
    method: 'applications.transition',
    entity: kind,
    entityId: state.id,
    before: { status: state.status },
    after: { status: to, reason: extra.reason ?? null, checks: extra.checks ?? null, ...(extra.unseparated ? { unseparated: true } : {}) },
  });
}

/** A renewed scrap travels with its purchase: it takes the purchase's new status, with an event saying so. */
export function followLinkedScrap(ctx: ServiceContext, installation: InstallationRow, kind: Kind, id: string, to: Status): void {
  if (kind !== 'purchase') return;
  const scrapId = getPurchase(ctx.db, id)?.scrap_id;
  const scrap = scrapId ? repo.getState(ctx.db, 'scrap', scrapId) : undefined;
  if (!scrap) return;
  // a voided purchase releases its scrapped machine back to a scrap-only application
  const [next, reason] =
    to === 'voided' ? (['registered', '关联的购置申请已作废，转为单独报废申请'] as const) : ([to, '随关联购置申请办理'] as const);
  if (scrap.status !== next) recordTransition(ctx, installation, 'scrap', scrap, next, { reason });
}

/** 核验 needs every on-site check ticked, and a dismantled machine with its signed form for any scrap part. */
function assertVerifiable(ctx: ServiceContext, kind: Kind, id: string, checks: Record<string, boolean> | undefined) {
  const missing = CHECKS[kind].filter((c) => checks?.[c.key] !== true);
  if (missing.length) {
    throw AppError.field(
      'VALIDATION',
      ['checks'],
      `核验未完成：${missing.map((c) => c.label.replace(/（.*）/, '')).join('、')}。核验不通过请退回`,
    );
  }
  const scrapId = kind === 'scrap' ? id : getPurchase(ctx.db, id)?.scrap_id;
  const scrap = scrapId ? getScrap(ctx.db, scrapId) : undefined;
  if (scrap && (!scrap.dismantle_date || !scrap.confirm_form_no)) {
    throw AppError.field('VALIDATION', ['checks'], `报废农机 ${scrap.model} 尚未登记拆解日期和回收确认表编号，不能核验通过`);
  }
}

export function transition(
  ctx: ServiceContext,
  input: { kind: Kind; ids: string[]; to: Status; reason?: string; checks?: Record<string, boolean>; note?: string },
) {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const items = [...new Set(input.ids)].map((id) => {
      const state = repo.getState(ctx.db, input.kind, id);
      if (!state) throw new AppError('NOT_FOUND', `未找到该${KIND_LABELS[input.kind]}（${id}）`);
      requireOwnRow(installation, state, KIND_LABELS[input.kind]);
      const name = summaryOfFarmer(ctx, state.farmer_id).name;
      if (input.kind === 'scrap' && linkedPurchaseId(ctx.db, id)) {
        throw new AppError('FORBIDDEN', `${name} 的报废农机已关联购置申请，随购置申请一并办理`);
      }
      if (!canTransition(state.status as Status, input.to)) {
        throw new AppError(
          'CONFLICT',
          `${name} 的申请当前为“${STATUS_LABELS[state.status as Status]}”，不能${STATUS_LABELS[input.to].replace('已', '')}`,
          {
            details: { id, status: state.status },
          },
        );
      }
      const door = doorFor(state.status as Status, input.to);
      if (door !== 'transition') throw new AppError('FORBIDDEN', DOOR_MESSAGES[door]);
      const { unseparated } = separationOf(ctx, installation, input.kind, id, input.to);
      if (input.to === 'verified') assertVerifiable(ctx, input.kind, id, input.checks);
      if (input.to === 'returned' || input.to === 'voided') closeObjections(ctx, installation, id, input.to, input.reason ?? '');
      const checks = input.to === 'verified' ? { ...input.checks, ...(input.note ? { note: input.note } : {}) } : null;
      recordTransition(ctx, installation, input.kind, state, input.to, { reason: input.reason ?? input.note ?? null, checks, unseparated });
      followLinkedScrap(ctx, installation, input.kind, id, input.to);
      const after = repo.getState(ctx.db, input.kind, id) as repo.ApplicationState;
      return { id, status: after.status as Status, statusAt: after.status_at };
    });
    return { items };
  });
}

/** Open applications with the working-day deadline of their next step, most urgent first. */
export function todo(ctx: ServiceContext, input: { kind?: Kind; overdueOnly: boolean; page: number; pageSize: number }) {
  const installation = requireInstallation(ctx);
  const cal = workCalendar(ctx);
  const today = chinaToday(ctx);
  const all: TodoItem[] = repo.listOpen(ctx.db, installation.station_id, input.kind).map((r) => {
    const rule = DEADLINE_WORKDAYS[r.status as Status] ?? { days: 0, step: '' };
    const p = r.status === 'published' ? payability(ctx, r.id, today) : undefined;
    // published: the finance bureau's 15 working days run from the end of the notice period
    const dueDate = p?.notice ? addWorkdays(p.notice.end_date, 15, cal) : addWorkdays(chinaDate(new Date(r.status_at)), rule.days, cal);
    const workdaysLeft = workdaysBetween(today, dueDate, cal);
    return {
      kind: r.kind,
      id: r.id,
      farmer: summaryOfFarmer(ctx, r.farmer_id),
      item: r.item,
      model: r.model,
      status: r.status as Status,
      statusAt: r.status_at,
      step: rule.step,
      dueDate,
      workdaysLeft,
      overdue: today > dueDate,
      totalFen: r.total_fen,
      payableFrom: p?.notice?.payable_from ?? null,
      objectionOpen: Boolean(p?.openObjections.length),
    };
  });
  all.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.statusAt.localeCompare(b.statusAt));
  const overdueCount = all.filter((t) => t.overdue).length;
  const list = input.overdueOnly ? all.filter((t) => t.overdue) : all;
  const start = (input.page - 1) * input.pageSize;
  return { items: list.slice(start, start + input.pageSize), total: list.length, page: input.page, pageSize: input.pageSize, overdueCount };
}
