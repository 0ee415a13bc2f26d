import * as calendar from '../services/calendar';
import type { ServiceContext } from '../context';
import * as settings from '../services/settings';
import { importCountyPackage, repinCountyKey } from '../county-package/load';
import { packageStatus } from '../county-package/status';
import type { AreaHandlers } from './types';

export const settingsHandlers = (ctx: ServiceContext): AreaHandlers<'settings'> => ({
  'settings.get': () => settings.getSettings(ctx),
  'settings.setup': (input) => settings.setup(ctx, input),
  'settings.importPackage': (input) => importCountyPackage(ctx, input),
  'settings.repinCountyKey': (input) => repinCountyKey(ctx, input),
  'settings.packageStatus': () => packageStatus(ctx),
  'settings.calendar': () => calendar.listCalendar(ctx),
  'settings.addCalendarYear': (input) => calendar.addCalendarYear(ctx, input),
  'settings.update': (input) => settings.updateSettings(ctx, input),
});
