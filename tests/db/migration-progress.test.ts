import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../db/connection';
import { loadMigrations, migrate, type Migration, type MigrationProgress } from '../../db/migrate';
import { splitSteps } from '../../db/migrate-steps';
import { pendingUpgrade, startUpgrade } from '../../db/upgrade/upgrade';
import type { UpgradeStatus } from '../../db/upgrade/status';
import { createFarmer, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';
import { fileAtVersion, snapshot } from '../support/migration-files';

/**
 * Long migrations report where they are (steps, chunks over rowid ranges) and still commit or roll back
 * as one transaction each; at start-up they run in a worker thread and the upgrade status follows them.
 */
const tmp = tempDir('agri-migrate-progress-');
let source: TempCore;
beforeAll(async () => {
  source = await stationCore();
  await createFarmer(source, farmerInput(1, { name: '张三' }));
  await createFarmer(source, farmerInput(2, { name: '李四' }));
});
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

/** A fake, "slow" migration set: 1 creates a table, 2 fills it in chunks, 3 adds an index in two steps. */
function fakeMigrations(third = 'CREATE INDEX items_value ON items (value);'): Migration[] {
  return [
    { version: 1, name: 'items', sql: 'CREATE TABLE items (id INTEGER PRIMARY KEY, value INTEGER NOT NULL);' },
    {
      version: 2,
      name: 'fill',
      sql: [
        '-- step: 写入原始行',
        'INSERT INTO items (value) SELECT value FROM seed;',
        '-- step: 复制行',
        '-- chunk: items 4',
        'INSERT INTO items (value) SELECT value + 100 FROM items WHERE rowid >= :lo AND rowid < :hi;',
      ].join('\n'),
    },
    { version: 3, name: 'index', sql: ['-- step: 建表', 'CREATE TABLE extra (x INTEGER);', '-- step: 建索引', third].join('\n') },
  ];
}

function emptyFile(name: string): Database.Database {
  const db = new Database(`${tmp.dir}/${name}`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  return db;
}

describe('migration steps', () => {
  it('splits a file at its step markers and reads chunk markers', () => {
    const steps = splitSteps('-- header comment\nCREATE TABLE a (x);\n-- step: 二\n-- chunk: a 500\nINSERT INTO a SELECT 1 WHERE :lo < :hi;', 'first');
    expect(steps.map((s) => s.name)).toEqual(['first', '二']);
    expect(steps[1]?.chunk).toEqual({ table: 'a', size: 500 });
    expect(splitSteps('-- only a comment\n-- step: 空\n', 'x')).toEqual([]);
    expect(() => splitSteps('-- step: a\nSELECT 1;\n-- chunk: t 5\nSELECT 2;', 'x')).toThrow(/must directly follow/);
  });

  it('reports every step and chunk in order, ending at the total', () => {
    const db = emptyFile('steps.db');
    const events: MigrationProgress[] = [];
    db.exec('CREATE TABLE seed (value INTEGER); WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 10) INSERT INTO seed SELECT v FROM n;');
    expect(migrate(db, fakeMigrations(), { onProgress: (p) => events.push(p) })).toEqual({ from: 0, to: 3 });
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(20);
    const steps = events.map((e) => `${e.version}:${e.step}`);
    // the chunked step walks rowids 1–10 in pieces of 4: three chunks, each reported
    // each migration that changed something has its foreign keys checked before it commits, and says so
    expect(steps).toEqual([
      '1:items', '1:items', '1:核对各表之间的引用',
      '2:写入原始行', '2:写入原始行',
      '2:复制行', '2:复制行', '2:复制行', '2:复制行', '2:核对各表之间的引用',
      '3:建表', '3:建表', '3:建索引', '3:建索引', '3:核对各表之间的引用',
      '3:完成',
    ]);
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const last = events.at(-1) as MigrationProgress;
    expect(last.done).toBe(last.total);
    expect(last.total).toBe(1 + 1 + 3 + 1 + 1);
    db.close();
  });

  it('a placeholder that changes nothing skips the foreign-key check; a row change alone still gets it', () => {
    const db = emptyFile('placeholder.db');
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));');
    db.exec('INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1, 1);');
    const events: MigrationProgress[] = [];
    const placeholder: Migration = { version: 1, name: 'reserved', sql: 'SELECT 1;' };
    migrate(db, [placeholder], { onProgress: (p) => events.push(p) });
    expect(events.map((e) => e.step)).toEqual(['reserved', 'reserved', '完成']);
    // a data-only migration that breaks a key (no schema change) is still caught and rolled back
    const breaking: Migration = { version: 2, name: 'orphan', sql: 'DELETE FROM parent;' };
    expect(() => migrate(db, [placeholder, breaking])).toThrow(/broke 1 foreign key/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM parent').pluck().get()).toBe(1);
    db.close();
  });

  it('a failing step rolls its whole migration back: user_version stays at the last migration that committed', () => {
    const db = emptyFile('fails.db');
    db.exec('CREATE TABLE seed (value INTEGER); INSERT INTO seed VALUES (1), (2);');
    const events: MigrationProgress[] = [];
    expect(() => migrate(db, fakeMigrations('CREATE INDEX broken ON no_such_table (x);'), { onProgress: (p) => events.push(p) })).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    // step 1 of migration 3 ran inside the rolled-back transaction: its table is gone
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(0);
    expect(events.at(-1)?.step).toBe('建索引');
    db.close();
  });
});

describe('start-up upgrade in a worker thread', () => {
  it('finds nothing to do for a current, new or foreign file', () => {
    expect(pendingUpgrade(source.dbPath)).toBeUndefined();
    expect(pendingUpgrade(`${tmp.dir}/missing.db`)).toBeUndefined();
    const foreign = new Database(`${tmp.dir}/foreign.db`);
    foreign.pragma('user_version = 3');
    foreign.close();
    expect(pendingUpgrade(`${tmp.dir}/foreign.db`)).toBeUndefined();
  });

  it('migrates an older file off the main thread, the status moving from backup to done', async () => {
    const latest = loadMigrations().length;
    const file = fileAtVersion(tmp.dir, 12, source.db);
    const before = snapshot(file);
    const pending = pendingUpgrade(file);
    expect(pending).toEqual({ from: 12, to: latest });
    const seen: UpgradeStatus[] = [];
    const run = startUpgrade(file, pending as { from: number; to: number }, { onStatus: (s) => seen.push(s) });
    await run.finished;
    expect(seen[0]?.state).toBe('backup');
    expect(seen.at(-1)).toMatchObject({ state: 'done', percent: 100, fromVersion: 12, toVersion: latest });
    const percents = seen.filter((s) => s.state === 'migrating').map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.some((s) => s.step.includes('数据版本 17'))).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    db.close();
    expect(snapshot(file).farmers).toEqual(before.farmers);
    expect(pendingUpgrade(file)).toBeUndefined();
  });

  it('a failing migration leaves the file at its last committed version and says so in Chinese', async () => {
    const file = fileAtVersion(tmp.dir, 16, source.db);
    const sabotage = new Database(file);
    // 017 creates farmer_name_grams: a table already holding that name makes it fail half-way
    sabotage.exec('CREATE TABLE farmer_name_grams (x INTEGER)');
    sabotage.close();
    const run = startUpgrade(file, { from: 16, to: loadMigrations().length });
    await expect(run.finished).rejects.toThrow(/数据库升级失败.*数据版本 17 的升级已全部撤销，数据文件完好，停在数据版本 16/);
    expect(run.status()).toMatchObject({ state: 'failed' });
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'farmers_name_grams_insert'").pluck().get()).toBe(0);
    db.close();
  });
});
