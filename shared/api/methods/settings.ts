import { noInput } from '../../schemas/common';
import { setOperatorInput, settings, setupInput } from '../../schemas/settings';
import { methods } from '../method-spec';

export const settingsMethods = methods({
  'settings.get': { input: noInput, output: settings, needsSetup: false },
  'settings.setup': { input: setupInput, output: settings, needsSetup: false, writes: true },
  'settings.setOperator': { input: setOperatorInput, output: settings, writes: true },
});
