import {
  changePasswordInput,
  firstAdminInput,
  recoverInput,
  recoveryOutput,
  sessionInfo,
  signInInput,
} from '../../schemas/auth';
import { noInput } from '../../schemas/common';
import { access } from '../access';
import { methods } from '../method-spec';

/**
 * Sign-in and the session of this window (desktop) or browser (browser mode). The session itself never
 * reaches the renderer: the transport keeps it (main process / HttpOnly cookie).
 */
export const authMethods = methods({
  'auth.signIn': { input: signInInput, output: sessionInfo, allow: access.public, writes: true },
  'auth.signOut': { input: noInput, output: sessionInfo, allow: access.public, writes: true },
  'auth.session': { input: noInput, output: sessionInfo, allow: access.public, needsSetup: false },
  /** Locks the screen at once (idle timer, or the user's 锁屏 button); unlocking is auth.signIn as the same user. */
  'auth.lock': { input: noInput, output: sessionInfo, allow: access.anyone },
  'auth.changePassword': { input: changePasswordInput, output: sessionInfo, allow: access.anyone, writes: true },
  'auth.recover': { input: recoverInput, output: sessionInfo, allow: access.public, writes: true },
  /** An installation set up before accounts existed: creates its first administrator (refused once any account exists). */
  'auth.createFirstAdmin': { input: firstAdminInput, output: recoveryOutput, allow: access.public, writes: true },
});
