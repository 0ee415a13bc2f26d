import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/scraps';
import type { ServiceContext } from '../context';

/**
 * Photo files (一机一档, drying sites): kept beside the database under photos/<area>/, named by
 * their SHA-256, so a stored file is checked against its record whenever it is read back.
 */
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

function root(ctx: ServiceContext, area: string): string {
  return resolve(dirname(ctx.dbPath), 'photos', ...(area ? [area] : []));
}

/** The first bytes of the formats we accept, so a renamed file is not stored as a photo. */
function sniff(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

export interface CheckedPhoto {
  bytes: Buffer;
  mime: string;
  sha256: string;
}

/** Decodes and checks an upload before any transaction: size, real image format, hash. */
export function checkPhoto(base64: string): CheckedPhoto {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) throw AppError.field('VALIDATION', ['base64'], '照片为空或超过 15 MB');
  const mime = sniff(bytes);
  if (!mime) throw AppError.field('VALIDATION', ['base64'], '文件不是 JPG、PNG 或 WebP 图片');
  return { bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Writes the file as <owner id>/<sha256>.<ext> and returns the stored path (with /). Content-addressed:
 * a rolled-back insert leaves at most an identical, unreferenced file.
 */
export function storePhoto(ctx: ServiceContext, area: string, ownerId: string, photo: CheckedPhoto): string {
  const stored = join(ownerId, `${photo.sha256}.${EXT[photo.mime]}`);
  const file = join(root(ctx, area), stored);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, photo.bytes);
  return stored.split(sep).join('/');
}

/** A stored photo's bytes, with whether they still match the SHA-256 recorded when it was stored. */
export function readPhotoFile(ctx: ServiceContext, area: string, row: { id: string; stored_path: string; sha256: string; mime: string }) {
  const base = root(ctx, area);
  const file = resolve(base, row.stored_path);
  if (relative(base, file).startsWith('..')) throw new AppError('FORBIDDEN', '照片路径无效');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', '照片文件已丢失，请重新上传');
  }
  const verified = createHash('sha256').update(bytes).digest('hex') === row.sha256;
  return { id: row.id, mime: row.mime, base64: bytes.toString('base64'), sha256: row.sha256, verified };
}
