import { apportionInput, apportionOutput, targetsGetInput, targetsSetInput, targetsView } from '../../schemas/targets';
import { methods } from '../method-spec';

export const targetsMethods = methods({
  'targets.get': { input: targetsGetInput, output: targetsView },
  'targets.set': { input: targetsSetInput, output: targetsView, writes: true, roles: ['county'] },
  /** A proposed split of the county targets among the townships; nothing is written until targets.set. */
  'targets.apportion': { input: apportionInput, output: apportionOutput, roles: ['county'] },
});
