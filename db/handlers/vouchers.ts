import type { ServiceContext } from '../context';
import * as vouchers from '../services/vouchers';
import * as prints from '../services/voucher-prints';
import { logAccess } from '../services/access-log';
import type { AreaHandlers } from './types';

export const vouchersHandlers = (ctx: ServiceContext): AreaHandlers<'vouchers'> => ({
  'vouchers.issue': (input) => vouchers.issueVoucher(ctx, input),
  'vouchers.get': (input) => {
    const voucher = vouchers.getVoucher(ctx, input.id);
    logAccess(ctx, {
      entity: 'voucher',
      entityId: voucher.id,
      farmerId: voucher.farmerId,
      purpose: `补贴凭证 ${voucher.number}（存根联完整证件号、银行卡号）`,
    });
    return voucher;
  },
  'vouchers.list': (input) => vouchers.listVouchers(ctx, input),
  'vouchers.void': (input) => vouchers.voidVoucher(ctx, input),
  'vouchers.recordPrint': (input) => prints.recordPrint(ctx, input),
  'vouchers.markPrintFailed': (input) => prints.markPrintFailed(ctx, input),
  'vouchers.verify': (input) => vouchers.verifyVoucher(ctx, input),
});
