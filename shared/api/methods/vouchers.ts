import {
  issueInput,
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
import { methods } from '../method-spec';

export const vouchersMethods = methods({
  'vouchers.issue': { input: issueInput, output: voucher, writes: true, roles: ['station'] },
  'vouchers.get': { input: voucherGetInput, output: voucher },
  'vouchers.list': { input: voucherListInput, output: voucherPage },
  'vouchers.void': { input: voucherVoidInput, output: voucher, writes: true, roles: ['station'] },
  'vouchers.recordPrint': { input: recordPrintInput, output: recordPrintOutput, writes: true, roles: ['station'] },
  'vouchers.verify': { input: verifyInput, output: verifyOutput },
});
