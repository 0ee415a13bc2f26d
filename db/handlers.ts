import type { Handlers } from '../shared/api/dispatch';
import type { ServiceContext } from './context';
import { auditHandlers } from './handlers/audit';
import { farmersHandlers } from './handlers/farmers';
import { settingsHandlers } from './handlers/settings';

/** Contract method → service call, one file per area. The `Handlers` type fails to compile when a method has no entry. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...farmersHandlers(ctx),
    ...auditHandlers(ctx),
  };
}
