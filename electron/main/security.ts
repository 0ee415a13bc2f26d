import { app, type Session, type WebContents } from 'electron';
import { CSP } from '../../db/http/security';
import { isAppUrl } from './protocol';

function logBlocked(what: string, url: string): void {
  console.warn(`[agri] blocked ${what}: ${url.slice(0, 200)}`);
}

/** Per-WebContents rules: no navigation away from the app, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      logBlocked('navigation', url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      logBlocked('redirect', url);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    logBlocked('window.open', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logBlocked('webview', contents.getURL());
  });
}

/** App-wide: every WebContents ever created (windows, devtools, anything later code adds) gets the rules. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** Session rules: every permission denied, the shared CSP on every response, no spell-check downloads. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The spell checker fetches dictionaries from a Google CDN: useless for Chinese input and slow offline.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools' own pages need their own policy; everything else the app loads gets the shared one.
    if (details.url.startsWith('devtools:')) return callback({});
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } });
  });
}
