import { farmer, farmerGetInput, farmerInput, farmerPage, farmerSearchInput, farmerUpdateInput, farmerVoidInput } from '../../schemas/farmers';
import { methods } from '../method-spec';

export const farmersMethods = methods({
  'farmers.create': { input: farmerInput, output: farmer, writes: true },
  'farmers.update': { input: farmerUpdateInput, output: farmer, writes: true },
  'farmers.void': { input: farmerVoidInput, output: farmer, writes: true },
  'farmers.get': { input: farmerGetInput, output: farmer },
  'farmers.search': { input: farmerSearchInput, output: farmerPage },
});
