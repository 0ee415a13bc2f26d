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
} from '../../schemas/catalog-api';
import { jobStatus } from '../../schemas/jobs';
import { access } from '../access';
import { methods } from '../method-spec';

/** The subsidy catalogue (补贴额一览表). Stations and the county both import the province's table. */
export const catalogMethods = methods({
  'catalog.list': { input: catalogListInput, output: catalogList, allow: access.anyone },
  'catalog.pickBand': { input: catalogPickBandInput, output: catalogPickBandResult, allow: access.anyone },
  'catalog.getBand': { input: catalogGetBandInput, output: catalogBandWithVersion, allow: access.anyone },
  'catalog.import': { input: catalogImportInput, output: catalogImportReport, writes: true, allow: access.admins },
  'catalog.export': { input: catalogExportInput, output: jobStatus, allow: access.anyone },
});
