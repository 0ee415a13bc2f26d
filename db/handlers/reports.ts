import type { ServiceContext } from '../context';
import { startProgressReport } from '../services/progress-report';
import type { AreaHandlers } from './types';

export const reportsHandlers = (ctx: ServiceContext): AreaHandlers<'reports'> => ({
  'reports.exportXlsx': (input) => startProgressReport(ctx, input),
});
