import type { ServiceContext } from '../context';
import * as applications from '../services/applications';
import { objection } from '../services/objections';
import { pay } from '../services/payments';
import type { AreaHandlers } from './types';

export const applicationsHandlers = (ctx: ServiceContext): AreaHandlers<'applications'> => ({
  'applications.transition': (input) => applications.transition(ctx, input),
  'applications.todo': (input) => applications.todo(ctx, input),
  'applications.objection': (input) => objection(ctx, input),
  'applications.pay': (input) => pay(ctx, input),
});
