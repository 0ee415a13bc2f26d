import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../db/http/server';
import type { JobStatus } from '../../shared/schemas/jobs';
import { exportResult } from '../../shared/schemas/machines';
import { expectOk, stationCore, type TempCore } from '../support/core';
import { rawRequest, rpc } from '../support/http';
import { TEST_PASSWORD } from '../support/setup';

let core: TempCore;
let web: WebServer;

beforeAll(async () => {
  core = await stationCore();
  web = await startWebServer({ core, staticDir: core.dir });
});
afterAll(async () => {
  await web?.close();
  core?.dispose();
});

async function exportedId(): Promise<{ downloadId: string; fileName: string }> {
  const host = { 'X-Agri-Token': web.token, Host: `127.0.0.1:${web.port}` };
  // the browser signs in first: its session rides in the HttpOnly cookie
  const signedIn = await rpc(web.port, 'auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, host);
  const cookie = String(signedIn.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  const started = expectOk<JobStatus>(JSON.parse((await rpc(web.port, 'purchases.exportXlsx', {}, { ...host, Cookie: cookie })).body));
  const end = await core.ctx.jobs.wait(started.id);
  expect(JSON.stringify(end)).not.toMatch(/base64/);
  return exportResult.parse(end.result);
}

describe('GET /download/:id (streamed ledger exports in browser mode)', () => {
  it('sends the finished workbook once, as an attachment with its Chinese file name', async () => {
    const { downloadId, fileName } = await exportedId();
    const path = `/download/${downloadId}`;
    const r = await rawRequest({ port: web.port, path, headers: { Host: `127.0.0.1:${web.port}` } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(encodeURIComponent(fileName));
    expect(r.body.slice(0, 2)).toBe('PK'); // a zip (xlsx)
    const again = await rawRequest({ port: web.port, path, headers: { Host: `127.0.0.1:${web.port}` } });
    expect(again.status).toBe(404);
  });

  it('refuses a foreign Host or Origin, unknown ids and other methods', async () => {
    const { downloadId } = await exportedId();
    const path = `/download/${downloadId}`;
    expect((await rawRequest({ port: web.port, path, headers: { Host: `evil.example:${web.port}` } })).status).toBe(421);
    const origin = { Host: `127.0.0.1:${web.port}`, Origin: 'http://evil.example' };
    expect((await rawRequest({ port: web.port, path, headers: origin })).status).toBe(403);
    const post = await rawRequest({ port: web.port, path, method: 'POST', headers: { Host: `127.0.0.1:${web.port}` } });
    expect(post.status).toBe(405);
    const unknown = await rawRequest({ port: web.port, path: `/download/${'0'.repeat(48)}`, headers: { Host: `127.0.0.1:${web.port}` } });
    expect(unknown.status).toBe(404);
    // still there for the rightful download after the refusals
    expect((await rawRequest({ port: web.port, path, headers: { Host: `127.0.0.1:${web.port}` } })).status).toBe(200);
  });
});
