import { addDays } from './civil-date';
import { percentOf } from './subsidy';

/** Without a usual low price for the band, a price under ¥100 needs a reason. */
export const DEFAULT_PRICE_FLOOR_FEN = 100_00;
/** An invoice comes at most this many days after the purchase. */
export const INVOICE_AFTER_PURCHASE_DAYS = 30;

/** The price below which a purchase needs a reason: a share of the band's usual low price, or ¥100. */
export function priceFloorFen(priceLowFen: number | null, percent: number): number {
  return priceLowFen !== null && priceLowFen > 0 ? percentOf(priceLowFen, percent) : DEFAULT_PRICE_FLOOR_FEN;
}

export interface DateIssue {
  path: string;
  message: string;
}

/** Purchase and invoice dates: real (checked by the schema), not after `today`, in a sane order. */
export function purchaseDateIssues(v: { purchaseDate: string; invoiceDate: string }, today?: string): DateIssue[] {
  const out: DateIssue[] = [];
  if (today && v.purchaseDate > today) out.push({ path: 'purchaseDate', message: `购机日期不能晚于今天（${today}）` });
  if (today && v.invoiceDate > today) out.push({ path: 'invoiceDate', message: `开票日期不能晚于今天（${today}）` });
  if (v.invoiceDate < v.purchaseDate) out.push({ path: 'invoiceDate', message: '开票日期不能早于购机日期' });
  else if (v.invoiceDate > addDays(v.purchaseDate, INVOICE_AFTER_PURCHASE_DAYS)) {
    out.push({ path: 'invoiceDate', message: `开票日期不能晚于购机日期${INVOICE_AFTER_PURCHASE_DAYS}天以上，请核对` });
  }
  return out;
}

/** Why a subsidy cannot be paid on a price (the subsidy may never exceed the price), or undefined. */
export function subsidyOverPrice(totalFen: number, priceFen: number): string | undefined {
  return totalFen > priceFen
    ? `补贴合计（${(totalFen / 100).toFixed(2)} 元）超过售价（${(priceFen / 100).toFixed(2)} 元），请核对售价`
    : undefined;
}
