import { jobStatus } from '../../schemas/jobs';
import { ledgerExportInput, ledgerListInput } from '../../schemas/machines';
import { purchase, purchaseGetInput, purchaseInput, purchasePage, purchaseUpdateInput } from '../../schemas/purchases';
import { access } from '../access';
import { methods } from '../method-spec';

export const purchasesMethods = methods({
  'purchases.create': { input: purchaseInput, output: purchase, writes: true, allow: access.station },
  'purchases.update': { input: purchaseUpdateInput, output: purchase, writes: true, allow: access.station },
  'purchases.get': { input: purchaseGetInput, output: purchase, allow: access.anyone },
  'purchases.list': { input: ledgerListInput, output: purchasePage, allow: access.anyone },
  'purchases.exportXlsx': { input: ledgerExportInput, output: jobStatus, allow: access.anyone },
});
