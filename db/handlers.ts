import type { Handlers } from '../shared/api/dispatch';
import type { ServiceContext } from './context';
import { listAuditEntries } from './services/audit';
import * as farmers from './services/farmers';
import * as settings from './services/settings';

/** Contract method → service call. The `Handlers` type fails to compile when a method has no entry. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    'settings.get': () => settings.getSettings(ctx),
    'settings.setup': (input) => settings.setup(ctx, input),
    'settings.setOperator': (input) => settings.setOperator(ctx, input),

    'farmers.create': (input) => farmers.createFarmer(ctx, input),
    'farmers.update': (input) => farmers.updateFarmer(ctx, input),
    'farmers.void': (input) => farmers.voidFarmer(ctx, input),
    'farmers.get': (input) => farmers.getFarmer(ctx, input.id),
    'farmers.search': (input) => farmers.searchFarmers(ctx, input),

    'audit.list': (input) => listAuditEntries(ctx, input),
  };
}
