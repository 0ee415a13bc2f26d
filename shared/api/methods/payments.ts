import { paymentListInput, paymentListOutput } from '../../schemas/payments';
import { access } from '../access';
import { methods } from '../method-spec';

export const paymentsMethods = methods({
  /** 代发清单 with full account numbers (内部资料): who exported it is audited. */
  'payments.exportList': { input: paymentListInput, output: paymentListOutput, writes: true, allow: access.stationHead },
});
