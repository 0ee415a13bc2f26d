import type { ServiceContext } from '../context';
import { updateDryingConfig } from '../services/drying-common';
import * as dryers from '../services/drying-dryers';
import { exportDrying } from '../services/drying-export';
import { addSitePhoto, readSitePhoto } from '../services/drying-photos';
import * as sites from '../services/drying-sites';
import { dryingSummary } from '../services/drying-summary';
import type { AreaHandlers } from './types';

export const dryingHandlers = (ctx: ServiceContext): AreaHandlers<'drying'> => ({
  'drying.sites.create': (input) => sites.createSite(ctx, input),
  'drying.sites.update': (input) => sites.updateSite(ctx, input),
  'drying.sites.transition': (input) => sites.transitionSite(ctx, input),
  'drying.sites.void': (input) => sites.voidSite(ctx, input),
  'drying.sites.get': (input) => sites.getSite(ctx, input.id),
  'drying.sites.list': (input) => sites.listSites(ctx, input),
  'drying.sites.addPhoto': (input) => addSitePhoto(ctx, input),
  'drying.sites.photo': (input) => readSitePhoto(ctx, input.id),
  'drying.dryers.create': (input) => dryers.createDryer(ctx, input),
  'drying.dryers.update': (input) => dryers.updateDryer(ctx, input),
  'drying.dryers.retire': (input) => dryers.retireDryer(ctx, input),
  'drying.dryers.void': (input) => dryers.voidDryer(ctx, input),
  'drying.summary': (input) => dryingSummary(ctx, input),
  'drying.exportXlsx': (input) => exportDrying(ctx, input),
  'drying.config.update': (input) => updateDryingConfig(ctx, input),
});
