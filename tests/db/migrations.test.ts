import { randomBytes } from 'node:crypto';
import { setUpInstallation } from '../support/setup';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { APPLICATION_ID, openDatabase } from '../../db/connection';
import { latestVersion, loadMigrations, migrate, SchemaTooNewError, type Migration } from '../../db/migrate';
import { AppError } from '../../shared/api/errors';
import { farmerInput, LIULIN, steppingClock, tempDir } from '../support/core';

const LATEST = latestVersion(loadMigrations());

/** What openDatabase throws for `file` (fails the test if it opens). */
function openError(file: string, migrations?: Migration[]): unknown {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, migrations ? { migrations } : {});
  } catch (error) {
    return error;
  }
  db.close();
  return expect.fail(`${file} was opened`);
}

function raw(file: string, options?: Database.Options) {
  return new Database(file, options);
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('agri-migrate-');
});
afterEach(() => tmp.dispose());

describe('openDatabase from an empty file', () => {
  it('migrates to the latest version and sets the pragmas', () => {
    expect(LATEST).toBeGreaterThanOrEqual(1);
    const file = join(tmp.dir, 'nested', 'folder', 'agri.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['audit_log', 'farmers', 'installation']));
    } finally {
      db.close();
    }
    // application id, WAL and user_version live in the file, not only in that connection
    const check = raw(file, { readonly: true });
    try {
      expect(check.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(check.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  });

  it('accepts a zero-byte file as empty', () => {
    const file = join(tmp.dir, 'zero.db');
    writeFileSync(file, '');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    db.close();
  });

  it('reopening is idempotent and keeps the data', async () => {
    const file = join(tmp.dir, 'agri.db');
    const first = openCore(file, { now: steppingClock(), log: () => undefined });
    await setUpInstallation(first, { role: 'station', townshipCode: LIULIN, name: '王会计' });
    const created = await first.call('farmers.create', farmerInput(1));
    expect(created.ok).toBe(true);
    const schemaBefore = first.db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    first.close();

    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file);
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
        expect(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
        expect(db.prepare('SELECT count(*) FROM farmers').pluck().get()).toBe(1);
        expect(db.prepare('SELECT count(*) FROM installation').pluck().get()).toBe(1);
        // nothing left to apply
        expect(migrate(db)).toEqual({ from: LATEST, to: LATEST });
      } finally {
        db.close();
      }
    }
  });
});

describe('openDatabase refuses files it must not touch', () => {
  it('refuses a file from a newer version with SchemaTooNewError (请升级软件) and leaves it as it was', () => {
    const file = join(tmp.dir, 'newer.db');
    openDatabase(file).close();
    const bump = raw(file);
    bump.pragma(`user_version = ${LATEST + 1}`);
    bump.close();

    const error = openError(file);
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('请升级软件');
    expect((error as AppError).code).toBe('FORBIDDEN');
    expect((error as AppError).details).toEqual({ fileVersion: LATEST + 1, appVersion: LATEST });

    const check = raw(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST + 1);
    check.close();
  });

  it('refuses a newer file through openCore too', () => {
    const file = join(tmp.dir, 'newer.db');
    openDatabase(file).close();
    const bump = raw(file);
    bump.pragma('user_version = 9999');
    bump.close();
    expect(() => openCore(file, { log: () => undefined })).toThrow(/请升级软件/);
  });

  it.each([
    ['8 KiB of random bytes', 8192],
    ['100 random bytes (shorter than a page)', 100],
  ])('refuses a non-SQLite file (%s) with DB_CORRUPT and does not change it', (_label, size) => {
    const file = join(tmp.dir, 'random.bin');
    const bytes = randomBytes(size);
    bytes.write('not a db', 0); // never the SQLite magic by chance
    writeFileSync(file, bytes);

    const error = openError(file);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_CORRUPT');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a SQLite file with another application_id and tables, without changing it', () => {
    const file = join(tmp.dir, 'other-app.db');
    const other = raw(file);
    other.pragma('application_id = 1234');
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x');");
    other.close();

    const error = openError(file);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_CORRUPT');
    expect((error as AppError).message).toContain('不是本软件的数据文件');

    const check = raw(file, { readonly: true });
    expect(check.pragma('application_id', { simple: true })).toBe(1234);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['customers']);
    check.close();
  });

  it('refuses a plain SQLite file (application_id 0) that already has tables', () => {
    const file = join(tmp.dir, 'plain.db');
    const other = raw(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const error = openError(file);
    expect((error as AppError).code).toBe('DB_CORRUPT');
  });
});

describe('loadMigrations and migrate', () => {
  function writeMigrations(files: Record<string, string>): string {
    const dir = join(tmp.dir, 'migrations');
    mkdirSync(dir, { recursive: true });
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
    return dir;
  }

  it('loads the shipped migrations numbered 1..n', () => {
    const ms = loadMigrations();
    expect(ms.map((m) => m.version)).toEqual(ms.map((_, i) => i + 1));
    expect(ms[0]?.name).toBe('init');
  });

  it('reads files in numeric order and ignores other files', () => {
    const dir = writeMigrations({
      '002_second.sql': 'CREATE TABLE b (x);',
      '001_first.sql': 'CREATE TABLE a (x);',
      'README.md': '# not a migration',
      '003_Bad-Name.sql': 'CREATE TABLE c (x);',
    });
    expect(loadMigrations(dir).map((m) => `${m.version}_${m.name}`)).toEqual(['1_first', '2_second']);
  });

  it('throws on a gap in the numbering (001, 003)', () => {
    const dir = writeMigrations({ '001_first.sql': 'CREATE TABLE a (x);', '003_third.sql': 'CREATE TABLE c (x);' });
    expect(() => loadMigrations(dir)).toThrow(/numbering/);
  });

  it('throws on a repeated number and on a list not starting at 001', () => {
    const twice = writeMigrations({ '001_a.sql': 'SELECT 1;', '001_b.sql': 'SELECT 1;' });
    expect(() => loadMigrations(twice)).toThrow(/numbering/);
    tmp.dispose();
    tmp = tempDir('agri-migrate-');
    const late = writeMigrations({ '002_b.sql': 'SELECT 1;' });
    expect(() => loadMigrations(late)).toThrow(/numbering/);
  });

  it('upgrades a file from an earlier version, applying only the newer migrations', () => {
    const file = join(tmp.dir, 'upgrade.db');
    const shipped = loadMigrations();
    openDatabase(file, { migrations: shipped }).close();
    const next: Migration = { version: LATEST + 1, name: 'extra', sql: 'CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT;' };
    const db = openDatabase(file, { migrations: [...shipped, next] });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST + 1);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  // BUG (db/migrate.ts migrate): user_version is read once, outside the per-migration transactions, so a second
  // process that opens the same file during an upgrade (the app and the CLI, two windows) re-applies a migration
  // the first one has just committed and fails to open with "table … already exists".
  it('a migration another process applied meanwhile is skipped, not applied twice', () => {
    const file = join(tmp.dir, 'race.db');
    const shipped = loadMigrations();
    openDatabase(file, { migrations: shipped }).close();
    const next: Migration = { version: LATEST + 1, name: 'extra', sql: 'CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT;' };
    const upgraded = [...shipped, next];

    // What this process will apply: iterating it first lets "another process" upgrade the file,
    // after this one has read user_version and before it starts applying.
    const racing = [...upgraded];
    const iterate = racing[Symbol.iterator].bind(racing);
    let otherProcessRan = false;
    racing[Symbol.iterator] = () => {
      if (!otherProcessRan) {
        otherProcessRan = true;
        openDatabase(file, { migrations: upgraded }).close();
      }
      return iterate();
    };

    const db = openDatabase(file, { migrations: racing });
    try {
      expect(otherProcessRan).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST + 1);
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back as a whole and keeps the earlier version', () => {
    const file = join(tmp.dir, 'broken.db');
    const shipped = loadMigrations();
    openDatabase(file, { migrations: shipped }).close();
    const broken: Migration = {
      version: LATEST + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (id TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(file, { migrations: [...shipped, broken] })).toThrow();
    const check = raw(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(check.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  });
});
