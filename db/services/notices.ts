import { AppError } from '../../shared/api/errors';
import { chinaDate } from '../../shared/domain/civil-date';
import { noticeName } from '../../shared/domain/mask';
import { noticePeriod } from '../../shared/domain/notice-period';
import { COUNTY, townshipName } from '../../shared/domain/townships';
import { STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { Notice, NoticeCandidate, NoticeRow, NoticeSummary } from '../../shared/schemas/notices';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import * as apps from '../repositories/applications';
import type { InstallationRow } from '../repositories/installation';
import * as repo from '../repositories/notices';
import { latestNoticeOf } from '../repositories/notices';
import { linkedPurchaseId } from '../repositories/scraps';
import { recordTransition, followLinkedScrap } from './applications';
import { writeAudit } from './audit';
import { getConfig, setConfig, workCalendar } from './config';
import { summaryOfFarmer } from './farmer-summary';
import { requireInstallation, requireOwnRow } from './installation';
import { getSettings } from './settings';
import { payability } from './notice-state';
import { objectionsOfApplication } from './objections';
import { approvedFen } from './payments';

const ORGANISATIONS = new Set(['cooperative', 'enterprise']);

export function noticeNumber(townshipCode: string, year: number, seq: number): string {
  return `GS-${townshipCode.slice(-3)}-${year}-${String(seq).padStart(3, '0')}`;
}

/** Where to object, as printed: the station's address and phone from 设置. */
export function noticeContact(ctx: ServiceContext) {
  return { address: getConfig(ctx, 'stationAddress'), phone: getConfig(ctx, 'stationPhone') };
}

export function setNoticeContact(ctx: ServiceContext, input: { address: string; phone: string }) {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const before = noticeContact(ctx);
    setConfig(ctx, 'stationAddress', input.address);
    setConfig(ctx, 'stationPhone', input.phone);
    writeAudit(ctx, installation, { method: 'notices.setContact', entity: 'config', entityId: 'stationContact', before, after: input });
    return noticeContact(ctx);
  });
}

export function candidates(ctx: ServiceContext, input: { townshipCode?: string; verifiedFrom?: string; verifiedTo?: string }) {
  const installation = requireInstallation(ctx);
  const items: NoticeCandidate[] = [];
  for (const r of repo.verifiedApplications(ctx.db, installation.station_id, input.townshipCode)) {
    const verifiedOn = chinaDate(new Date(r.status_at));
    if (input.verifiedFrom && verifiedOn < input.verifiedFrom) continue;
    if (input.verifiedTo && verifiedOn > input.verifiedTo) continue;
    const f = summaryOfFarmer(ctx, r.farmer_id);
    items.push({
      kind: r.kind,
      id: r.id,
      farmerName: f.name,
      townshipName: f.townshipName,
      village: f.village,
      item: r.item,
      model: r.model,
      verifiedOn,
      totalFen: r.total_fen,
      previousNotice: r.previous_notice,
    });
  }
  return { items };
}

function defaultTitle(installation: InstallationRow, year: number, seq: number): string {
  return `${COUNTY.name}${townshipName(installation.township_code)}${year}年农机购置与报废更新补贴公示（第${seq}批）`;
}

