import type { ServiceContext } from '../context';
import { exportPaymentList } from '../services/payments-list';
import type { AreaHandlers } from './types';

export const paymentsHandlers = (ctx: ServiceContext): AreaHandlers<'payments'> => ({
  'payments.exportList': (input) => exportPaymentList(ctx, input),
});
