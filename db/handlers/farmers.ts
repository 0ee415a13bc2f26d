import type { ServiceContext } from '../context';
import * as farmers from '../services/farmers';
import { logAccess } from '../services/access-log';
import type { AreaHandlers } from './types';

export const farmersHandlers = (ctx: ServiceContext): AreaHandlers<'farmers'> => ({
  'farmers.create': (input) => farmers.createFarmer(ctx, input),
  'farmers.update': (input) => farmers.updateFarmer(ctx, input),
  'farmers.void': (input) => farmers.voidFarmer(ctx, input),
  'farmers.get': (input) => {
    const farmer = farmers.getFarmer(ctx, input.id);
    logAccess(ctx, { entity: 'farmer', entityId: farmer.id, farmerId: farmer.id, purpose: '农户详情（完整身份证号、电话、银行卡号）' });
    return farmer;
  },
  'farmers.search': (input) => farmers.searchFarmers(ctx, input),
});