/** 公示: publishes verified applications as one numbered batch whose period runs 5 working days after its start. */
export function createNotice(
  ctx: ServiceContext,
  input: { items: { kind: 'scrap' | 'purchase'; id: string }[]; startDate: string; title?: string },
) {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    if (installation.role !== 'station' || !installation.township_code) throw new AppError('FORBIDDEN', '只有乡镇农机站可以发布公示');
    const contact = noticeContact(ctx);
    if (!contact.address || !contact.phone) {
      throw AppError.field('VALIDATION', ['contact'], '请先填写异议受理地址和电话（设置 → 公示异议受理），公示上须写明');
    }
    const today = chinaToday(ctx);
    if (input.startDate > today) throw AppError.field('VALIDATION', ['startDate'], `公示开始日期不能晚于今天（${today}）`);
    const seen = new Set<string>();
    const states = input.items.map((ref) => {
      if (seen.has(ref.id)) throw AppError.field('VALIDATION', ['items'], '同一申请在一批公示中只能出现一次');
      seen.add(ref.id);
      const state = apps.getState(ctx.db, ref.kind, ref.id);
      if (!state) throw new AppError('NOT_FOUND', `未找到该申请（${ref.id}）`);
      requireOwnRow(installation, state, '申请');
      const name = summaryOfFarmer(ctx, state.farmer_id).name;
      if (ref.kind === 'scrap' && linkedPurchaseId(ctx.db, ref.id)) {
        throw new AppError('FORBIDDEN', `${name} 的报废农机已关联购置申请，随购置申请一并公示`);
      }
      // published before notices existed (migration 009): it gets its notice now, and its period with it
      const legacy = state.status === 'published' && !latestNoticeOf(ctx.db, ref.id);
      if (state.status !== 'verified' && !legacy) {
        throw new AppError('CONFLICT', `${name} 的申请当前为“${STATUS_LABELS[state.status as Status]}”，核验通过后才能公示`, {
          details: { id: ref.id, status: state.status },
        });
      }
      const verifiedOn = chinaDate(new Date(state.status_at));
      if (input.startDate < verifiedOn) {
        throw AppError.field('VALIDATION', ['startDate'], `${name} 的申请于 ${verifiedOn} 核验通过，公示开始日期不能早于核验日期`);
      }
      return { ref, state, legacy };
    });
    const period = noticePeriod(input.startDate, workCalendar(ctx));
    const year = Number(input.startDate.slice(0, 4));
    const seq = repo.nextNoticeSeq(ctx.db, installation.station_id, year);
    const at = isoNow(ctx);
    const notice: repo.NoticeRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      year,
      seq,
      number: noticeNumber(installation.township_code, year, seq),
      title: input.title ?? defaultTitle(installation, year, seq),
      start_date: period.startDate,
      end_date: period.endDate,
      payable_from: period.payableFrom,
      objection_contact: `${contact.address}，电话 ${contact.phone}`,
      operator: installation.operator,
      print_count: 0,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertNotice(ctx.db, notice);
    states.forEach(({ ref, state, legacy }, i) => {
      const totalFen = approvedFen(ctx, ref.kind, ref.id);
      repo.insertNoticeItem(ctx.db, {
        id: ctx.newId(),
        station_id: installation.station_id,
        notice_id: notice.id,
        kind: ref.kind,
        application_id: ref.id,
        line_no: i + 1,
        total_fen: totalFen,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      });
      if (legacy) return;
      recordTransition(ctx, installation, ref.kind, state, 'published', {
        reason: `公示批次 ${notice.number}（${period.startDate} 至 ${period.endDate}）`,
      });
      followLinkedScrap(ctx, installation, ref.kind, ref.id, 'published');
    });
    writeAudit(ctx, installation, {
      method: 'notices.create',
      entity: 'notice',
      entityId: notice.id,
      before: null,
      after: { number: notice.number, startDate: notice.start_date, endDate: notice.end_date, items: input.items.map((x) => x.id) },
    });
    return getNotice(ctx, notice.id);
  });
}

function toSummary(r: repo.NoticeListRow, today: string): NoticeSummary {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    payableFrom: r.payable_from,
    count: r.count,
    totalFen: r.total_fen,
    openObjections: r.open_objections,
    paidCount: r.paid_count,
    phase: today > r.end_date ? 'ended' : 'running',
    printCount: r.print_count,
    operator: r.operator,
    createdAt: r.created_at,
  };
}

