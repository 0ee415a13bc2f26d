import { z } from '../api/zod-locale';
import { STATUSES } from '../domain/workflow';
import { fen, id, opt, text, travelling } from './station-rows';

/** Where an imported record came from (来源：历史台账导入), as the county reads it from a station's file. */
export const ledgerRecordRow = z.object({
  ...travelling,
  import_id: id,
  entity: z.enum(['farmer', 'purchase', 'scrap']),
  entity_id: id,
  file_name: text(200),
  sheet: text(100),
  row_number: z.number().int().min(1).max(1_048_576),
  ledger_status: z.enum(STATUSES).nullable(),
  paid_fen: fen.nullable(),
  ledger_subsidy_fen: fen.nullable(),
  catalog_fen: fen.nullable(),
  flags_json: opt(4000),
});
