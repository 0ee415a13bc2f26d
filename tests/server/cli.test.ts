import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { METHODS } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Farmer, FarmerPage } from '../../shared/schemas/farmers';
import { agri } from '../support/cli';
import { expectOk, farmerInput, tempDir } from '../support/core';

const tmp = tempDir('agri-cli-');
afterAll(() => tmp.dispose());

describe('agri CLI (node db/cli/agri.mjs)', () => {
  it('init, call farmers.create, call farmers.search: the same JSON as core.call on the same file', async () => {
    const db = join(tmp.dir, 'station.db');
    const init = await agri(['init', '--db', db, '--role', 'station', '--township', '柳林镇', '--operator', '王会计']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.json).toMatchObject({ ok: true, data: { configured: true, role: 'station', townshipCode: '371525103', operator: '王会计' } });

    const create = await agri(['call', 'farmers.create', JSON.stringify(farmerInput(1, { name: '张三' })), '--db', db]);
    expect(create.code, create.stderr).toBe(0);
    const created = create.json as Result<Farmer>;
    expect(created).toMatchObject({ ok: true, data: { name: '张三', idNumber: farmerInput(1).idNumber } });

    const search = await agri(['call', 'farmers.search', '{"q":"zs"}', '--db', db]);
    expect(search.code, search.stderr).toBe(0);

    const core = openCore(db, { log: () => undefined });
    try {
      const direct = await core.call('farmers.search', { q: 'zs' });
      const page = expectOk<FarmerPage>(direct);
      expect(page.total).toBe(1);
      expect(page.items[0]?.id).toBe(created.ok ? created.data.id : undefined);
      expect(search.json).toEqual(direct);
      expect(core.db.prepare('SELECT method FROM audit_log ORDER BY rowid').pluck().all()).toEqual(['settings.setup', 'farmers.create']);
    } finally {
      core.close();
    }
  });

  it('failing calls exit with code 1 and print an ok:false Result', async () => {
    const db = join(tmp.dir, 'failing.db');
    const notADb = join(tmp.dir, 'not-a-db.bin');
    writeFileSync(notADb, Buffer.from('this is not a SQLite database, just some bytes'.repeat(200)));

    const init = await agri(['init', '--db', db, '--role', 'station', '--township', '371525103', '--operator', '王会计']);
    expect(init.code, init.stderr).toBe(0);

    const runs = await Promise.all([
      agri(['call', 'farmers.create', '{}', '--db', db]),
      agri(['call', 'farmers.drop', '{}', '--db', db]),
      agri(['call', 'farmers.search', '{not json', '--db', db]),
      agri(['init', '--db', db, '--role', 'county', '--operator', '赵局长']),
      agri(['call', 'settings.get', '{}', '--db', notADb]),
    ]);
    const expected = ['VALIDATION', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'DB_CORRUPT'];
    runs.forEach((run, i) => {
      expect(run.code, `${expected[i]}: ${run.stdout} ${run.stderr}`).toBe(1);
      expect(run.json, run.stdout).toMatchObject({ ok: false, error: { code: expected[i], message: expect.any(String) } });
    });
    const validation = runs[0]?.json as { error: { issues: { path: string[] }[] } };
    expect(validation.error.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone']));
  });

  it('lists the methods and refuses unknown commands', async () => {
    const [methods, unknown] = await Promise.all([agri(['methods']), agri(['frobnicate', '--db', join(tmp.dir, 'x.db')])]);
    expect(methods.code).toBe(0);
    expect(methods.stdout.trim().split('\n')).toEqual(METHODS);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
  });
});
