import type { ServiceContext } from '../context';
import type { AreaHandlers } from './types';

export const jobsHandlers = (ctx: ServiceContext): AreaHandlers<'jobs'> => ({
  'jobs.get': (input) => ctx.jobs.get(input.id),
  'jobs.cancel': (input) => ctx.jobs.cancel(input.id),
});
