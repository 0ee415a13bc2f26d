import { AppError } from '../../shared/api/errors';
import type { Status } from '../../shared/domain/workflow';
import type { Objection, ObjectionInput } from '../../shared/schemas/notices';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import * as apps from '../repositories/applications';
import type { Kind } from '../repositories/applications';
import type { InstallationRow } from '../repositories/installation';
import { latestNoticeOf } from '../repositories/notices';
import * as repo from '../repositories/objections';
import { followLinkedScrap, recordTransition } from './applications';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';

export function toObjection(r: repo.ObjectionRow & { notice_number: string }): Objection {
  return {
    id: r.id,
    kind: r.kind,
    applicationId: r.application_id,
    noticeId: r.notice_id,
    noticeNumber: r.notice_number,
    raisedBy: r.raised_by,
    raisedOn: r.raised_on,
    content: r.content,
    recordedBy: r.recorded_by,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    createdAt: r.created_at,
  };
}

/** Closes an application's open objections when it is returned or voided by other means, recording why. */
export function closeObjections(
  ctx: ServiceContext,
  installation: InstallationRow,
  applicationId: string,
  to: Status,
  reason: string,
): void {
  for (const o of repo.openObjectionsOf(ctx.db, applicationId)) {
    const note = to === 'voided' ? `申请已作废：${reason}` : reason;
    repo.resolveObjection(ctx.db, o.id, { outcome: 'returned', note, at: isoNow(ctx), by: installation.operator });
    writeAudit(ctx, installation, {
      method: 'applications.objection',
      entity: 'objection',
      entityId: o.id,
      before: { outcome: null },
      after: { outcome: 'returned', note },
    });
  }
}

function raise(ctx: ServiceContext, input: Extract<ObjectionInput, { action: 'raise' }>): Objection {
  const installation = requireInstallation(ctx);
  const state = apps.getState(ctx.db, input.kind as Kind, input.id);
  if (!state) throw new AppError('NOT_FOUND', '未找到该申请');
  requireOwnRow(installation, state, '申请');
  const notice = latestNoticeOf(ctx.db, input.id);
  if (state.status !== 'published' || !notice) throw new AppError('CONFLICT', '只有公示中的申请可以登记异议');
  const today = chinaToday(ctx);
  if (input.raisedOn > today) throw AppError.field('VALIDATION', ['raisedOn'], `异议日期不能晚于今天（${today}）`);
  if (input.raisedOn < notice.start_date || input.raisedOn > notice.end_date) {
    throw AppError.field('VALIDATION', ['raisedOn'], `异议须在公示期内提出（${notice.start_date} 至 ${notice.end_date}）`);
  }
  const at = isoNow(ctx);
  const row: repo.ObjectionRow = {
    id: ctx.newId(),
    station_id: installation.station_id,
    kind: input.kind,
    application_id: input.id,
    notice_id: notice.id,
    raised_by: input.raisedBy,
    raised_on: input.raisedOn,
    content: input.content,
    recorded_by: installation.operator,
    outcome: null,
    outcome_note: null,
    resolved_at: null,
    resolved_by: null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  };
  repo.insertObjection(ctx.db, row);
  writeAudit(ctx, installation, {
    method: 'applications.objection',
    entity: 'objection',
    entityId: row.id,
    before: null,
    after: { applicationId: input.id, noticeId: notice.id, raisedBy: input.raisedBy, raisedOn: input.raisedOn, content: input.content },
  });
  return toObjection({ ...row, notice_number: notice.number });
}

function resolve(ctx: ServiceContext, input: Extract<ObjectionInput, { action: 'resolve' }>): Objection {
  const installation = requireInstallation(ctx);
  const o = repo.getObjection(ctx.db, input.objectionId);
  if (!o || o.voided_at) throw new AppError('NOT_FOUND', '未找到该异议');
  requireOwnRow(installation, o, '异议');
  if (o.outcome) throw new AppError('CONFLICT', '该异议已处理');
  const state = apps.getState(ctx.db, o.kind, o.application_id);
  if (!state) throw new AppError('NOT_FOUND', '未找到该申请');
  const at = isoNow(ctx);
  repo.resolveObjection(ctx.db, o.id, { outcome: input.outcome, note: input.note, at, by: installation.operator });
  writeAudit(ctx, installation, {
    method: 'applications.objection',
    entity: 'objection',
    entityId: o.id,
    before: { outcome: null },
    after: { outcome: input.outcome, note: input.note },
  });
  // every other open objection on it is settled by the same outcome
  const to: Status = input.outcome === 'recheck' ? 'accepted' : 'returned';
  closeObjections(ctx, installation, o.application_id, to, input.note);
  if (state.status === 'published') {
    recordTransition(ctx, installation, o.kind, state, to, { reason: `异议处理：${input.note}` });
    followLinkedScrap(ctx, installation, o.kind, o.application_id, to);
  }
  return toObjection({
    ...o,
    outcome: input.outcome,
    outcome_note: input.note,
    resolved_at: at,
    resolved_by: installation.operator,
    updated_at: at,
  });
}

/** applications.objection: record an objection during the notice, or its outcome. */
export function objection(ctx: ServiceContext, input: ObjectionInput): Objection {
  return writeTx(ctx, () => (input.action === 'raise' ? raise(ctx, input) : resolve(ctx, input)));
}

export function objectionsOfApplication(ctx: ServiceContext, applicationId: string): Objection[] {
  return repo.objectionsOf(ctx.db, applicationId).map(toObjection);
}
