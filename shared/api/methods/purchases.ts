import { fileOutput, ledgerExportInput, ledgerListInput } from '../../schemas/machines';
import { purchase, purchaseGetInput, purchaseInput, purchasePage, purchaseUpdateInput } from '../../schemas/purchases';
import { methods } from '../method-spec';

export const purchasesMethods = methods({
  'purchases.create': { input: purchaseInput, output: purchase, writes: true, roles: ['station'] },
  'purchases.update': { input: purchaseUpdateInput, output: purchase, writes: true, roles: ['station'] },
  'purchases.get': { input: purchaseGetInput, output: purchase },
  'purchases.list': { input: ledgerListInput, output: purchasePage },
  'purchases.exportXlsx': { input: ledgerExportInput, output: fileOutput },
});
