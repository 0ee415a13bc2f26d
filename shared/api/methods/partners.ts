import { partner, partnerInput, partnerList, partnerListInput, partnerVoidInput } from '../../schemas/partners';
import { access } from '../access';
import { methods } from '../method-spec';

export const partnersMethods = methods({
  'partners.list': { input: partnerListInput, output: partnerList, allow: access.anyone },
  'partners.create': { input: partnerInput, output: partner, writes: true, allow: access.station },
  'partners.void': { input: partnerVoidInput, output: partner, writes: true, allow: access.station },
});
