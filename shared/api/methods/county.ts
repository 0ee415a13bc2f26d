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
  reportingOutput,
  resolveConflictInput,
} from '../../schemas/county';
import { noInput } from '../../schemas/common';
import { fileOutput } from '../../schemas/machines';
import { methods } from '../method-spec';

export const countyMethods = methods({
  'county.exportStation': { input: noInput, output: exportStationOutput, roles: ['station'] },
  'county.importStations': { input: importStationsInput, output: importStationsOutput, writes: true, roles: ['county'] },
  'county.imports': { input: importsInput, output: importsPage, roles: ['county'] },
  'county.conflicts': { input: conflictsInput, output: conflictsPage, roles: ['county'] },
  'county.exportConflicts': { input: exportConflictsInput, output: fileOutput, roles: ['county'] },
  'county.resolveConflict': { input: resolveConflictInput, output: conflict, writes: true, roles: ['county'] },
  'county.reporting': { input: noInput, output: reportingOutput, roles: ['county'] },
});
