import { jobStatus } from '../../schemas/jobs';
import {
  ledgerCommitInput,
  ledgerImportList,
  ledgerListInput,
  ledgerPreviewInput,
  ledgerReportInput,
  ledgerUndoInput,
} from '../../schemas/ledger-import';
import { z } from '../zod-locale';
import { access } from '../access';
import { methods } from '../method-spec';

/**
 * Importing the station's old Excel ledgers (台账导入), for 站长. preview and commit start a job
 * (follow it with jobs.get): a preview's result is a LedgerPreview, a commit's a LedgerCommitResult
 * (shared/schemas/ledger-import.ts).
 */
export const ledgerImportsMethods = methods({
  'ledgerImports.preview': { input: ledgerPreviewInput, output: jobStatus, allow: access.stationHead },
  'ledgerImports.commit': { input: ledgerCommitInput, output: jobStatus, writes: true, allow: access.stationHead },
  'ledgerImports.list': { input: ledgerListInput, output: ledgerImportList, allow: access.stationHead },
  'ledgerImports.undo': {
    input: ledgerUndoInput,
    output: z.object({ id: z.string(), voided: z.number().int() }),
    writes: true,
    allow: access.stationHead,
  },
  /** The report (Excel) of a committed import: rows not imported and why, rows imported with a flag. */
  'ledgerImports.report': { input: ledgerReportInput, output: jobStatus, allow: access.stationHead },
});
