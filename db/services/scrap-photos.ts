import { AppError } from '../../shared/api/errors';
import { isoNow, writeTx, type ServiceContext } from '../context';
import * as photos from '../repositories/scrap-photos';
import { getScrap } from '../repositories/scraps';
import { writeAudit } from './audit';
import { requireInstallation, requireOwnRow } from './installation';
import { checkPhoto, readPhotoFile, storePhoto } from './photo-files';

const AREA = '';

export const toPhoto = (r: photos.PhotoRow) => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  mime: r.mime,
  createdAt: r.created_at,
});

export function addPhoto(
  ctx: ServiceContext,
  input: { scrapId: string; kind: photos.PhotoRow['kind']; fileName: string; mime: string; base64: string },
) {
  const photo = checkPhoto(input.base64);
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const scrap = getScrap(ctx.db, input.scrapId);
    if (!scrap) throw new AppError('NOT_FOUND', '未找到该报废登记');
    requireOwnRow(installation, scrap, '报废登记');
    if (scrap.voided_at) throw new AppError('FORBIDDEN', '已作废的报废登记不能再添加照片');
    if (photos.findPhotoBySha(ctx.db, scrap.id, photo.sha256)) throw new AppError('CONFLICT', '这张照片已经上传过');
    const storedPath = storePhoto(ctx, AREA, scrap.id, photo);
    const at = isoNow(ctx);
    const row: photos.PhotoRow = {
      id: ctx.newId(),
      station_id: installation.station_id,
      scrap_id: scrap.id,
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
    photos.insertPhoto(ctx.db, row);
    const after = toPhoto(row);
    writeAudit(ctx, installation, { method: 'scraps.addPhoto', entity: 'scrap', entityId: scrap.id, before: null, after });
    return after;
  });
}

/** A photo's bytes, with whether they still match the SHA-256 recorded when it was stored. */
export function readPhoto(ctx: ServiceContext, id: string) {
  const row = photos.getPhoto(ctx.db, id);
  if (!row || row.voided_at) throw new AppError('NOT_FOUND', '未找到该照片');
  return readPhotoFile(ctx, AREA, row);
}
