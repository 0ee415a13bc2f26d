import { noInput } from '../../schemas/common';
import { importPackageInput, importPackageOutput, packageStatus } from '../../schemas/county-package';
import { settings, settingsUpdateInput, setupInput, setupOutput } from '../../schemas/settings';
import { access } from '../access';
import { methods } from '../method-spec';

export const settingsMethods = methods({
  'settings.get': { input: noInput, output: settings, needsSetup: false, allow: access.public },
  'settings.setup': { input: setupInput, output: setupOutput, needsSetup: false, writes: true, allow: access.public },
  'settings.importPackage': { input: importPackageInput, output: importPackageOutput, writes: true, allow: access.stationHead },
  'settings.packageStatus': { input: noInput, output: packageStatus, allow: access.anyone },
  'settings.update': { input: settingsUpdateInput, output: settings, writes: true, allow: access.admins },
});
