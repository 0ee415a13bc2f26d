import { fileOutput } from '../../schemas/machines';
import {
  dryer,
  dryerInput,
  dryerRetireInput,
  dryerUpdateInput,
  dryerVoidInput,
  dryingConfig,
  dryingConfigInput,
  dryingExportInput,
  site,
  siteGetInput,
  siteInput,
  sitePage,
  siteListInput,
  siteTransitionInput,
  siteUpdateInput,
  siteVoidInput,
} from '../../schemas/drying';
import { sitePhoto, sitePhotoAddInput, sitePhotoData, sitePhotoGetInput } from '../../schemas/drying-photos';
import { dryingSummary, dryingSummaryInput } from '../../schemas/drying-summary';
import { methods } from '../method-spec';

/**
 * Grain drying build-out (烘干中心/烘干点) and coal-dryer retirement. Both installations record sites:
 * the county bureau plans centres, township stations report theirs; a row is edited only where it was created.
 */
export const dryingMethods = methods({
  'drying.sites.create': { input: siteInput, output: site, writes: true },
  'drying.sites.update': { input: siteUpdateInput, output: site, writes: true },
  'drying.sites.transition': { input: siteTransitionInput, output: site, writes: true },
  'drying.sites.void': { input: siteVoidInput, output: site, writes: true },
  'drying.sites.get': { input: siteGetInput, output: site },
  'drying.sites.list': { input: siteListInput, output: sitePage },
  'drying.sites.addPhoto': { input: sitePhotoAddInput, output: sitePhoto, writes: true },
  'drying.sites.photo': { input: sitePhotoGetInput, output: sitePhotoData },
  'drying.dryers.create': { input: dryerInput, output: dryer, writes: true },
  'drying.dryers.update': { input: dryerUpdateInput, output: dryer, writes: true },
  'drying.dryers.retire': { input: dryerRetireInput, output: dryer, writes: true },
  'drying.dryers.void': { input: dryerVoidInput, output: dryer, writes: true },
  'drying.summary': { input: dryingSummaryInput, output: dryingSummary },
  'drying.exportXlsx': { input: dryingExportInput, output: fileOutput },
  'drying.config.update': { input: dryingConfigInput, output: dryingConfig, writes: true },
});
