import type { ServiceContext } from '../context';
import * as progress from '../services/progress';
import type { AreaHandlers } from './types';

export const progressHandlers = (ctx: ServiceContext): AreaHandlers<'progress'> => ({
  'progress.summary': (input) => progress.progressSummary(ctx, input),
  'progress.byTownship': (input) => progress.progressByTownship(ctx, input),
  'progress.monthly': (input) => progress.progressMonthly(ctx, input),
});
