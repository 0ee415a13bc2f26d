import type { ServiceContext } from '../context';
import * as catalog from '../services/catalog';
import { exportCatalog } from '../services/catalog-export';
import { importCatalog } from '../services/catalog-import';
import type { AreaHandlers } from './types';

export const catalogHandlers = (ctx: ServiceContext): AreaHandlers<'catalog'> => ({
  'catalog.list': (input) => catalog.listCatalog(ctx, input),
  'catalog.pickBand': (input) => catalog.pickCatalogBand(ctx, input),
  'catalog.getBand': (input) => catalog.getCatalogBand(ctx, input.id),
  'catalog.import': (input) => importCatalog(ctx, input),
  'catalog.export': (input) => exportCatalog(ctx, input),
});
