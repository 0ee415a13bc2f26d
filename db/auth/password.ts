import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password and recovery-code hashes: scrypt (memory-hard) with a per-hash random salt; the cost parameters
 * are stored in each hash ("scrypt$ln=15,r=8,p=1$salt$hash") so they can be raised later without breaking
 * old hashes. Never a plain or fast hash.
 */
export interface ScryptParams {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

const maxmem = (p: ScryptParams) => 256 * 2 ** p.ln * p.r + 1024 * 1024;

function derive(secret: string, salt: Buffer, p: ScryptParams): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, KEY_LENGTH, { N: 2 ** p.ln, r: p.r, p: p.p, maxmem: maxmem(p) });
}

export function hashSecret(secret: string, params: ScryptParams = DEFAULT_PARAMS): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = derive(secret, salt, params);
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export function parseHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const m = FORMAT.exec(stored);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.ln < 10 || params.ln > 22 || params.r < 1 || params.p < 1) return null;
  return { params, salt: Buffer.from(m[4] ?? '', 'base64'), hash: Buffer.from(m[5] ?? '', 'base64') };
}

/** Constant-time check of a secret against a stored hash; a malformed hash never matches. */
export function verifySecret(secret: string, stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = derive(secret, parsed.salt, parsed.params);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

let dummy: string | undefined;
/** A hash to compare against when the login does not exist, so timing does not tell whether it does. */
export function dummyHash(): string {
  dummy ??= hashSecret(randomBytes(16).toString('hex'));
  return dummy;
}

/** The one-time recovery code: 4 groups of 5 characters without look-alikes (0/O, 1/I/L), e.g. 7KQ3M-… */
export function newRecoveryCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Recovery codes are compared without dashes, spaces or case. */
export const normaliseRecoveryCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();
