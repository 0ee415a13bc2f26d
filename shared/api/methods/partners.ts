import { partner, partnerInput, partnerList, partnerListInput, partnerVoidInput } from '../../schemas/partners';
import { methods } from '../method-spec';

export const partnersMethods = methods({
  'partners.list': { input: partnerListInput, output: partnerList },
  'partners.create': { input: partnerInput, output: partner, writes: true, roles: ['station'] },
  'partners.void': { input: partnerVoidInput, output: partner, writes: true, roles: ['station'] },
});
