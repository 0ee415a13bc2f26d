import { z } from '../../shared/api/zod-locale';

export const EXPORT_FORMAT = 'agri-station-export';
export const MANIFEST_TABLE = 'export_manifest';
export const MANIFEST_DDL = `CREATE TABLE ${MANIFEST_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`;

/** What a station file says about itself; checked against its contents on import. */
export const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  format_version: z.literal('1'),
  station_id: z.uuid(),
  township_code: z.string().regex(/^\d{9}$/),
  township_name: z.string().max(20),
  schema_version: z.coerce.number().int().min(1),
  exported_at: z.string().max(40),
  exported_by: z.string().max(20),
  row_counts: z.string().max(2000),
  data_sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Manifest = z.output<typeof manifestSchema>;
