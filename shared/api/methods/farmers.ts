import { farmer, farmerGetInput, farmerInput, farmerPage, farmerSearchInput, farmerUpdateInput, farmerVoidInput } from '../../schemas/farmers';
import { access } from '../access';
import { methods } from '../method-spec';

export const farmersMethods = methods({
  'farmers.create': { input: farmerInput, output: farmer, writes: true, allow: access.station },
  'farmers.update': { input: farmerUpdateInput, output: farmer, writes: true, allow: access.station },
  'farmers.void': { input: farmerVoidInput, output: farmer, writes: true, allow: access.station },
  'farmers.get': { input: farmerGetInput, output: farmer, allow: access.anyone },
  'farmers.search': { input: farmerSearchInput, output: farmerPage, allow: access.anyone },
});
