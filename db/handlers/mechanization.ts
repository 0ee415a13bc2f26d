import type { ServiceContext } from '../context';
import * as mechanization from '../services/mechanization';
import type { AreaHandlers } from './types';

export const mechanizationHandlers = (ctx: ServiceContext): AreaHandlers<'mechanization'> => ({
  'mechanization.save': (input) => mechanization.saveMechanization(ctx, input),
  'mechanization.summary': (input) => mechanization.mechanizationSummary(ctx, input),
});
