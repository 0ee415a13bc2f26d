import { addWorkdays, type Calendar } from './workdays';

/** 公示 runs 5 full working days (DOMAIN.md §4). */
export const NOTICE_WORKDAYS = 5;

export interface NoticePeriod {
  /** The publication date: the notice is posted during this day. */
  startDate: string;
  /** The last of the 5 full working days. */
  endDate: string;
  /** The first day 兑付 may be confirmed: the next working day after the period. */
  payableFrom: string;
}

/**
 * The notice period from its publication date. The day of posting is not a full day, so it does not
 * count (as the Civil Code counts periods, art. 201): the period is the 5 working days after it, by the
 * official calendar, and payment may be confirmed from the next working day on.
 */
export function noticePeriod(startDate: string, cal: Calendar): NoticePeriod {
  const endDate = addWorkdays(startDate, NOTICE_WORKDAYS, cal);
  return { startDate, endDate, payableFrom: addWorkdays(endDate, 1, cal) };
}

/** Why payment cannot be confirmed today, or undefined when it can. */
export function paymentTooEarly(period: Pick<NoticePeriod, 'endDate' | 'payableFrom'>, today: string): string | undefined {
  if (today >= period.payableFrom) return undefined;
  return `公示期至 ${period.endDate} 结束，${period.payableFrom} 起方可兑付`;
}
