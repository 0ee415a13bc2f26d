import type { SessionInfo } from '../schemas/auth';
import type { Settings } from '../schemas/settings';
import type { Result } from './result';

/**
 * The first data the page needs, put in the page itself by the browser-mode server (a JSON data block, never
 * run: CSP's script-src does not apply to it): the first screen renders at once, with no round trip after the
 * JavaScript has loaded. `settings.get` and (once the installation is set up) `auth.session` answered for the
 * request's own session cookie, exactly as the page would ask them.
 */
export const BOOT_ELEMENT_ID = 'agri-boot';

export interface BootData {
  settings: Result<Settings>;
  /** absent while the installation is not set up (the setup screen needs no session) */
  session?: Result<SessionInfo>;
}
