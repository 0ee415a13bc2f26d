import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../db/http/server';
import { BOOT_ELEMENT_ID, type BootData } from '../../shared/api/boot';
import { LIULIN, tempCore, type TempCore } from '../support/core';
import { rawRequest, rpc } from '../support/http';
import { TEST_PASSWORD } from '../support/setup';

// the page's first data (settings, session) travels in the page on a navigation: no round trip before the first screen
// as the build writes it: the setup form's chunks listed for the server (build/setup-preload.ts), one of them not a chunk name
const INDEX =
  '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <title>台账</title>\n' +
  '    <meta name="agri-setup-chunks" content="assets/SetupPage-Ab1_x.js assets/select-Cd2.js ../secret.js">\n' +
  '  </head>\n  <body><div id="root"></div></body>\n</html>\n';
const PRELOADS = /<link rel="modulepreload" crossorigin href="([^"]*)" \/>/g;
const preloadsOf = (body: string) => [...body.matchAll(PRELOADS)].map((m) => m[1]);
const BLOCK = new RegExp(`<script type="application/json" id="${BOOT_ELEMENT_ID}">([^]*?)</script>`);

let core: TempCore;
let web: WebServer;
let host: { Host: string };

const page = (headers: Record<string, string> = {}, path = '/') =>
  rawRequest({ port: web.port, path, headers: { ...host, 'Sec-Fetch-Dest': 'document', ...headers } });
const bootOf = (body: string): BootData | undefined => {
  const m = BLOCK.exec(body);
  return m ? (JSON.parse(m[1] ?? '') as BootData) : undefined;
};

beforeAll(async () => {
  core = tempCore();
  const staticDir = join(core.dir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  web = await startWebServer({ core, staticDir });
  host = { Host: `127.0.0.1:${web.port}` };
});

afterAll(async () => {
  await web?.close();
  core?.dispose();
});

describe('the first data in the page', () => {
  it('a new installation: its settings (not set up), no session, in a JSON data block in the head', async () => {
    const r = await page();
    expect(r.status).toBe(200);
    expect(r.body.indexOf(BOOT_ELEMENT_ID)).toBeLessThan(r.body.indexOf('</head>'));
    const boot = bootOf(r.body);
    expect(boot).toEqual({ settings: await core.call('settings.get', {}) });
    expect(boot?.settings).toMatchObject({ ok: true, data: { configured: false } });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['set-cookie']).toBeUndefined();
    // the setup form's chunks are fetched with the entry's, in the head (only names of built chunks)
    expect(preloadsOf(r.body)).toEqual(['./assets/SetupPage-Ab1_x.js', './assets/select-Cd2.js']);
    expect(r.body.indexOf('modulepreload')).toBeLessThan(r.body.indexOf('</head>'));
    // a page that is not a navigation has no first data, so no preloads either
    expect(preloadsOf((await rawRequest({ port: web.port, path: '/', headers: host })).body)).toEqual([]);
  });

  it('only a navigation gets it: a favicon, a prefetch or HEAD asks nothing', async () => {
    expect(bootOf((await rawRequest({ port: web.port, path: '/', headers: host })).body)).toBeUndefined();
    expect(bootOf((await page({ 'Sec-Fetch-Dest': 'image' }, '/favicon.ico')).body)).toBeUndefined();
    const head = await rawRequest({ port: web.port, method: 'HEAD', path: '/', headers: { ...host, 'Sec-Fetch-Dest': 'document' } });
    expect(head.body).toBe('');
  });

  it('set up: the session of the request’s own cookie — signed in with it, nobody without it, nothing inside can end the block', async () => {
    const setup = await rpc(
      web.port,
      'settings.setup',
      { role: 'station', townshipCode: LIULIN, login: 'wangkj', displayName: '王会计</script><b>', password: TEST_PASSWORD },
      { ...host, 'X-Agri-Token': web.token },
    );
    expect(setup.status).toBe(200);
    const cookie = String(setup.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^agri_session=/);

    const signedIn = await page({ Cookie: cookie });
    // set up: the first screen is the sign-in form, the setup form's chunks are not preloaded
    expect(preloadsOf(signedIn.body)).toEqual([]);
    const block = BLOCK.exec(signedIn.body)?.[1] ?? '';
    expect(block).not.toContain('<');
    const boot = bootOf(signedIn.body);
    expect(boot?.settings).toMatchObject({ ok: true, data: { configured: true } });
    expect(boot?.session).toMatchObject({
      ok: true,
      data: { user: { login: 'wangkj', displayName: '王会计</script><b>' }, locked: false },
    });

    const stranger = bootOf((await page()).body);
    expect(stranger?.session).toMatchObject({ ok: true, data: { user: null } });
    // a made-up cookie is no session either
    const forged = bootOf((await page({ Cookie: `agri_session=${'A'.repeat(43)}` })).body);
    expect(forged?.session).toMatchObject({ ok: true, data: { user: null } });
  });
});
