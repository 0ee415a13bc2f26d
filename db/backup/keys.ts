import { createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt cost: 2^15 × 8 × 128 B = 32 MB and about 0.1 s per try, which makes guessing slow. */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const MAXMEM = 128 * 1024 * 1024;

export interface KdfParams {
  N: number;
  r: number;
  p: number;
  /** base64, 16 bytes */
  salt: string;
}

/** The backup master key from the 站长's password. */
export function deriveMaster(password: string, kdf: KdfParams): Buffer {
  return scryptSync(password.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: MAXMEM });
}

export function newKdf(): KdfParams {
  return { ...SCRYPT, salt: randomBytes(16).toString('base64') };
}

/** One file's AES key: the master key stretched with the file's own salt, so no two files share a key. */
export function fileKey(master: Buffer, fileSalt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, fileSalt, 'agri-backup/v1/aes-256-gcm', 32));
}

/** A short tag of the master key: tells "wrong password" apart from "file damaged" without revealing the key. */
export function keyCheck(master: Buffer, fileSalt: Buffer): string {
  return createHmac('sha256', master).update('agri-backup/v1/check').update(fileSalt).digest().subarray(0, 16).toString('base64');
}

export function sameCheck(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  return x.length === y.length && timingSafeEqual(x, y);
}
