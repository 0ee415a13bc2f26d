/** Display masking of personal data (ID numbers, phones, bank cards, names). */

type Maybe = string | null | undefined;

function stars(n: number): string {
  return n > 0 ? '*'.repeat(n) : '';
}

/**
 * ID number / USCC: 18+ chars keep the first 6 and last 4 ("371525********0012");
 * 5-17 chars keep only the last 4; 1-4 chars are fully masked.
 */
export function maskIdNumber(value: Maybe): string {
  const s = (value ?? '').trim();
  if (s.length === 0) return '';
  if (s.length >= 18) return s.slice(0, 6) + stars(s.length - 10) + s.slice(-4);
  if (s.length > 4) return stars(s.length - 4) + s.slice(-4);
  return stars(s.length);
}

/**
 * Phone: keep the first 3 and last 4 ("13812345678" -> "138****5678");
 * 5-7 chars keep only the last 4; 1-4 chars are fully masked.
 */
export function maskPhone(value: Maybe): string {
  const s = (value ?? '').trim();
  if (s.length === 0) return '';
  if (s.length >= 8) return s.slice(0, 3) + stars(s.length - 7) + s.slice(-4);
  if (s.length > 4) return stars(s.length - 4) + s.slice(-4);
  return stars(s.length);
}

/** Bank card: "**** " + last 4 digits ("6222021234567890123" -> "**** 0123"). */
export function maskBankCard(value: Maybe): string {
  const digits = (value ?? '').replace(/\D/g, '');
  if (digits.length === 0) return '';
  if (digits.length <= 4) return '****';
  return `**** ${digits.slice(-4)}`;
}

/**
 * Person or organisation name: 1 char unchanged, 2 chars "张*",
 * 3+ chars keep first and last with one star per hidden char ("张三明" -> "张*明").
 * Works on code points, so rare characters outside the BMP count as one char.
 */
export function maskName(value: Maybe): string {
  const chars = Array.from((value ?? '').trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return chars[0] as string;
  if (chars.length === 2) return `${chars[0] as string}*`;
  return (chars[0] as string) + stars(chars.length - 2) + (chars[chars.length - 1] as string);
}

/** A buyer's name as the public notice prints it: people masked (张*明, 张*), organisations in full. */
export function noticeName(name: Maybe, isOrganisation: boolean): string {
  return isOrganisation ? (name ?? '').trim() : maskName(name);
}
