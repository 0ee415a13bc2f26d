import type { ServiceContext } from '../context';
import * as targets from '../services/targets';
import type { AreaHandlers } from './types';

export const targetsHandlers = (ctx: ServiceContext): AreaHandlers<'targets'> => ({
  'targets.get': (input) => targets.getTargets(ctx, input),
  'targets.set': (input) => targets.setTargets(ctx, input),
  'targets.apportion': (input) => targets.apportionTargets(ctx, input),
});
