import { jobStatus } from '../../schemas/jobs';
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
import { access } from '../access';
import { methods } from '../method-spec';

/**
 * Grain drying build-out (烘干中心/烘干点) and coal-dryer retirement. Both installations record sites:
 * the county bureau plans centres, township stations report theirs; a row is edited only where it was created.
 */
export const dryingMethods = methods({
  'drying.sites.create': { input: siteInput, output: site, writes: true, allow: access.recorders },
  'drying.sites.update': { input: siteUpdateInput, output: site, writes: true, allow: access.recorders },
  'drying.sites.transition': { input: siteTransitionInput, output: site, writes: true, allow: access.recorders },
  'drying.sites.void': { input: siteVoidInput, output: site, writes: true, allow: access.recorders },
  'drying.sites.get': { input: siteGetInput, output: site, allow: access.anyone },
  'drying.sites.list': { input: siteListInput, output: sitePage, allow: access.anyone },
  'drying.sites.addPhoto': { input: sitePhotoAddInput, output: sitePhoto, writes: true, allow: access.recorders },
  'drying.sites.photo': { input: sitePhotoGetInput, output: sitePhotoData, allow: access.anyone },
  'drying.dryers.create': { input: dryerInput, output: dryer, writes: true, allow: access.recorders },
  'drying.dryers.update': { input: dryerUpdateInput, output: dryer, writes: true, allow: access.recorders },
  'drying.dryers.retire': { input: dryerRetireInput, output: dryer, writes: true, allow: access.recorders },
  'drying.dryers.void': { input: dryerVoidInput, output: dryer, writes: true, allow: access.recorders },
  'drying.summary': { input: dryingSummaryInput, output: dryingSummary, allow: access.anyone },
  'drying.exportXlsx': { input: dryingExportInput, output: jobStatus, allow: access.anyone },
  'drying.config.update': { input: dryingConfigInput, output: dryingConfig, writes: true, allow: access.admins },
});
