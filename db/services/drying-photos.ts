import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { SitePhoto } from '../../shared/schemas/drying-photos';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/scraps';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as photos from '../repositories/drying-photos';
import { getSite } from '../repositories/drying-sites';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Site photos live beside the database: <data folder>/photos/drying/<site id>/<sha256>.<ext>. */
function photoRoot(ctx: ServiceContext): string {
  return resolve(dirname(ctx.dbPath), 'photos', 'drying');
}

export const toSitePhoto = (r: photos.SitePhotoRow): SitePhoto => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  mime: r.mime,
  createdAt: r.created_at,
});

/** The first bytes of the formats we accept, so a renamed file is not stored as a photo. */
function sniff(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

export function addSitePhoto(
  ctx: ServiceContext,
  input: { siteId: string; kind: photos.SitePhotoRow['kind']; fileName: string; mime: string; base64: string },
): SitePhoto {
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) throw AppError.field('VALIDATION', ['base64'], '照片为空或超过 15 MB');
  const mime = sniff(bytes);
  if (!mime) throw AppError.field('VALIDATION', ['base64'], '文件不是 JPG、PNG 或 WebP 图片');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const site = getSite(ctx.db, input.siteId);
    if (!site) throw new AppError('NOT_FOUND', '未找到该烘干设施');
    requireOwnRow(installation, site, '烘干设施');
    if (site.voided_at) throw new AppError('FORBIDDEN', '已作废的烘干设施不能再添加照片');
    if (photos.findSitePhotoBySha(ctx.db, site.id, sha256)) throw new AppError('CONFLICT', '这张照片已经上传过');
    const stored = join(site.id, `${sha256}.${EXT[mime]}`);
    const file = join(photoRoot(ctx), stored);
    mkdirSync(dirname(file), { recursive: true });
    // content-addressed: a rolled-back insert leaves at most an identical, unreferenced file
    writeFileSync(file, bytes);
    const at = isoNow(ctx);
    const row: photos.SitePhotoRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      site_id: site.id,
      kind: input.kind,
      file_name: input.fileName,
      stored_path: stored.split(sep).join('/'),
      sha256,
      size_bytes: bytes.length,
      mime,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    };
    photos.insertSitePhoto(ctx.db, row);
    const after = toSitePhoto(row);
    writeAudit(ctx, installation, { method: 'drying.sites.addPhoto', entity: 'drying_site', entityId: site.id, before: null, after });
    return after;
  });
}

/** A photo's bytes, with whether they still match the SHA-256 recorded when it was stored. */
export function readSitePhoto(ctx: ServiceContext, id: string) {
  const row = photos.getSitePhoto(ctx.db, id);
  if (!row || row.voided_at) throw new AppError('NOT_FOUND', '未找到该照片');
  const root = photoRoot(ctx);
  const file = resolve(root, row.stored_path);
  if (relative(root, file).startsWith('..')) throw new AppError('FORBIDDEN', '照片路径无效');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', '照片文件已丢失，请重新上传');
  }
  const verified = createHash('sha256').update(bytes).digest('hex') === row.sha256;
  return { id: row.id, mime: row.mime, base64: bytes.toString('base64'), sha256: row.sha256, verified };
}
