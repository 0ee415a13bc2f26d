import { z } from '../../shared/api/zod-locale';

export const EXPORT_FORMAT = 'agri-station-export';
export const MANIFEST_TABLE = 'export_manifest';
export const MANIFEST_DDL = `CREATE TABLE ${MANIFEST_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`;

const isoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);

/**
 * What a station file says about itself (format 2: signed; format 3: also signs the photo list). Every key/value except `signature` is
 * signed by the station key (see signature.ts); the county checks the signature first, then the
 * contents against it. Unknown keys are refused.
 */
export const manifestSchema = z
  .strictObject({
  format: z.literal(EXPORT_FORMAT),
  // 3: carries photos (export_photos) and signs their list; 2: earlier files, without photos
  format_version: z.enum(['2', '3']),
  station_id: z.uuid(),
  township_code: z.string().regex(/^\d{9}$/),
  township_name: z.string().max(20),
  schema_version: z.coerce.number().int().min(1),
  exported_at: isoUtc,
  exported_by: z.string().max(20),
  row_counts: z.string().max(2000),
  data_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  history_length: z.coerce.number().int().min(0),
  history_head: z.string().regex(/^[0-9a-f]{64}$/),
  public_key: z.string().regex(/^[A-Za-z0-9+/]{40,120}={0,2}$/),
  signature: z.string().max(200),
  photo_count: z.coerce.number().int().min(0).optional(),
  photo_bytes: z.coerce.number().int().min(0).optional(),
  photos_sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
})
  .refine((m) => (m.format_version === '3') === (m.photo_count !== undefined && m.photo_bytes !== undefined && m.photos_sha256 !== undefined), {
    message: '照片清单与文件格式版本不符',
    path: ['format_version'],
  });
export type Manifest = z.output<typeof manifestSchema>;
