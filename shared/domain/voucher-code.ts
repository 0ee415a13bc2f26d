/**
 * What a voucher's QR code carries.
 * - Signed (since migration 012): `GXNJ2|<number>|<total in fen>|<issue date>|<buyer record id>|<Ed25519 signature, base64url>`.
 * - Old style (HMAC check code, vouchers issued before): `GXNJ|<number>|<total in fen>|<check code>`.
 */
export const QR_PREFIX = 'GXNJ';
export const QR_PREFIX_SIGNED = 'GXNJ2';
export const NUMBER_PATTERN = /^GX-\d{3}-\d{4}-\d{6}$/;

export interface VoucherQr {
  number: string;
  totalFen: number;
  checkCode: string;
}

export interface SignedVoucherQr {
  number: string;
  totalFen: number;
  issueDate: string;
  farmerId: string;
  signature: string;
}

export function formatVoucherQr(q: VoucherQr): string {
  return [QR_PREFIX, q.number, String(q.totalFen), q.checkCode].join('|');
}

export function formatSignedVoucherQr(q: SignedVoucherQr): string {
  return [QR_PREFIX_SIGNED, q.number, String(q.totalFen), q.issueDate, q.farmerId, q.signature].join('|');
}

/** An old-style QR payload, or null when the text is not one (a typed voucher number is handled by the caller). */
export function parseVoucherQr(text: string): VoucherQr | null {
  const parts = text.trim().split('|');
  if (parts.length !== 4 || parts[0] !== QR_PREFIX) return null;
  const [, number = '', total = '', checkCode = ''] = parts;
  if (!NUMBER_PATTERN.test(number) || !/^\d{1,15}$/.test(total) || !/^[0-9A-Z]{8}$/.test(checkCode)) return null;
  return { number, totalFen: Number(total), checkCode };
}

/** A signed QR payload, or null when the text is not one. */
export function parseSignedVoucherQr(text: string): SignedVoucherQr | null {
  const parts = text.trim().split('|');
  if (parts.length !== 6 || parts[0] !== QR_PREFIX_SIGNED) return null;
  const [, number = '', total = '', issueDate = '', farmerId = '', signature = ''] = parts;
  if (!NUMBER_PATTERN.test(number) || !/^\d{1,15}$/.test(total) || !/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) return null;
  if (!/^[0-9a-f-]{36}$/.test(farmerId) || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return null;
  return { number, totalFen: Number(total), issueDate, farmerId, signature };
}

/** A voucher number: GX-<township code's last 3 digits>-<year>-<6-digit sequence>, e.g. GX-103-2025-000123. */
export function voucherNumber(townshipCode: string, year: number, seq: number): string {
  return `GX-${townshipCode.slice(-3)}-${year}-${String(seq).padStart(6, '0')}`;
}
