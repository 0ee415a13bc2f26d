import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { METHODS } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Farmer, FarmerPage } from '../../shared/schemas/farmers';
import { agri } from '../support/cli';
import { expectOk, farmerInput, tempDir } from '../support/core';
import { signIn, TEST_PASSWORD } from '../support/setup';

const PW = { AGRI_PASSWORD: TEST_PASSWORD };

const tmp = tempDir('agri-cli-');
afterAll(() => tmp.dispose());

describe('agri CLI (node db/cli/agri.mjs)', () => {
  it('init, call farmers.create, call farmers.search: the same JSON as core.call on the same file', async () => {
    const db = join(tmp.dir, 'station.db');
    const init = await agri(['init', '--db', db, '--role', 'station', '--township', '柳林镇', '--admin', 'wangkj', '--name', '王会计'], PW);
    expect(init.code, init.stderr).toBe(0);
    expect(init.json).toMatchObject({
      ok: true,
      data: { settings: { configured: true, role: 'station', townshipCode: '371525103' }, session: { user: { displayName: '王会计', role: 'stationHead' } } },
    });
    expect((init.json as { data: { recoveryCode: string } }).data.recoveryCode).toMatch(/^[A-Z0-9-]{23}$/);
    expect(init.stdout).not.toContain(TEST_PASSWORD);

    // no account, a wrong password, or a password as an argument: refused, nothing written
    const anonymous = await agri(['call', 'farmers.create', JSON.stringify(farmerInput(1, { name: '张三' })), '--db', db]);
    expect(anonymous.code).toBe(1);
    expect(anonymous.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrong = await agri(['call', 'farmers.search', '{}', '--db', db, '--user', 'wangkj'], { AGRI_PASSWORD: 'Wrong-pass-1' });
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '用户名或密码不正确' } });
    const argv = await agri(['call', 'farmers.search', '{}', '--db', db, '--user', 'wangkj', '--password', TEST_PASSWORD]);
    expect(argv.code).toBe(2);

    const create = await agri(['call', 'farmers.create', JSON.stringify(farmerInput(1, { name: '张三' })), '--db', db, '--user', 'wangkj'], PW);
    expect(create.code, create.stderr).toBe(0);
    const created = create.json as Result<Farmer>;
    expect(created).toMatchObject({ ok: true, data: { name: '张三', idNumber: farmerInput(1).idNumber } });

    const search = await agri(['call', 'farmers.search', '{"q":"zs"}', '--db', db, '--user', 'wangkj'], PW);
    expect(search.code, search.stderr).toBe(0);

    const core = openCore(db, { log: () => undefined });
    try {
      await signIn(core, 'wangkj');
      const direct = await core.call('farmers.search', { q: 'zs' });
      const page = expectOk<FarmerPage>(direct);
      expect(page.total).toBe(1);
      expect(page.items[0]?.id).toBe(created.ok ? created.data.id : undefined);
      expect(search.json).toEqual(direct);
      expect(core.db.prepare('SELECT method, operator FROM audit_log ORDER BY rowid').raw().all()).toEqual([
        ['settings.setup', '王会计'],
        ['users.create', '王会计'],
        ['farmers.create', '王会计'],
      ]);
    } finally {
      core.close();
    }
  }, 120_000);

  it('failing calls exit with code 1 and print an ok:false Result', async () => {
    const db = join(tmp.dir, 'failing.db');
    const notADb = join(tmp.dir, 'not-a-db.bin');
    writeFileSync(notADb, Buffer.from('this is not a SQLite database, just some bytes'.repeat(200)));

    const init = await agri(['init', '--db', db, '--role', 'station', '--township', '371525103', '--admin', 'wangkj'], PW);
    expect(init.code, init.stderr).toBe(0);

    const runs = await Promise.all([
      agri(['call', 'farmers.create', '{}', '--db', db, '--user', 'wangkj'], PW),
      agri(['call', 'farmers.drop', '{}', '--db', db, '--user', 'wangkj'], PW),
      agri(['call', 'farmers.search', '{not json', '--db', db, '--user', 'wangkj'], PW),
      agri(['init', '--db', db, '--role', 'county', '--admin', 'zhaojz'], PW),
      agri(['call', 'settings.get', '{}', '--db', notADb]),
    ]);
    const expected = ['VALIDATION', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'DB_CORRUPT'];
    runs.forEach((run, i) => {
      expect(run.code, `${expected[i]}: ${run.stdout} ${run.stderr}`).toBe(1);
      expect(run.json, run.stdout).toMatchObject({ ok: false, error: { code: expected[i], message: expect.any(String) } });
    });
    const validation = runs[0]?.json as { error: { issues: { path: string[] }[] } };
    expect(validation.error.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone']));
  }, 120_000);

  it('lists the methods and refuses unknown commands', async () => {
    const [methods, unknown] = await Promise.all([agri(['methods']), agri(['frobnicate', '--db', join(tmp.dir, 'x.db')])]);
    expect(methods.code).toBe(0);
    expect(methods.stdout.trim().split('\n')).toEqual(METHODS);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
  });
});
