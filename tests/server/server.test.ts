import { signIn, TEST_PASSWORD } from '../support/setup';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../db/http/server';
import { CSP } from '../../db/http/security';
import type { Result } from '../../shared/api/result';
import { farmerInput, LIULIN, tempCore, type TempCore } from '../support/core';
import { rawRequest, rpc, type RawResponse } from '../support/http';

const SECRET = 'TOP-SECRET-6c1f0e';
const INDEX = '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <title>台账</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

let core: TempCore;
let web: WebServer;
let staticDir: string;
let port: number;
let auth: { 'X-Agri-Token': string; Host: string };

const json = (r: RawResponse) => JSON.parse(r.body) as Result<unknown> & { error?: { code: string } };

beforeAll(async () => {
  core = tempCore();
  staticDir = join(core.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");\n');
  // things outside the static folder that must never be served
  writeFileSync(join(core.dir, 'secret.json'), JSON.stringify({ secret: SECRET }));
  mkdirSync(join(core.dir, 'renderer-evil'), { recursive: true });
  writeFileSync(join(core.dir, 'renderer-evil', 'x.json'), JSON.stringify({ secret: SECRET }));
  web = await startWebServer({ core, staticDir });
  port = web.port;
  auth = { 'X-Agri-Token': web.token, Host: `127.0.0.1:${port}` };
});

afterAll(async () => {
  await web?.close();
  core?.dispose();
});

describe('binding and token', () => {
  it('listens on 127.0.0.1 only, with a long random token', () => {
    const address = web.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(port);
    expect(web.url).toBe(`http://127.0.0.1:${port}/`);
    expect(web.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('POST /rpc/settings.get without a token → 401', async () => {
    const r = await rpc(port, 'settings.get', {});
    expect(r.status).toBe(401);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['another token of the same length', () => 'f'.repeat(64)],
    ['a prefix of the token', () => web.token.slice(0, 32)],
    ['the token plus a character', () => `${web.token}0`],
    ['an empty token', () => ''],
  ])('a wrong token (%s) → 401', async (_label, token) => {
    const r = await rpc(port, 'settings.get', {}, { 'X-Agri-Token': token() });
    expect(r.status).toBe(401);
  });

  it('the right token → 200 with an ok Result', async () => {
    const r = await rpc(port, 'settings.get', {}, auth);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(json(r)).toEqual({ ok: true, data: { configured: false, dbPath: core.dbPath } });
  });

  it('an empty body means {}', async () => {
    const r = await rawRequest({ port, method: 'POST', path: '/rpc/settings.get', headers: auth });
    expect(r.status).toBe(200);
    expect(json(r).ok).toBe(true);
  });
});

describe('Host and Origin (DNS rebinding, cross-site requests)', () => {
  it.each([
    ['evil.example:PORT', (p: number) => `evil.example:${p}`],
    ['evil.example', () => 'evil.example'],
    ['127.0.0.1 without port', () => '127.0.0.1'],
    ['127.0.0.1 on another port', (p: number) => `127.0.0.1:${p + 1}`],
    ['localhost.evil.example:PORT', (p: number) => `localhost.evil.example:${p}`],
    ['127.0.0.1:PORT.evil.example', (p: number) => `127.0.0.1:${p}.evil.example`],
  ])('Host %s is rejected (421) even with the right token', async (_label, host) => {
    const r = await rpc(port, 'settings.get', {}, { ...auth, Host: host(port) });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('"ok":true');
  });

  it('the page itself is not served to a foreign Host (the token never leaks to a rebinding site)', async () => {
    const r = await rawRequest({ port, path: '/', headers: { Host: `evil.example:${port}` } });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain(web.token);
  });

  it('a request without any Host header is refused', async () => {
    const r = await rawRequest({ port, method: 'POST', path: '/rpc/settings.get', headers: { 'X-Agri-Token': web.token }, setHost: false, body: '{}' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain('"ok":true');
  });

  it('Host localhost:PORT is accepted', async () => {
    const r = await rpc(port, 'settings.get', {}, { ...auth, Host: `localhost:${port}` });
    expect(r.status).toBe(200);
    expect(json(r).ok).toBe(true);
  });

  it.each(['http://evil.example', `http://evil.example:PORT`, 'null', 'http://127.0.0.1', 'https://127.0.0.1:PORT', 'http://127.0.0.1:PORT.evil.example'])(
    'Origin %s → 403 even with the right token',
    async (origin) => {
      const r = await rpc(port, 'settings.get', {}, { ...auth, Origin: origin.replace('PORT', String(port)) });
      expect(r.status).toBe(403);
      expect(r.body).not.toContain('"ok":true');
    },
  );

  it.each(['http://127.0.0.1:PORT', 'http://localhost:PORT'])('Origin %s is accepted', async (origin) => {
    const r = await rpc(port, 'settings.get', {}, { ...auth, Origin: origin.replace('PORT', String(port)) });
    expect(r.status).toBe(200);
    expect(json(r).ok).toBe(true);
  });
});

describe('the page and static files', () => {
  it('GET / returns the index with the token meta tag and the security headers', async () => {
    const r = await rawRequest({ port, path: '/', headers: { Host: `127.0.0.1:${port}` } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain(`<meta name="agri-token" content="${web.token}" />`);
    expect(r.body.indexOf('agri-token')).toBeGreaterThan(r.body.indexOf('<head>'));
    expect(r.body.indexOf('agri-token')).toBeLessThan(r.body.indexOf('</head>'));
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('app routes get the same page; HEAD answers without a body', async () => {
    const r = await rawRequest({ port, path: '/farmers/new?x=1', headers: { Host: `localhost:${port}` } });
    expect(r.status).toBe(200);
    expect(r.body).toContain(web.token);
    const head = await rawRequest({ port, method: 'HEAD', path: '/', headers: { Host: `127.0.0.1:${port}` } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves assets with their type and 404s a missing asset', async () => {
    const js = await rawRequest({ port, path: '/assets/app.js', headers: { Host: `127.0.0.1:${port}` } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app");\n');
    expect(js.headers['content-security-policy']).toBe(CSP);
    const missing = await rawRequest({ port, path: '/assets/missing.js', headers: { Host: `127.0.0.1:${port}` } });
    expect(missing.status).toBe(404);
  });

  it.each([
    '/../../etc/passwd',
    '/../../../../../../../../etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
    '/../secret.json',
    '/..%2fsecret.json',
    '/%2e%2e%2fsecret.json',
    '/assets/..%2f..%2fsecret.json',
    '/..%5csecret.json',
    '/....//secret.json',
    '/%252e%252e%252fsecret.json',
    '/..%2frenderer-evil/x.json',
    '/../renderer-evil/x.json',
    '/%00/../secret.json',
    '/%E0%A4%A',
  ])('GET %s (raw path) leaks no file outside the static folder', async (path) => {
    const r = await rawRequest({ port, path, headers: { Host: `127.0.0.1:${port}` } });
    expect([200, 400, 404]).toContain(r.status);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toMatch(/root:.*:0:0:/);
    if (r.status === 200) expect(r.body).toContain('<div id="root">'); // only ever the app page
  });
});

describe('RPC request handling', () => {
  it('a body that is not JSON → 400 VALIDATION', async () => {
    for (const body of ['{not json', '{"q":', 'undefined', '\u0000']) {
      const r = await rawRequest({ port, method: 'POST', path: '/rpc/settings.get', headers: { ...auth, 'Content-Type': 'application/json' }, body });
      expect(r.status, body).toBe(400);
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('GET /rpc/x and PUT /rpc/settings.get → 405', async () => {
    const get = await rawRequest({ port, path: '/rpc/x', headers: auth });
    expect(get.status).toBe(405);
    const put = await rawRequest({ port, method: 'PUT', path: '/rpc/settings.get', headers: auth, body: '{}' });
    expect(put.status).toBe(405);
  });

  it('POST to a non-RPC path → 405', async () => {
    const r = await rawRequest({ port, method: 'POST', path: '/index.html', headers: auth, body: '{}' });
    expect(r.status).toBe(405);
  });

  it('an unknown method answers NOT_FOUND in a 200 Result; bad input answers VALIDATION', async () => {
    const unknown = await rpc(port, 'farmers.drop', {}, auth);
    expect(unknown.status).toBe(200);
    expect(json(unknown)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const proto = await rpc(port, '__proto__', {}, auth);
    expect(json(proto)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await rpc(port, 'settings.setup', { role: 'station', login: 'wangkj', displayName: '王会计', password: TEST_PASSWORD }, auth);
    expect(json(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['townshipCode'] }] } });
  });

  it('writes go through: setup (which signs in with an HttpOnly SameSite=Strict cookie), then a farmer, then search', async () => {
    const setup = await rpc(port, 'settings.setup', { role: 'station', townshipCode: LIULIN, login: 'wangkj', displayName: '王会计', password: TEST_PASSWORD }, auth);
    expect(json(setup).ok).toBe(true);
    const cookie = String(setup.headers['set-cookie']?.[0] ?? '');
    expect(cookie).toMatch(/^agri_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = { Cookie: cookie.split(';')[0] ?? '' };
    // a call without the cookie is not signed in
    expect(json(await rpc(port, 'farmers.create', farmerInput(1, { name: '张三' }), auth))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '请先登录' } });
    // the cookie without this launch's token is refused before anything else
    expect((await rpc(port, 'farmers.search', {}, session)).status).toBe(401);
    expect((await rpc(port, 'farmers.search', {}, { ...session, 'X-Agri-Token': 'f'.repeat(64) })).status).toBe(401);
    const created = json(await rpc(port, 'farmers.create', farmerInput(1, { name: '张三' }), { ...auth, ...session }));
    expect(created.ok).toBe(true);
    const found = json(await rpc(port, 'farmers.search', { q: 'zs' }, { ...auth, ...session, Origin: `http://127.0.0.1:${port}` }));
    expect(found).toMatchObject({ ok: true, data: { total: 1, items: [{ name: '张三' }] } });
    await signIn(core, 'wangkj');
    expect(found).toEqual(await core.call('farmers.search', { q: 'zs' }));
    // sign-out clears the cookie and the session
    const out = await rpc(port, 'auth.signOut', {}, { ...auth, ...session });
    expect(String(out.headers['set-cookie']?.[0])).toContain('Max-Age=0');
    expect(json(await rpc(port, 'farmers.search', {}, { ...auth, ...session }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('sign-in with a wrong password says nothing about whether the login exists and sets no cookie', async () => {
    const a = await rpc(port, 'auth.signIn', { login: 'wangkj', password: 'Wrong-pass-1' }, auth);
    const b = await rpc(port, 'auth.signIn', { login: 'nobody', password: 'Wrong-pass-1' }, auth);
    expect(json(a)).toEqual(json(b));
    expect(a.headers['set-cookie']).toBeUndefined();
    expect(JSON.stringify(json(a))).not.toMatch(/stack|Error|at /);
  });

  it('an oversized body is refused and the server keeps serving', async () => {
    const big = Buffer.alloc(65 * 1024 * 1024, 0x20);
    const r = await rawRequest({ port, method: 'POST', path: '/rpc/settings.get', headers: auth, body: big });
    expect(r.status).toBe(413);
    expect(r.body).toContain('请求内容过大');
    const after = await rpc(port, 'settings.get', {}, auth);
    expect(after.status).toBe(200);
  });
});

describe('keep-alive', () => {
  it('keeps an idle connection open past Node’s 5 s default, so a request sent then is not met by a reset', async () => {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/assets/app.js', headers: { Host: auth.Host }, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 5_600));
      // with the default timeout the server would have closed the socket meanwhile: a fresh one, not reused
      expect(await get()).toEqual({ status: 200, reused: true });
      expect(web.server.keepAliveTimeout).toBeGreaterThanOrEqual(60_000);
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
