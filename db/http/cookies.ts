import type { IncomingMessage } from 'node:http';

/**
 * The browser-mode session cookie: HttpOnly (page scripts never see it), SameSite=Strict (never sent by
 * another site's page), path-wide, no expiry (ends with the browser). It is useless on its own: every RPC
 * also needs this launch's token, and sessions live only in this server process.
 */
export const SESSION_COOKIE = 'agri_session';

export function sessionCookie(token: string | undefined): string {
  const attributes = 'Path=/; HttpOnly; SameSite=Strict';
  return token ? `${SESSION_COOKIE}=${token}; ${attributes}` : `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`;
}

export function readSessionCookie(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const token = value.join('=');
      return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
    }
  }
  return undefined;
}
