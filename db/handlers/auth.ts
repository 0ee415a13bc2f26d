import type { ServiceContext } from '../context';
import * as auth from '../services/auth';
import type { AreaHandlers } from './types';

export const authHandlers = (ctx: ServiceContext): AreaHandlers<'auth'> => ({
  'auth.signIn': (input) => auth.signIn(ctx, input),
  'auth.signOut': () => auth.signOut(ctx),
  'auth.session': () => auth.sessionInfo(ctx),
  'auth.lock': () => auth.lock(ctx),
  'auth.changePassword': (input) => auth.changePassword(ctx, input),
  'auth.recover': (input) => auth.recover(ctx, input),
  'auth.createFirstAdmin': (input) => auth.createFirstAdmin(ctx, input),
});
