import {
  issueInput,
  markPrintFailedInput,
  recordPrintInput,
  recordPrintOutput,
  verifyInput,
  verifyOutput,
  voucher,
  voucherGetInput,
  voucherListInput,
  voucherPage,
  voucherVoidInput,
} from '../../schemas/vouchers';
import { access } from '../access';
import { methods } from '../method-spec';

export const vouchersMethods = methods({
  'vouchers.issue': { input: issueInput, output: voucher, writes: true, allow: access.station },
  'vouchers.get': { input: voucherGetInput, output: voucher, allow: access.anyone },
  'vouchers.list': { input: voucherListInput, output: voucherPage, allow: access.anyone },
  'vouchers.void': { input: voucherVoidInput, output: voucher, writes: true, allow: access.stationHead },
  'vouchers.recordPrint': { input: recordPrintInput, output: recordPrintOutput, writes: true, allow: access.station },
  'vouchers.markPrintFailed': { input: markPrintFailedInput, output: recordPrintOutput, writes: true, allow: access.station },
  'vouchers.verify': { input: verifyInput, output: verifyOutput, allow: access.anyone },
});