export function listNotices(ctx: ServiceContext, input: { year?: number; page: number; pageSize: number }) {
  const installation = requireInstallation(ctx);
  const { rows, total } = repo.listNotices(ctx.db, {
    stationId: installation.station_id,
    year: input.year,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const today = chinaToday(ctx);
  return { items: rows.map((r) => toSummary(r, today)), total, page: input.page, pageSize: input.pageSize };
}

function stateLabel(status: Status, objectionOpen: boolean, paid: boolean): string {
  if (paid) return '已兑付';
  if (objectionOpen) return '有异议';
  if (status === 'published') return '公示中';
  return STATUS_LABELS[status];
}

export function getNotice(ctx: ServiceContext, id: string): Notice {
  const summary = repo.noticeSummaryRow(ctx.db, id);
  if (!summary || summary.voided_at) throw new AppError('NOT_FOUND', '未找到该公示批次');
  const open = new Set(
    ctx.db
      .prepare('SELECT application_id FROM objections WHERE notice_id = ? AND outcome IS NULL AND voided_at IS NULL')
      .pluck()
      .all(id) as string[],
  );
  const paid = new Set(
    ctx.db.prepare('SELECT application_id FROM payments WHERE notice_id = ? AND voided_at IS NULL').pluck().all(id) as string[],
  );
  const rows: NoticeRow[] = repo.noticeLines(ctx.db, id).map((l) => {
    const status = l.status as Status;
    const objectionOpen = open.has(l.application_id);
    return {
      lineNo: l.line_no,
      kind: l.kind,
      applicationId: l.application_id,
      county: COUNTY.name,
      townshipName: townshipName(l.f_township_code),
      village: l.f_village,
      buyerNameMasked: noticeName(l.f_name, ORGANISATIONS.has(l.f_kind)),
      item: l.item,
      maker: l.maker,
      productName: l.product_name ?? l.item,
      model: l.model,
      quantity: 1,
      dealer: l.dealer_name ?? '',
      purchaseDate: l.purchase_date,
      priceFen: l.price_fen,
      unitSubsidyFen: l.total_fen,
      totalFen: l.total_fen,
      factoryNo: l.factory_no ?? '',
      stateLabel: stateLabel(status, objectionOpen, paid.has(l.application_id)),
      status,
      objectionOpen,
      paid: paid.has(l.application_id),
    };
  });
  const s = getSettings(ctx);
  return {
    ...toSummary(summary, chinaToday(ctx)),
    today: chinaToday(ctx),
    unitName: s.configured ? s.unitName : '',
    objectionContact: summary.objection_contact,
    rows,
  };
}

/** notices.exportPdf: counts and audits a print or PDF of the notice, and returns what the print route lays out. */
export function recordNoticePrint(ctx: ServiceContext, input: { id: string }): Notice {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const row = repo.getNotice(ctx.db, input.id);
    if (!row || row.voided_at) throw new AppError('NOT_FOUND', '未找到该公示批次');
    requireOwnRow(installation, row, '公示批次');
    repo.recordNoticePrint(ctx.db, row.id, isoNow(ctx));
    writeAudit(ctx, installation, {
      method: 'notices.exportPdf',
      entity: 'notice',
      entityId: row.id,
      before: { printCount: row.print_count },
      after: { printCount: row.print_count + 1 },
    });
    return getNotice(ctx, row.id);
  });
}

/** Where one application stands in 公示/兑付, for its detail page and the pay dialog. */
export function applicationNoticeState(ctx: ServiceContext, id: string) {
  const installation = requireInstallation(ctx);
  const kind = apps.getState(ctx.db, 'purchase', id) ? 'purchase' : 'scrap';
  const state = apps.getState(ctx.db, kind, id);
  if (!state) throw new AppError('NOT_FOUND', '未找到该申请');
  requireOwnRow(installation, state, '申请');
  const p = payability(ctx, id);
  const summary = p.notice ? repo.noticeSummaryRow(ctx.db, p.notice.id) : undefined;
  return {
    today: chinaToday(ctx),
    notice: summary ? toSummary(summary, chinaToday(ctx)) : null,
    payable: state.status === 'published' && !p.blocker,
    blocker: state.status === 'published' ? (p.blocker ?? null) : null,
    approvedFen: approvedFen(ctx, kind, id),
    objections: objectionsOfApplication(ctx, id),
  };
}
