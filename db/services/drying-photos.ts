import { AppError } from '../../shared/api/errors';
import type { SitePhoto } from '../../shared/schemas/drying-photos';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as photos from '../repositories/drying-photos';
import { getSite } from '../repositories/drying-sites';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';
import { checkPhoto, readPhotoFile, storePhoto } from './photo-files';

const AREA = 'drying';

export const toSitePhoto = (r: photos.SitePhotoRow): SitePhoto => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  mime: r.mime,
  createdAt: r.created_at,
});

export function addSitePhoto(
  ctx: ServiceContext,
  input: { siteId: string; kind: photos.SitePhotoRow['kind']; fileName: string; mime: string; base64: string },
): SitePhoto {
  const photo = checkPhoto(input.base64);
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const site = getSite(ctx.db, input.siteId);
    if (!site) throw new AppError('NOT_FOUND', '未找到该烘干设施');
    requireOwnRow(installation, site, '烘干设施');
    if (site.voided_at) throw new AppError('FORBIDDEN', '已作废的烘干设施不能再添加照片');
    if (photos.findSitePhotoBySha(ctx.db, site.id, photo.sha256)) throw new AppError('CONFLICT', '这张照片已经上传过');
    const storedPath = storePhoto(ctx, AREA, site.id, photo);
    const at = isoNow(ctx);
    const row: photos.SitePhotoRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      site_id: site.id,
      kind: input.kind,
      file_name: input.fileName,
      stored_path: storedPath,
      sha256: photo.sha256,
      size_bytes: photo.bytes.length,
      mime: photo.mime,
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
  return readPhotoFile(ctx, AREA, row);
}
