import type { ServiceContext } from '../context';
import { listAccessLog } from '../services/access-log';
import { listAuditEntries } from '../services/audit';
import type { AreaHandlers } from './types';

export const auditHandlers = (ctx: ServiceContext): AreaHandlers<'audit'> => ({
  'audit.list': (input) => listAuditEntries(ctx, input),
  'audit.accessLog': (input) => listAccessLog(ctx, input),
});
