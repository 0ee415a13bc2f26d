import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/scraps';
import type { ServiceContext } from '../context';
import { PHOTO_EXT, photoProblem, sniffPhoto, type PhotoMime } from '../transfer/image-check';

/**
 * Photo files (一机一档, drying sites): kept beside the database under photos/<area>/, named by
 * their SHA-256, so a stored file is checked against its record whenever it is read back.
 */
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

function root(ctx: ServiceContext, area: string): string {
  return resolve(dirname(ctx.dbPath), 'photos', ...(area ? [area] : []));
}

/** The file of a photo stored at this installation (area '' for scraps, 'drying' for sites), or undefined outside the folder. */
export function storedPhotoPath(ctx: ServiceContext, area: string, storedPath: string): string | undefined {
  const base = root(ctx, area);
  const file = resolve(base, storedPath);
  return relative(base, file).startsWith('..') ? undefined : file;
}

/**
 * Where the county keeps a photo received in a station file: photos/received/<sha256>.<ext>, one file per
 * content however many records or stations share it. Undefined for a hash or type that cannot be stored.
 */
export function receivedPhotoPath(ctx: ServiceContext, sha256: string, mime: string): string | undefined {
  if (!/^[0-9a-f]{64}$/.test(sha256) || !(mime in PHOTO_EXT)) return undefined;
  return join(root(ctx, 'received'), `${sha256}.${PHOTO_EXT[mime as PhotoMime]}`);
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
  const problem = photoProblem(bytes);
  // JPEG/PNG with a decodable header only: the photo travels to the county, which checks the same way
  if (problem) throw AppError.field('VALIDATION', ['base64'], `照片无效：${problem}`);
  const mime = sniffPhoto(bytes) as PhotoMime;
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
    // at the county, photos that came in station files are kept once each by their SHA-256
    const received = receivedPhotoPath(ctx, row.sha256, row.mime);
    if (!received || !existsSync(received)) throw new AppError('NOT_FOUND', '照片文件已丢失，请重新上传');
    bytes = readFileSync(received);
  }
  const verified = createHash('sha256').update(bytes).digest('hex') === row.sha256;
  return { id: row.id, mime: row.mime, base64: bytes.toString('base64'), sha256: row.sha256, verified };
}
