import type { ServiceContext } from '../context';
import * as partners from '../services/partners';
import type { AreaHandlers } from './types';

export const partnersHandlers = (ctx: ServiceContext): AreaHandlers<'partners'> => ({
  'partners.list': (input) => partners.listPartners(ctx, input),
  'partners.create': (input) => partners.createPartner(ctx, input),
  'partners.void': (input) => partners.voidPartner(ctx, input),
});
