import type { ServiceContext } from '../context';
import * as ledger from '../ledger-import/service';
import { startWorkbookExport } from '../services/export-job';
import type { AreaHandlers } from './types';

export const ledgerImportsHandlers = (ctx: ServiceContext): AreaHandlers<'ledgerImports'> => ({
  'ledgerImports.preview': (input) => ledger.startPreview(ctx, input),
  'ledgerImports.commit': (input) => ledger.startCommit(ctx, input),
  'ledgerImports.list': () => ledger.listImports(ctx),
  'ledgerImports.undo': (input) => ledger.undoImport(ctx, input),
  'ledgerImports.report': (input) => startWorkbookExport(ctx, 'ledgerImports.report', ledger.importReport(ctx, input.id)),
});
