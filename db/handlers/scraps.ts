import type { ServiceContext } from '../context';
import { exportScraps } from '../services/ledger-export';
import { addPhoto, readPhoto } from '../services/scrap-photos';
import * as scraps from '../services/scraps';
import type { AreaHandlers } from './types';

export const scrapsHandlers = (ctx: ServiceContext): AreaHandlers<'scraps'> => ({
  'scraps.create': (input) => scraps.createScrap(ctx, input),
  'scraps.update': (input) => scraps.updateScrap(ctx, input),
  'scraps.get': (input) => scraps.getScrap(ctx, input.id),
  'scraps.list': (input) => scraps.listScraps(ctx, input),
  'scraps.exportXlsx': (input) => exportScraps(ctx, input),
  'scraps.addPhoto': (input) => addPhoto(ctx, input),
  'scraps.photo': (input) => readPhoto(ctx, input.id),
});
