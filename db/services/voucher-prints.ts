import { AppError } from '../../shared/api/errors';
import type { Voucher } from '../../shared/schemas/vouchers';
import { currentActor } from '../auth/call-context';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as repo from '../repositories/vouchers';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';
import { paymentFacts, toVoucher } from './vouchers';

/** How long after a print its operator may still say the paper did not come out. */
export const TAKE_BACK_MINUTES = 10;
/** Take-backs one voucher may have in all; after that every further print is a 补打 with its reason. */
export const TAKE_BACK_LIMIT = 3;

/**
 * Counts a print before the paper goes out, so the number on the paper is the server's (第N次, 补打 from the
 * second; a reprint needs its reason). `expectedCounts` are the counts the page showed: a page that is out of
 * date (printed meanwhile elsewhere) is refused before anything prints. Audited with the number the paper carries.
 */
export function recordPrint(
  ctx: ServiceContext,
  input: { ids: string[]; expectedCounts?: number[]; reprintReason?: string; mode?: 'print' | 'pdf' },
): { items: Voucher[] } {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const reason = input.reprintReason?.trim() || null;
    const items = input.ids.map((id, i) => {
      const row = repo.getVoucher(ctx.db, id);
      if (!row) throw new AppError('NOT_FOUND', '未找到该凭证');
      requireOwnRow(installation, row, '凭证');
      if (row.voided_at) throw new AppError('FORBIDDEN', `凭证 ${row.number} 已作废，不能打印`);
      const expected = input.expectedCounts?.[i];
      if (expected !== undefined && expected !== row.print_count)
        throw new AppError(
          'CONFLICT',
          `凭证 ${row.number} 已在别处打印过（现已打印 ${row.print_count} 次），页面上的次序已过时：请刷新后重新打印`,
        );
      const reprint = row.print_count > 0;
      if (reprint && !reason)
        throw AppError.field('VALIDATION', ['reprintReason'], `凭证 ${row.number} 已打印过，补打须说明原因（如卡纸、污损、遗失）`);
      const at = isoNow(ctx);
      repo.recordPrint(ctx.db, id, at);
      writeAudit(ctx, installation, {
        method: 'vouchers.recordPrint',
        entity: 'voucher',
        entityId: id,
        before: { printCount: row.print_count },
        after: { printCount: row.print_count + 1, reprint, ...(reprint ? { reprintReason: reason } : {}), mode: input.mode ?? 'print' },
      });
      return toVoucher(
        { ...row, print_count: row.print_count + 1, last_printed_at: at, updated_at: at },
        paymentFacts(ctx, row.application_id),
      );
    });
    return { items };
  });
}

interface PrintEvent {
  method: string;
  user_id: string | null;
  operator: string;
  at: string;
}

/** This voucher's print events, latest first (the audit trail is the record of who printed when). */
function printEvents(ctx: ServiceContext, voucherId: string): PrintEvent[] {
  return ctx.db
    .prepare(
      `SELECT method, user_id, operator, at FROM audit_log
        WHERE entity_id = ? AND method IN ('vouchers.recordPrint', 'vouchers.markPrintFailed')
        ORDER BY chain_seq DESC`,
    )
    .all(voucherId) as PrintEvent[];
}

/**
 * 未打印成功: takes back the last counted print (the dialog was cancelled, or the paper did not come out), with a
 * note; audited. Only the operator who printed, within {@link TAKE_BACK_MINUTES} minutes, once per print and at
 * most {@link TAKE_BACK_LIMIT} times per voucher — so a printed paper cannot be quietly "un-printed" to make a
 * second original.
 */
export function markPrintFailed(ctx: ServiceContext, input: { ids: string[]; note: string }): { items: Voucher[] } {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const actor = currentActor();
    const items = input.ids.map((id) => {
      const row = repo.getVoucher(ctx.db, id);
      if (!row) throw new AppError('NOT_FOUND', '未找到该凭证');
      requireOwnRow(installation, row, '凭证');
      const events = printEvents(ctx, id);
      const last = events[0];
      if (row.print_count < 1 || !last) throw new AppError('CONFLICT', `凭证 ${row.number} 尚未登记过打印`);
      if (last.method !== 'vouchers.recordPrint')
        throw new AppError('CONFLICT', `凭证 ${row.number} 最近一次打印已登记为未打印成功，不能重复退回`);
      if (actor && last.user_id !== actor.userId)
        throw new AppError('FORBIDDEN', `凭证 ${row.number} 最近一次由 ${last.operator} 打印，只有本人可以登记未打印成功`);
      const minutes = (Date.parse(isoNow(ctx)) - Date.parse(last.at)) / 60_000;
      if (minutes > TAKE_BACK_MINUTES)
        throw new AppError(
          'CONFLICT',
          `凭证 ${row.number} 打印已超过 ${TAKE_BACK_MINUTES} 分钟，不能再登记未打印成功；如需重新打印，请按补打登记原因`,
        );
      if (events.filter((e) => e.method === 'vouchers.markPrintFailed').length >= TAKE_BACK_LIMIT)
        throw new AppError(
          'CONFLICT',
          `凭证 ${row.number} 已退回过 ${TAKE_BACK_LIMIT} 次打印，不能再退回；如需重新打印，请按补打登记原因`,
        );
      const at = isoNow(ctx);
      repo.unrecordPrint(ctx.db, id, at);
      writeAudit(ctx, installation, {
        method: 'vouchers.markPrintFailed',
        entity: 'voucher',
        entityId: id,
        before: { printCount: row.print_count },
        after: { printCount: row.print_count - 1, printFailed: true, note: input.note || null },
      });
      return toVoucher({ ...row, print_count: row.print_count - 1, updated_at: at }, paymentFacts(ctx, row.application_id));
    });
    return { items };
  });
}
