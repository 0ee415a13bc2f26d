import { noInput } from '../../schemas/common';
import { importPackageInput, importPackageOutput, packageStatus, repinCountyKeyInput } from '../../schemas/county-package';
import { settings, settingsUpdateInput, setupInput, setupOutput } from '../../schemas/settings';
import { calendarYearInput, calendarYears } from '../../schemas/calendar';
import { access } from '../access';
import { methods } from '../method-spec';

export const settingsMethods = methods({
  'settings.get': { input: noInput, output: settings, needsSetup: false, allow: access.public },
  'settings.setup': { input: setupInput, output: setupOutput, needsSetup: false, writes: true, allow: access.public },
  'settings.importPackage': { input: importPackageInput, output: importPackageOutput, writes: true, allow: access.stationHead },
  'settings.repinCountyKey': { input: repinCountyKeyInput, output: importPackageOutput, writes: true, allow: access.stationHead },
  'settings.packageStatus': { input: noInput, output: packageStatus, allow: access.anyone },
  'settings.calendar': { input: noInput, output: calendarYears, allow: access.anyone },
  'settings.addCalendarYear': { input: calendarYearInput, output: calendarYears, writes: true, allow: access.admins },
  'settings.update': { input: settingsUpdateInput, output: settings, writes: true, allow: access.admins },
});
