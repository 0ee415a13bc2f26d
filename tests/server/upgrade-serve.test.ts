import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type AppCore } from '../../db/app';
import { startWebServer } from '../../db/http/server';
import { loadMigrations } from '../../db/migrate';
import { progressStatus, type UpgradeStatus } from '../../db/upgrade/status';
import { pendingUpgrade, startUpgrade } from '../../db/upgrade/upgrade';
import { createFarmer, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';
import { fileAtVersion } from '../support/migration-files';
import { rawRequest, rpc } from '../support/http';

/** Browser mode while the file is upgraded at start-up: the server is up, shows the upgrade and its status. */
const INDEX = '<!doctype html><html><head><title>台账</title></head><body><div id="root"></div></body></html>\n';
const tmp = tempDir('agri-upgrade-serve-');
const staticDir = join(tmp.dir, 'renderer');
let source: TempCore;

beforeAll(async () => {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  source = await stationCore();
  await createFarmer(source, farmerInput(1, { name: '张三' }));
});
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

const get = (port: number, path: string) => rawRequest({ port, path, headers: { Host: `127.0.0.1:${port}` } });

describe('upgrade screen in browser mode', () => {
  it('serves the upgrade page, its script and status, and refuses calls until the core is open', async () => {
    let status: UpgradeStatus = progressStatus(
      {
        from: 12,
        to: 17,
        version: 17,
        migration: '017_farmer_name_grams',
        step: '建立姓名片段表',
        stepIndex: 1,
        steps: 4,
        done: 2,
        total: 5,
      },
      65_000,
    );
    let core: AppCore | undefined;
    const web = await startWebServer({ core: { core: () => core, upgrade: () => status }, staticDir });
    try {
      const page = await get(web.port, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('正在升级数据库');
      expect(page.body).toContain('请勿关闭');
      expect(page.body).toContain('<script src="/upgrade.js">');
      // no token yet: the app's page (which carries it) is not served during the upgrade
      expect(page.body).not.toContain(web.token);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect((await get(web.port, '/upgrade.js')).body).toContain('function applyStatus');
      expect(JSON.parse((await get(web.port, '/upgrade/status')).body)).toEqual(status);
      const call = await rpc(web.port, 'session.current', {}, { Host: `127.0.0.1:${web.port}`, 'X-Agri-Token': web.token });
      expect(call.status).toBe(503);
      expect(call.body).toContain('数据库正在升级');
      // the status follows the worker
      status = { ...status, percent: 80 };
      expect(JSON.parse((await get(web.port, '/upgrade/status')).body)).toMatchObject({ state: 'migrating', percent: 80 });
      // once the core is open: the app's page with this launch's token, and the status says done
      core = openCore(source.dbPath);
      const done = JSON.parse((await get(web.port, '/upgrade/status')).body) as UpgradeStatus;
      expect(done).toMatchObject({ state: 'done', percent: 100 });
      expect(done.phases.map((p) => p.state)).toEqual(['done', 'done', 'done', 'done']);
      const app = await get(web.port, '/');
      expect(app.body).toContain('<div id="root">');
      expect(app.body).toContain(web.token);
    } finally {
      await web.close();
      core?.close();
    }
  });

  it('follows a real upgrade of an older file to done, then serves the app', async () => {
    const file = fileAtVersion(tmp.dir, 12, source.db);
    const pending = pendingUpgrade(file);
    expect(pending).toBeDefined();
    const run = startUpgrade(file, pending as { from: number; to: number });
    let core: AppCore | undefined;
    const web = await startWebServer({ core: { core: () => core, upgrade: () => run.status() }, staticDir });
    try {
      const seen: UpgradeStatus[] = [JSON.parse((await get(web.port, '/upgrade/status')).body) as UpgradeStatus];
      expect((await get(web.port, '/purchases')).body).toContain('正在升级数据库');
      await run.finished;
      seen.push(JSON.parse((await get(web.port, '/upgrade/status')).body) as UpgradeStatus);
      expect(seen.map((s) => s.fromVersion)).toEqual([12, 12]);
      expect(seen.at(-1)).toMatchObject({ state: 'done', percent: 100, toVersion: loadMigrations().length });
      core = openCore(file);
      expect((await get(web.port, '/')).body).toContain(web.token);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      db.close();
    } finally {
      await web.close();
      core?.close();
    }
  });
});
