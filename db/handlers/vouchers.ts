import type { ServiceContext } from '../context';
import * as vouchers from '../services/vouchers';
import type { AreaHandlers } from './types';

export const vouchersHandlers = (ctx: ServiceContext): AreaHandlers<'vouchers'> => ({
  'vouchers.issue': (input) => vouchers.issueVoucher(ctx, input),
  'vouchers.get': (input) => vouchers.getVoucher(ctx, input.id),
  'vouchers.list': (input) => vouchers.listVouchers(ctx, input),
  'vouchers.void': (input) => vouchers.voidVoucher(ctx, input),
  'vouchers.recordPrint': (input) => vouchers.recordPrint(ctx, input),
  'vouchers.verify': (input) => vouchers.verifyVoucher(ctx, input),
});
