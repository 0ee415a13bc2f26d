import type { ServiceContext } from '../context';
import { exportPurchases } from '../services/ledger-export';
import * as purchases from '../services/purchases';
import type { AreaHandlers } from './types';

export const purchasesHandlers = (ctx: ServiceContext): AreaHandlers<'purchases'> => ({
  'purchases.create': (input) => purchases.createPurchase(ctx, input),
  'purchases.update': (input) => purchases.updatePurchase(ctx, input),
  'purchases.get': (input) => purchases.getPurchase(ctx, input.id),
  'purchases.list': (input) => purchases.listPurchases(ctx, input),
  'purchases.exportXlsx': (input) => exportPurchases(ctx, input),
});
