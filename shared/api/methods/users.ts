import { user, userCreateInput, userList, userResetPasswordInput, userUpdateInput } from '../../schemas/auth';
import { noInput } from '../../schemas/common';
import { access } from '../access';
import { methods } from '../method-spec';

/** Accounts of this installation, managed by its administrator (站长 / 县局管理员). */
export const usersMethods = methods({
  'users.list': { input: noInput, output: userList, allow: access.admins },
  'users.create': { input: userCreateInput, output: user, allow: access.admins, writes: true },
  'users.update': { input: userUpdateInput, output: user, allow: access.admins, writes: true },
  'users.resetPassword': { input: userResetPasswordInput, output: user, allow: access.admins, writes: true },
});
