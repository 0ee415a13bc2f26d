import type { IncomingMessage } from 'node:http';
import type { BootData } from '../../shared/api/boot';
import type { SessionInfo } from '../../shared/schemas/auth';
import type { Settings } from '../../shared/schemas/settings';
import type { Result } from '../../shared/api/result';
import type { AppCore } from '../app';
import type { SessionRef } from '../auth/call-context';
import { readSessionCookie, sessionCookie } from './cookies';

export interface PageBoot {
  /** the data block's JSON, safe inside a <script> element */
  json: string;
  /** a Set-Cookie header when answering changed the session (an ended session's cookie is cleared) */
  headers: Record<string, string>;
  /** the installation is not set up: the page opens on the setup form */
  setup: boolean;
}

/**
 * The page's first data for a top-level navigation (Sec-Fetch-Dest: document): `settings.get` and, once set
 * up, `auth.session`, through the same dispatcher, for the same session cookie, as the page's own calls. Other
 * requests for app routes (a favicon, a prefetch) get the page without it, and so ask nothing.
 */
export async function pageBoot(core: AppCore, req: IncomingMessage): Promise<PageBoot | undefined> {
  if (req.method !== 'GET' || req.headers['sec-fetch-dest'] !== 'document') return undefined;
  const cookieToken = readSessionCookie(req);
  const session: SessionRef = { token: cookieToken, idleLock: true };
  const settings = (await core.call('settings.get', {}, session)) as Result<Settings>;
  const boot: BootData = { settings };
  if (settings.ok && settings.data.configured) boot.session = (await core.call('auth.session', {}, session)) as Result<SessionInfo>;
  return {
    // `<` escaped: no `</script>` or `<!--` can end the block early
    json: JSON.stringify(boot).replace(/</g, '\\u003c'),
    headers: session.token !== cookieToken ? { 'Set-Cookie': sessionCookie(session.token) } : {},
    setup: settings.ok && !settings.data.configured,
  };
}
