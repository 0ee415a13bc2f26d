import type { ServiceContext } from '../context';
import { listAccessLog } from '../services/access-log';
import { listAuditEntries } from '../services/audit';
import { verifyAuditChain } from '../services/audit-verify';
import type { AreaHandlers } from './types';

export const auditHandlers = (ctx: ServiceContext): AreaHandlers<'audit'> => ({
  'audit.list': (input) => listAuditEntries(ctx, input),
  'audit.accessLog': (input) => listAccessLog(ctx, input),
  'audit.verify': () => verifyAuditChain(ctx),
});
