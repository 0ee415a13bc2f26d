import type { ServiceContext } from '../context';
import * as farmers from '../services/farmers';
import type { AreaHandlers } from './types';

export const farmersHandlers = (ctx: ServiceContext): AreaHandlers<'farmers'> => ({
  'farmers.create': (input) => farmers.createFarmer(ctx, input),
  'farmers.update': (input) => farmers.updateFarmer(ctx, input),
  'farmers.void': (input) => farmers.voidFarmer(ctx, input),
  'farmers.get': (input) => farmers.getFarmer(ctx, input.id),
  'farmers.search': (input) => farmers.searchFarmers(ctx, input),
});
