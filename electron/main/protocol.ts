import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SECURITY_HEADERS } from '../../db/http/security';
import { readStatic } from '../../db/http/static';

/*
 * Why a privileged app:// scheme rather than loadFile (file://):
 * - under file:// the CSP's 'self' means "any file on the disk", and a sender check can only compare
 *   path prefixes; app://agri is one origin that serves nothing but out/renderer;
 * - the page gets a real origin (localStorage, fetch, module scripts behave as in browser mode);
 * - unknown paths fall back to index.html exactly like the browser-mode server, so client-side
 *   routes survive 重新加载;
 * - it is Electron's own security-checklist advice ("avoid file://, prefer custom protocols").
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'agri';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** True only for a URL of this app's own page (any path/route under app://agri). */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Must run before app 'ready': standard + secure gives the scheme a real origin and a secure context.
 * corsEnabled stays false: that privilege would let other origins read app:// responses cross-origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: false, stream: false },
    },
  ]);
}

function respond(status: number, body: string | Uint8Array, type: string, cache = 'no-cache'): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache } });
}

/** Serves the built renderer (the same static reader as browser mode: it never leaves `rendererDir`). */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return respond(404, 'Not Found', 'text/plain; charset=utf-8');
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method Not Allowed', 'text/plain; charset=utf-8');
    const file = url.pathname === '/' || url.pathname === '/index.html' ? undefined : await readStatic(rendererDir, url.pathname);
    if (file) return respond(200, new Uint8Array(file.body), file.type, file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (url.pathname.startsWith('/assets/')) return respond(404, 'Not Found', 'text/plain; charset=utf-8');
    try {
      // Everything else is an app route: the page itself.
      return respond(200, new Uint8Array(await readFile(join(rendererDir, 'index.html'))), 'text/html; charset=utf-8');
    } catch {
      return respond(500, '找不到已构建的页面（out/renderer/index.html），请先运行 npm run build', 'text/plain; charset=utf-8');
    }
  });
}
