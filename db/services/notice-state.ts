import { paymentTooEarly } from '../../shared/domain/notice-period';
import { chinaToday, type ServiceContext } from '../context';
import { latestNoticeOf, type NoticeRow } from '../repositories/notices';
import { openObjectionsOf, type ObjectionRow } from '../repositories/objections';

export interface Payability {
  notice: NoticeRow | undefined;
  openObjections: ObjectionRow[];
  /** Why 兑付 cannot be confirmed today (Chinese), or undefined when it can. */
  blocker: string | undefined;
}

/** Whether a published application may be paid today: its notice period over, no objection open. */
export function payability(ctx: ServiceContext, applicationId: string, today = chinaToday(ctx)): Payability {
  const notice = latestNoticeOf(ctx.db, applicationId);
  const openObjections = openObjectionsOf(ctx.db, applicationId);
  let blocker: string | undefined;
  if (!notice) blocker = '该申请不在任何公示批次中，须先公示';
  else if (openObjections.length)
    blocker = `公示期间有异议尚未处理（${openObjections[0]?.raised_by ?? ''}：${openObjections[0]?.content ?? ''}），不能兑付`;
  else blocker = paymentTooEarly({ endDate: notice.end_date, payableFrom: notice.payable_from }, today);
  return { notice, openObjections, blocker };
}
