import { TEST_PASSWORD } from '../support/setup';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { createBackup } from '../../db/backup/create';
import { localBackupDir, readSidecar } from '../../db/backup/files';
import { openDatabase } from '../../db/connection';
import { loadMigrations } from '../../db/migrate';
import type { BackupsList } from '../../shared/schemas/backups';
import { agri } from '../support/cli';
import { tableDigests } from '../support/backups';
import { expectOk, farmerInput, LIULIN, tempDir } from '../support/core';
import { setUpInstallation, signIn } from '../support/setup';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'tests/support/crash-writer.ts');

describe('a backup of a file another process is writing to', () => {
  const tmp = tempDir('agri-bkc-');
  const dbPath = join(tmp.dir, 'agri.db');
  beforeAll(async () => {
    const core = openCore(dbPath, { log: () => undefined });
    await setUpInstallation(core, { role: 'station', townshipCode: LIULIN });
    core.close();
  });
  afterAll(() => tmp.dispose());

  it('is consistent and holds every row committed before it began', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^([0-9a-f-]{36}) \d+$/.exec(line);
        if (m) committed.push(m[1] as string);
      }
    });
    const db = openDatabase(dbPath);
    try {
      while (committed.length < 20) await new Promise((r) => setTimeout(r, 20));
      for (let round = 0; round < 4; round++) {
        const before = [...committed];
        const made = await createBackup(db, dbPath, 'manual', () => new Date());
        expect(made.sidecar.ok).toBe(true);
        const copy = new Database(made.path, { readonly: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          const ids = new Set(copy.prepare('SELECT id FROM farmers').pluck().all() as string[]);
          expect(before.filter((id) => !ids.has(id))).toEqual([]);
          expect(
            copy
              .prepare('SELECT count(*) FROM farmers f WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = f.id)')
              .pluck()
              .get(),
          ).toBe(0);
        } finally {
          copy.close();
        }
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(committed.length).toBeGreaterThan(20); // the writer really was writing throughout
    } finally {
      child.kill('SIGKILL');
      db.close();
    }
  }, 120_000);
});

describe('backups before migrations, and the CLI', () => {
  it('opening a file with pending migrations first writes a verified backup of it as it was', async () => {
    const tmp = tempDir('agri-bkm-');
    try {
      const file = join(tmp.dir, 'agri.db');
      // a file left by an older version (schema 6) with a station's rows in it (written directly: today's
      // services need today's schema)
      const older = loadMigrations().slice(0, 6);
      const core = openCore(file, { migrations: older, log: () => undefined });
      core.ctx.db
        .prepare(
          "INSERT INTO installation (id, station_id, role, township_code, operator, created_at, updated_at) VALUES (1, ?, 'station', ?, '王站长', ?, ?)",
        )
        .run('6f1c2f7e-8a43-4c55-9a0e-1b2c3d4e5f60', LIULIN, '2025-03-01T08:00:00.000Z', '2025-03-01T08:00:00.000Z');
      core.ctx.db.prepare("INSERT INTO config (key, value_json, updated_at) VALUES ('buyerYearlyLimit', '5', '2025-03-01T08:00:00.000Z')").run();
      const digest = tableDigests(core.ctx.db);
      core.close();
      const db = openDatabase(file);
      db.close();
      const dir = localBackupDir(file);
      const names = readdirSync(dir).filter((n) => n.endsWith('.db'));
      expect(names).toHaveLength(1);
      const sidecar = readSidecar(join(dir, names[0] as string));
      expect(sidecar).toMatchObject({ reason: 'pre-migration', ok: true, userVersion: 6 });
      const copy = new Database(join(dir, names[0] as string), { readonly: true });
      // the records as they were (format 2 adds the photo tables, here empty but for the manifest)
      const { backup_photos, backup_photo_places, backup_manifest, ...records } = tableDigests(copy);
      expect([backup_photos, backup_photo_places, backup_manifest].every(Boolean)).toBe(true);
      expect(records).toEqual(digest);
      copy.close();
      // an already current file, or a new empty one, is not backed up again
      openDatabase(file).close();
      openDatabase(join(tmp.dir, 'new.db')).close();
      expect(readdirSync(dir).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    } finally {
      tmp.dispose();
    }
  });

  it('agri backup, agri backups and agri restore', async () => {
    const tmp = tempDir('agri-bkcli-');
    try {
      const file = join(tmp.dir, 'station.db');
      const core = openCore(file, { log: () => undefined });
      await setUpInstallation(core, { role: 'station', townshipCode: LIULIN });
      expectOk(await core.call('farmers.create', farmerInput(1)));
      expectOk(await core.call('backups.config', { password: 'cli-password-1' }));
      core.close();
      const usb = join(tmp.dir, 'usb');
      const made = await agri(['backup', '--db', file, '--to', usb, '--user', 'zhanzhang'], { AGRI_PASSWORD: TEST_PASSWORD });
      expect(made.code, made.stderr).toBe(0);
      const { offsite } = (made.json as { data: { offsite: string } }).data;
      const listed = await agri(['backups', '--db', file, '--user', 'zhanzhang'], { AGRI_PASSWORD: TEST_PASSWORD });
      expect((listed.json as { data: BackupsList }).data.entries.filter((e) => e.verified)).toHaveLength(1);

      const again = openCore(file, { log: () => undefined });
      await signIn(again);
      expectOk(await again.call('farmers.create', farmerInput(2)));
      again.close();
      const wrong = await agri(['restore', '--db', file, '--user', 'zhanzhang', join(usb, offsite)], { AGRI_BACKUP_PASSWORD: 'not-it-at-all', AGRI_PASSWORD: TEST_PASSWORD });
      expect(wrong.code).toBe(1);
      expect(JSON.stringify(wrong.json)).toContain('备份密码不正确');
      const ok = await agri(['restore', '--db', file, '--user', 'zhanzhang', join(usb, offsite)], { AGRI_BACKUP_PASSWORD: 'cli-password-1', AGRI_PASSWORD: TEST_PASSWORD });
      expect(ok.code, ok.stderr).toBe(0);
      const db = new Database(file, { readonly: true });
      expect(db.prepare('SELECT count(*) FROM farmers').pluck().get()).toBe(1);
      db.close();
    } finally {
      tmp.dispose();
    }
  }, 180_000);
});
