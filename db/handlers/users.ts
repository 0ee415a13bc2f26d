import type { ServiceContext } from '../context';
import * as users from '../services/users';
import type { AreaHandlers } from './types';

export const usersHandlers = (ctx: ServiceContext): AreaHandlers<'users'> => ({
  'users.list': () => users.listUsers(ctx),
  'users.create': (input) => users.createUser(ctx, input),
  'users.update': (input) => users.updateUser(ctx, input),
  'users.resetPassword': (input) => users.resetPassword(ctx, input),
});
