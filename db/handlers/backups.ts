import { configure, listBackups, startCreate, startRestore, startVerify } from '../backup/service';
import type { ServiceContext } from '../context';
import type { AreaHandlers } from './types';

export const backupsHandlers = (ctx: ServiceContext): AreaHandlers<'backups'> => ({
  'backups.list': () => listBackups(ctx),
  'backups.create': (input) => startCreate(ctx, input),
  'backups.verify': (input) => startVerify(ctx, input),
  'backups.restore': (input) => startRestore(ctx, input),
  'backups.config': (input) => configure(ctx, input),
});
