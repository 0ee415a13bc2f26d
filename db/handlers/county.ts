import type { ServiceContext } from '../context';
import * as county from '../services/county';
import { importUploadedFiles } from '../services/county-import-batch';
import { reenrollStation, stations } from '../services/county-stations';
import { exportCountyPackage } from '../county-package/export';
import type { AreaHandlers } from './types';

export const countyHandlers = (ctx: ServiceContext): AreaHandlers<'county'> => ({
  'county.exportStation': () => county.exportStation(ctx),
  'county.importStations': (input) => importUploadedFiles(ctx, input),
  'county.imports': (input) => county.listImportLog(ctx, input),
  'county.conflicts': (input) => county.listConflicts(ctx, input),
  'county.exportConflicts': () => county.exportConflicts(ctx),
  'county.resolveConflict': (input) => county.resolveConflict(ctx, input),
  'county.reporting': () => county.reporting(ctx),
  'county.stations': () => stations(ctx),
  'county.exportPackage': (input) => exportCountyPackage(ctx, input),
  'county.reenrollStation': (input) => reenrollStation(ctx, input),
});
