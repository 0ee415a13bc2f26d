/** What a voucher's QR code carries: `GXNJ|<number>|<total in fen>|<check code>`. */
export const QR_PREFIX = 'GXNJ';
export const NUMBER_PATTERN = /^GX-\d{3}-\d{4}-\d{6}$/;

export interface VoucherQr {
  number: string;
  totalFen: number;
  checkCode: string;
}

export function formatVoucherQr(q: VoucherQr): string {
  return [QR_PREFIX, q.number, String(q.totalFen), q.checkCode].join('|');
}

/** A scanned QR payload, or null when the text is not one (a typed voucher number is handled by the caller). */
export function parseVoucherQr(text: string): VoucherQr | null {
  const parts = text.trim().split('|');
  if (parts.length !== 4 || parts[0] !== QR_PREFIX) return null;
  const [, number = '', total = '', checkCode = ''] = parts;
  if (!NUMBER_PATTERN.test(number) || !/^\d{1,15}$/.test(total) || !/^[0-9A-Z]{8}$/.test(checkCode)) return null;
  return { number, totalFen: Number(total), checkCode };
}

/** A voucher number: GX-<township code's last 3 digits>-<year>-<6-digit sequence>, e.g. GX-103-2025-000123. */
export function voucherNumber(townshipCode: string, year: number, seq: number): string {
  return `GX-${townshipCode.slice(-3)}-${year}-${String(seq).padStart(6, '0')}`;
}
