import type { ServiceContext } from '../context';
import * as applications from '../services/applications';
import type { AreaHandlers } from './types';

export const applicationsHandlers = (ctx: ServiceContext): AreaHandlers<'applications'> => ({
  'applications.transition': (input) => applications.transition(ctx, input),
  'applications.todo': (input) => applications.todo(ctx, input),
});
