import {
  catalogBandWithVersion,
  catalogExportInput,
  catalogGetBandInput,
  catalogImportInput,
  catalogImportReport,
  catalogList,
  catalogListInput,
  catalogPickBandInput,
  catalogPickBandResult,
  exportedFile,
} from '../../schemas/catalog-api';
import { methods } from '../method-spec';

/** The subsidy catalogue (补贴额一览表). Stations and the county both import the province's table. */
export const catalogMethods = methods({
  'catalog.list': { input: catalogListInput, output: catalogList },
  'catalog.pickBand': { input: catalogPickBandInput, output: catalogPickBandResult },
  'catalog.getBand': { input: catalogGetBandInput, output: catalogBandWithVersion },
  'catalog.import': { input: catalogImportInput, output: catalogImportReport, writes: true },
  'catalog.export': { input: catalogExportInput, output: exportedFile },
});
