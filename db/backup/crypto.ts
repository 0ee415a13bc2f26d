import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { deriveMaster, fileKey, keyCheck, sameCheck, type KdfParams } from './keys';

/**
 * The encrypted copy (`.agribak`), streamed so a large file never sits in memory:
 *   "NJBTBAK1" | u32 header length | header JSON (scrypt parameters and salt, file salt, key check, chunk size)
 *   then frames: u8 final | u32 ciphertext length | ciphertext | 16-byte GCM tag.
 * Each frame is its own AES-256-GCM message: nonce = its index; additional data = SHA-256 of the header
 * bytes, the index and the final flag. So a changed header or byte, frames swapped, dropped or cut off,
 * or bytes after the last frame are all refused.
 */
const MAGIC = Buffer.from('NJBTBAK1', 'latin1');
const CHUNK = 1 << 20;
const MAX_HEADER = 4096;

const header = z.object({
  format: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(1024)
      .max(1 << 20),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().max(64),
  }),
  fileSalt: z.string().max(64),
  check: z.string().max(64),
  chunkSize: z
    .number()
    .int()
    .min(16)
    .max(16 << 20),
  createdAt: z.string().max(40),
});
type Header = z.infer<typeof header>;

export const WRONG_PASSWORD = '备份密码不正确，无法打开这份加密备份';
export const TAMPERED = '加密备份已损坏或被改动（校验未通过），已拒绝';
export const TRUNCATED = '加密备份不完整（文件被截断，可能复制未完成），已拒绝';
export const NOT_OURS = '不是本软件的加密备份文件';

const refuse = (message: string) => new AppError('VALIDATION', message, { details: { backup: 'refused' } });

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function aad(headerDigest: Buffer, index: number, final: boolean): Buffer {
  const b = Buffer.alloc(41);
  headerDigest.copy(b, 0);
  b.writeBigUInt64BE(BigInt(index), 32);
  b[40] = final ? 1 : 0;
  return b;
}

function readFully(fd: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, null);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

export type Tick = (done: number) => Promise<void>;

/** Encrypts `src` into `dest` (created; the caller renames it into place). The master key comes from the stored key. */
export async function encryptFile(
  src: string,
  dest: string,
  master: Buffer,
  kdf: KdfParams,
  createdAt: string,
  tick: Tick = async () => undefined,
): Promise<void> {
  const fileSalt = randomBytes(16);
  const h: Header = {
    format: 1,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt },
    fileSalt: fileSalt.toString('base64'),
    check: keyCheck(master, fileSalt),
    chunkSize: CHUNK,
    createdAt,
  };
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const prefix = Buffer.concat([MAGIC, len, json]);
  const digest = createHash('sha256').update(prefix).digest();
  const key = fileKey(master, fileSalt);
  const input = openSync(src, 'r');
  const output = openSync(dest, 'wx');
  try {
    writeSync(output, prefix);
    let index = 0;
    let done = 0;
    let current = readFully(input, CHUNK);
    for (;;) {
      const next = current.length === CHUNK ? readFully(input, CHUNK) : Buffer.alloc(0);
      const final = next.length === 0;
      const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
      cipher.setAAD(aad(digest, index, final));
      const ct = Buffer.concat([cipher.update(current), cipher.final()]);
      const frameHead = Buffer.alloc(5);
      frameHead[0] = final ? 1 : 0;
      frameHead.writeUInt32BE(ct.length, 1);
      writeSync(output, Buffer.concat([frameHead, ct, cipher.getAuthTag()]));
      done += current.length;
      index++;
      await tick(done);
      if (final) break;
      current = next;
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

/** Reads and checks an encrypted copy's header; says whether the password is right before any data is read. */
function openHeader(fd: number, secret: Secret): { h: Header; digest: Buffer; key: Buffer } {
  const start = readFully(fd, 12);
  if (start.length < 12 || !start.subarray(0, 8).equals(MAGIC)) throw refuse(NOT_OURS);
  const length = start.readUInt32BE(8);
  if (length > MAX_HEADER) throw refuse(TAMPERED);
  const json = readFully(fd, length);
  if (json.length < length) throw refuse(TRUNCATED);
  let h: Header;
  try {
    h = header.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw refuse(TAMPERED);
  }
  const fileSalt = Buffer.from(h.fileSalt, 'base64');
  const master = 'master' in secret ? secret.master : deriveMaster(secret.password, h.kdf);
  if (!sameCheck(keyCheck(master, fileSalt), h.check)) throw refuse(WRONG_PASSWORD);
  const digest = createHash('sha256')
    .update(Buffer.concat([start, json]))
    .digest();
  return { h, digest, key: fileKey(master, fileSalt) };
}

/** The password (restore, CLI) or the stored key (checking a copy just written). */
export type Secret = { password: string } | { master: Buffer };

/**
 * Decrypts `src` into `dest` (created; null only checks), returning the plaintext's SHA-256; throws a clear
 * Chinese refusal for a wrong password, tampering or truncation.
 */
export async function decryptFile(
  src: string,
  dest: string | null,
  secret: Secret,
  tick: Tick = async () => undefined,
): Promise<{ createdAt: string; sha256: string }> {
  const input = openSync(src, 'r');
  const output = dest === null ? null : openSync(dest, 'wx');
  const hash = createHash('sha256');
  try {
    const { h, digest, key } = openHeader(input, secret);
    let done = 0;
    for (let index = 0; ; index++) {
      const head = readFully(input, 5);
      if (head.length === 0) throw refuse(TRUNCATED);
      if (head.length < 5 || head[0]! > 1) throw refuse(head.length < 5 ? TRUNCATED : TAMPERED);
      const final = head[0] === 1;
      const ctLength = head.readUInt32BE(1);
      if (ctLength > h.chunkSize) throw refuse(TAMPERED);
      const body = readFully(input, ctLength + 16);
      if (body.length < ctLength + 16) throw refuse(TRUNCATED);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
      decipher.setAAD(aad(digest, index, final));
      decipher.setAuthTag(body.subarray(ctLength));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body.subarray(0, ctLength)), decipher.final()]);
      } catch {
        throw refuse(TAMPERED);
      }
      if (output !== null) writeSync(output, plain);
      hash.update(plain);
      done += plain.length;
      await tick(done);
      if (final) break;
    }
    if (readFully(input, 1).length > 0) throw refuse(TAMPERED);
    if (output !== null) fsyncSync(output);
    return { createdAt: h.createdAt, sha256: hash.digest('hex') };
  } finally {
    closeSync(input);
    if (output !== null) closeSync(output);
  }
}
