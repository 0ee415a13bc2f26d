import type { ServiceContext } from '../context';
import { checkMachine } from '../county-package/check';
import type { AreaHandlers } from './types';

export const machineIndexHandlers = (ctx: ServiceContext): AreaHandlers<'machineIndex'> => ({
  'machineIndex.check': (input) => checkMachine(ctx, input),
});
