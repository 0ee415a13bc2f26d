import type { ServiceContext } from '../context';
import { exportProgressReport } from '../services/progress-report';
import type { AreaHandlers } from './types';

export const reportsHandlers = (ctx: ServiceContext): AreaHandlers<'reports'> => ({
  'reports.exportXlsx': (input) => exportProgressReport(ctx, input),
});
