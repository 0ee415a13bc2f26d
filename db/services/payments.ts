import { AppError } from '../../shared/api/errors';
import { maskBankCard } from '../../shared/domain/mask';
import { formatFen as fenToYuan } from '../../shared/domain/money';
import { STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { Payment } from '../../shared/schemas/payments';
import { chinaToday, isoNow, writeTx, type ServiceContext } from '../context';
import * as apps from '../repositories/applications';
import type { Kind } from '../repositories/applications';
import { getFarmer } from '../repositories/farmers';
import * as repo from '../repositories/payments';
import { linkedPurchaseId } from '../repositories/scraps';
import { followLinkedScrap, recordTransition } from './applications';
import { writeAudit } from './audit';
import { separationOf } from './duties';
import { requireInstallation, requireOwnRow } from './installation';
import { payability } from './notice-state';
import { payAccountOf } from './payment-account';

export function toPayment(r: repo.PaymentRow): Payment {
  return {
    id: r.id,
    kind: r.kind,
    applicationId: r.application_id,
    noticeId: r.notice_id,
    paidOn: r.paid_on,
    approvedFen: r.approved_fen,
    amountFen: r.amount_fen,
    amountReason: r.amount_reason,
    accountKind: r.account_kind,
    accountName: r.account_name,
    accountMasked: maskBankCard(r.account_no),
    bankName: r.bank_name,
    financeDoc: r.finance_doc,
    operator: r.operator,
    createdAt: r.created_at,
  };
}

/** The approved subsidy of an application (frozen when it was computed). */
export function approvedFen(ctx: ServiceContext, kind: Kind, id: string): number {
  const col = kind === 'purchase' ? 'total_fen' : 'scrap_fen';
  return (ctx.db.prepare(`SELECT ${col} AS fen FROM ${apps.TABLE[kind]} WHERE id = ?`).get(id) as { fen: number }).fen;
}

/**
 * A published application that may be paid: ours, not a scrap travelling with a purchase, its notice period
 * over and no objection open. Returns its state, notice and the account on file.
 */
export function requirePayable(ctx: ServiceContext, kind: Kind, id: string, today = chinaToday(ctx)) {
  const installation = requireInstallation(ctx);
  const state = apps.getState(ctx.db, kind, id);
  if (!state) throw new AppError('NOT_FOUND', '未找到该申请');
  requireOwnRow(installation, state, '申请');
  const farmer = getFarmer(ctx.db, state.farmer_id);
  if (!farmer) throw new AppError('INTERNAL', '申请所属的农户不存在');
  if (kind === 'scrap' && linkedPurchaseId(ctx.db, id))
    throw new AppError('FORBIDDEN', `${farmer.name} 的报废农机已关联购置申请，随购置申请一并兑付`);
  if (state.status === 'paid') throw new AppError('CONFLICT', `${farmer.name} 的申请已兑付`);
  if (state.status !== 'published') {
    throw new AppError('CONFLICT', `${farmer.name} 的申请当前为“${STATUS_LABELS[state.status as Status]}”，公示期满后才能兑付`);
  }
  const p = payability(ctx, id, today);
  if (p.blocker || !p.notice) throw AppError.field('FORBIDDEN', ['paidOn'], `${farmer.name}：${p.blocker ?? '须先公示'}`);
  return { installation, state, farmer, notice: p.notice, account: payAccountOf(farmer) };
}

/**
 * 兑付 — the one door through which money is recorded as paid: the date (after the notice, not in the future),
 * the amount (the approved subsidy, or less with a reason), the account on the buyer's record and the finance
 * document. The application events keep who registered, verified and paid it.
 */
export function pay(
  ctx: ServiceContext,
  input: { kind: Kind; id: string; paidOn: string; amountFen: number; amountReason?: string; financeDoc: string },
): Payment {
  return writeTx(ctx, () => {
    const today = chinaToday(ctx);
    const { installation, state, farmer, notice, account } = requirePayable(ctx, input.kind, input.id, today);
    // 兑付 is the 站长's, and not the person who did 核验 (unless 单人站点: then flagged 未分离)
    const { unseparated } = separationOf(ctx, installation, input.kind, input.id, 'paid');
    if (input.paidOn > today) throw AppError.field('VALIDATION', ['paidOn'], `兑付日期不能晚于今天（${today}）`);
    if (input.paidOn <= notice.end_date) {
      throw AppError.field('VALIDATION', ['paidOn'], `兑付日期须在公示期结束（${notice.end_date}）之后`);
    }
    const approved = approvedFen(ctx, input.kind, input.id);
    if (input.amountFen > approved) {
      throw AppError.field(
        'VALIDATION',
        ['amountFen'],
        `实付金额（${fenToYuan(input.amountFen)} 元）不能超过核定补贴（${fenToYuan(approved)} 元）`,
      );
    }
    if (input.amountFen !== approved && !input.amountReason) {
      throw AppError.field('VALIDATION', ['amountReason'], `实付金额与核定补贴（${fenToYuan(approved)} 元）不一致，请说明原因`);
    }
    const at = isoNow(ctx);
    const row: repo.PaymentRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      kind: input.kind,
      application_id: input.id,
      notice_id: notice.id,
      farmer_id: farmer.id,
      paid_on: input.paidOn,
      approved_fen: approved,
      amount_fen: input.amountFen,
      amount_reason: input.amountFen === approved ? null : (input.amountReason ?? null),
      account_kind: account.kind,
      account_name: account.name,
      account_no: account.number,
      bank_name: account.bankName,
      finance_doc: input.financeDoc,
      operator: installation.operator,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    repo.insertPayment(ctx.db, row);
    recordTransition(ctx, installation, input.kind, state, 'paid', {
      reason: `兑付 ${fenToYuan(input.amountFen)} 元，${input.paidOn}，财政凭证 ${input.financeDoc}`,
      unseparated,
    });
    followLinkedScrap(ctx, installation, input.kind, input.id, 'paid');
    writeAudit(ctx, installation, {
      method: 'applications.pay',
      entity: 'payment',
      entityId: row.id,
      before: { status: state.status },
      after: {
        applicationId: input.id,
        paidOn: input.paidOn,
        amountFen: input.amountFen,
        account: maskBankCard(account.number),
        financeDoc: input.financeDoc,
      },
    });
    return toPayment(row);
  });
}

export function paymentOf(ctx: ServiceContext, applicationId: string): Payment | null {
  const row = repo.livePaymentOf(ctx.db, applicationId);
  return row ? toPayment(row) : null;
}
