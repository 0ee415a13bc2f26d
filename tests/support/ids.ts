import { residentIdCheckChar } from '../../shared/domain/idcard';

/** Guan County's division code: the area part of the ID numbers the tests register. */
export const AREA = '371525';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_BIRTH = Date.UTC(1940, 0, 1);
/** Birth dates cycle through this many consecutive days (1940-01-01 … 2008-06), then the sequence number moves on. */
const BIRTH_DAYS = 25_000;

/** A valid 18-character resident ID: area + YYYYMMDD + 3-digit sequence + check char. */
export function residentId(birthDate: string, sequence: number, area: string = AREA): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new RangeError(`birthDate must be YYYY-MM-DD: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError(`sequence must be 0-999: ${sequence}`);
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** The n-th of a long run of distinct valid IDs (n from 0 to about 25 million), with its birth date. */
export function nthResidentId(n: number): { idNumber: string; birthDate: string } {
  if (!Number.isInteger(n) || n < 0 || n >= BIRTH_DAYS * 999) throw new RangeError(`n out of range: ${n}`);
  const birthDate = new Date(FIRST_BIRTH + (n % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10);
  const sequence = 1 + Math.floor(n / BIRTH_DAYS);
  return { idNumber: residentId(birthDate, sequence), birthDate };
}

/** A valid mobile number: 138 + n as 8 digits, or 139 + 0000 + `tail` (4 digits) when given. */
export function mobile(n: number, tail?: string): string {
  if (tail !== undefined) return `1390000${tail.padStart(4, '0')}`;
  return `138${String(n % 100_000_000).padStart(8, '0')}`;
}

/** The first valid ID with this sequence number whose last four characters are `tail` (e.g. "0012"), born from 1960 on. */
export function residentIdEndingWith(tail: string): { idNumber: string; birthDate: string } {
  const sequence = Number(tail.slice(0, 3));
  for (let day = 0; day < 10_000; day++) {
    const birthDate = new Date(Date.UTC(1960, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
    const idNumber = residentId(birthDate, sequence);
    if (idNumber.endsWith(tail)) return { idNumber, birthDate };
  }
  throw new RangeError(`no ID ends with ${tail}`);
}

/** `prefix` plus its Luhn check digit: a bank card number parseBankCard accepts (prefix of 15-18 digits). */
export function bankCard(prefix: string): string {
  let sum = 0;
  let double = true; // the check digit will sit at the right, so the prefix's last digit is doubled
  for (let i = prefix.length - 1; i >= 0; i--) {
    let d = prefix.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return prefix + String((10 - (sum % 10)) % 10);
}
