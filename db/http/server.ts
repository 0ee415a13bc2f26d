import { createReadStream, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../app';
import { MAX_REQUEST_BYTES } from '../../shared/api/limits';
import type { SessionRef } from '../auth/call-context';
import { pageBoot } from './boot';
import { readSessionCookie, sessionCookie } from './cookies';
import { takeDownload } from '../services/export-files';
import { hostAllowed, originAllowed, SECURITY_HEADERS, tokenMatches } from './security';
import { readIndexWithToken, readStatic } from './static';
import { sendUpgrade, type Starting } from './upgrade-routes';

export const HOST = '127.0.0.1';
const MAX_BODY = MAX_REQUEST_BYTES; // station files travel as base64 in one call

export interface WebServerOptions {
  /** The core, or (while the file is being upgraded at start-up) where it will be and the upgrade's status. */
  core: AppCore | Starting;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  server: Server;
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });

/** The body as text, or null when it is over the cap (the rest is drained and dropped so a reply can still be sent). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleRpc(core: AppCore, method: string, req: IncomingMessage, res: ServerResponse) {
  let input: unknown;
  try {
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: '请求内容过大（上限 64 MB）' } });
      return;
    }
    input = body.trim() ? JSON.parse(body) : undefined;
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
    return;
  }
  const cookieToken = readSessionCookie(req);
  const session: SessionRef = { token: cookieToken, idleLock: true };
  const result = await core.call(method, input, session);
  // sign-in, sign-out and a refused (ended) session change the token: the HttpOnly cookie follows
  const extra: Record<string, string> = session.token !== cookieToken ? { 'Set-Cookie': sessionCookie(session.token) } : {};
  send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...extra });
}

/**
 * A finished export, streamed from its temp file as an attachment. The long random id is the permission: only
 * a caller of the export method (which needed the token) learns it, and it works once. An anchor's download
 * cannot carry the token header, hence the capability instead; Host and Origin are checked as for every request.
 */
function sendDownload(id: string, res: ServerResponse) {
  const file = takeDownload(id);
  if (!file) return send(res, 404, '该导出文件不存在或已下载过，请重新导出', 'text/plain; charset=utf-8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.mime,
    'Content-Length': String(statSync(file.path).size),
    'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
  });
  const stream = createReadStream(file.path);
  const remove = () => rmSync(file.path, { force: true });
  stream.on('error', () => {
    remove();
    res.destroy();
  });
  res.on('close', remove);
  stream.pipe(res);
}

/** Browser mode: the built renderer and POST /rpc/:method, on 127.0.0.1 only, behind a per-launch token. */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = 0;

  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, port))
        return sendJson(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：Host 不是本机地址' } });
      if (!originAllowed(req, port))
        return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：来源不是本机页面' } });
      const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
      const core = 'call' in options.core ? options.core : options.core.core();
      if (sendUpgrade(options.core, core, url.pathname, req, res)) return;
      if (!core) return;
      const rpc = /^\/rpc\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
      if (rpc) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: '只接受 POST 请求' } });
        if (!tokenMatches(req, token))
          return sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：缺少或错误的访问令牌' } });
        return handleRpc(core, rpc[1] ?? '', req, res);
      }
      const download = /^\/download\/([0-9a-f]{48})$/.exec(url.pathname);
      if (download) {
        if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
        return sendDownload(download[1] ?? '', res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
      const file = url.pathname === '/' || url.pathname === '/index.html' ? undefined : await readStatic(options.staticDir, url.pathname);
      if (file) {
        return send(res, 200, file.body, file.type, {
          'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
      if (url.pathname.startsWith('/assets/')) return send(res, 404, 'Not Found', 'text/plain; charset=utf-8');
      // Everything else is an app route: the page, with this launch's token and (on a navigation) its first data.
      const boot = await pageBoot(core, req);
      return send(res, 200, await readIndexWithToken(options.staticDir, token, boot?.json, boot?.setup), 'text/html; charset=utf-8', {
        'Cache-Control': 'no-store',
        ...boot?.headers,
      });
    })().catch((error: unknown) => {
      console.error('[agri] web server error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } });
    });
  });

  // an idle keep-alive socket is closed after Node's default 5 s; a request sent on it at that moment meets a
  // reset (seen as read ECONNRESET in the tests, and a POST the browser may not retry). Kept a minute instead:
  // every client here is this machine's own page, and close() ends all connections anyway
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://${HOST}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // a download the browser never finished reading would otherwise hold the close open
            server.closeAllConnections();
          }),
      });
    });
  });
}
