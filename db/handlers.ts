import type { Handlers } from '../shared/api/dispatch';
import type { ServiceContext } from './context';
import { applicationsHandlers } from './handlers/applications';
import { auditHandlers } from './handlers/audit';
import { catalogHandlers } from './handlers/catalog';
import { farmersHandlers } from './handlers/farmers';
import { partnersHandlers } from './handlers/partners';
import { purchasesHandlers } from './handlers/purchases';
import { scrapsHandlers } from './handlers/scraps';
import { settingsHandlers } from './handlers/settings';
import { vouchersHandlers } from './handlers/vouchers';

/** Contract method → service call, one file per area. The `Handlers` type fails to compile when a method has no entry. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...farmersHandlers(ctx),
    ...partnersHandlers(ctx),
    ...scrapsHandlers(ctx),
    ...purchasesHandlers(ctx),
    ...applicationsHandlers(ctx),
    ...vouchersHandlers(ctx),
    ...catalogHandlers(ctx),
    ...auditHandlers(ctx),
  };
}
