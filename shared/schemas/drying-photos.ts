import { z } from '../api/zod-locale';
import { isoDateTime, requiredText, uuid } from './common';
import { MAX_PHOTO_BYTES } from './scraps';

export const SITE_PHOTO_KINDS = ['site', 'equipment', 'document', 'other'] as const;
export const SITE_PHOTO_KIND_LABELS: Record<(typeof SITE_PHOTO_KINDS)[number], string> = {
  site: '场地/厂房',
  equipment: '烘干设备',
  document: '规划文件/批复',
  other: '其他',
};

export const sitePhoto = z.object({
  id: uuid,
  kind: z.enum(SITE_PHOTO_KINDS),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  createdAt: isoDateTime,
});
export type SitePhoto = z.output<typeof sitePhoto>;

export const sitePhotoAddInput = z.strictObject({
  siteId: uuid,
  kind: z.enum(SITE_PHOTO_KINDS, { error: '请选择照片类别' }),
  fileName: requiredText(120, '文件名'),
  mime: z.enum(['image/jpeg', 'image/png'], { error: '只接受 JPG 或 PNG 图片' }),
  base64: z
    .string()
    .min(1, '照片为空')
    .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, '照片不能超过 15 MB'),
});
export const sitePhotoGetInput = z.strictObject({ id: uuid });
export const sitePhotoData = z.object({ id: uuid, mime: z.string(), base64: z.string(), sha256: z.string(), verified: z.boolean() });
