import type { PaymentListOutput } from '../../../../shared/schemas/payments';

/** The last exported payment list's masked lines, for its printed signature summary (no full account numbers). */
export type PaymentSummary = Omit<PaymentListOutput, 'base64'> & { noticeNumber: string };

const KEY = 'agri.paymentSummary';

export function savePaymentSummary(list: PaymentListOutput & { noticeNumber: string }): void {
  const { base64: _bytes, ...summary } = list;
  sessionStorage.setItem(KEY, JSON.stringify(summary));
}

export function loadPaymentSummary(): PaymentSummary | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as PaymentSummary) : null;
}
