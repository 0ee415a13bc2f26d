import { noInput } from '../../schemas/common';
import { setOperatorInput, settings, setupInput } from '../../schemas/settings';
import { access } from '../access';
import { methods } from '../method-spec';

export const settingsMethods = methods({
  'settings.get': { input: noInput, output: settings, needsSetup: false, allow: access.public },
  'settings.setup': { input: setupInput, output: settings, needsSetup: false, writes: true, allow: access.public },
  'settings.setOperator': { input: setOperatorInput, output: settings, writes: true, allow: access.anyone },
});
