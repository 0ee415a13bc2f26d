import { apportionInput, apportionOutput, targetsGetInput, targetsSetInput, targetsView } from '../../schemas/targets';
import { access } from '../access';
import { methods } from '../method-spec';

export const targetsMethods = methods({
  'targets.get': { input: targetsGetInput, output: targetsView, allow: access.anyone },
  'targets.set': { input: targetsSetInput, output: targetsView, writes: true, allow: access.countyAdmin },
  /** A proposed split of the county targets among the townships; nothing is written until targets.set. */
  'targets.apportion': { input: apportionInput, output: apportionOutput, allow: access.county },
});
