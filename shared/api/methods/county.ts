import {
  conflict,
  conflictsInput,
  conflictsPage,
  exportConflictsInput,
  exportStationOutput,
  importsInput,
  importsPage,
  importStationsInput,
  importStationsOutput,
  reenrollStationInput,
  reportingOutput,
  resolveConflictInput,
  stationItem,
  stationsOutput,
} from '../../schemas/county';
import { noInput } from '../../schemas/common';
import { exportPackageInput, exportPackageOutput } from '../../schemas/county-package';
import { jobStatus } from '../../schemas/jobs';
import { access } from '../access';
import { methods } from '../method-spec';

export const countyMethods = methods({
  'county.exportStation': { input: noInput, output: exportStationOutput, allow: access.station },
  'county.importStations': { input: importStationsInput, output: importStationsOutput, writes: true, allow: access.county },
  'county.imports': { input: importsInput, output: importsPage, allow: access.county },
  'county.conflicts': { input: conflictsInput, output: conflictsPage, allow: access.county },
  'county.exportConflicts': { input: exportConflictsInput, output: jobStatus, allow: access.county },
  'county.resolveConflict': { input: resolveConflictInput, output: conflict, writes: true, allow: access.countyAdmin },
  'county.reporting': { input: noInput, output: reportingOutput, allow: access.county },
  'county.stations': { input: noInput, output: stationsOutput, allow: access.county },
  'county.exportPackage': { input: exportPackageInput, output: exportPackageOutput, writes: true, allow: access.countyAdmin },
  'county.reenrollStation': { input: reenrollStationInput, output: stationItem, writes: true, allow: access.countyAdmin },
});
