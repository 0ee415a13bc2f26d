import { z } from '../api/zod-locale';

/** What a record's detail says when it came from a station's old Excel ledger (台账导入): where from, and its flags. */
export const LEDGER_SOURCE_LABEL = '来源：历史台账导入';

export const ledgerSource = z.object({
  importId: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  /** The row number in the sheet (as Excel numbers it). */
  row: z.number().int(),
  /** What needed attention when it was imported (e.g. the ledger's amount differs from the catalogue's). */
  flags: z.array(z.string()),
});
export type LedgerSource = z.output<typeof ledgerSource>;
