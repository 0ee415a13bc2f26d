import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBackupDir, readSidecar, sidecarPath } from '../../db/backup/files';
import { inspectBackup } from '../../db/backup/inspect';
import { APPLICATION_ID } from '../../db/connection';
import { loadMigrations, migrate } from '../../db/migrate';
import { splitSteps } from '../../db/migrate-steps';
import { lineWriter } from '../../db/upgrade/cli';
import type { UpgradePhase, UpgradeStatus } from '../../db/upgrade/status';
import { pendingUpgrade, startUpgrade } from '../../db/upgrade/upgrade';
import type { RestoreResult } from '../../shared/schemas/backups';
import { runJob, tableDigests } from '../support/backups';
import { createFarmer, farmerInput, stationCore, tempDir, type TempCore } from '../support/core';
import { fileAtVersion, snapshot } from '../support/migration-files';
import { signIn } from '../support/setup';

/**
 * The start-up upgrade's pre-migration backup: made in the worker in stages (copy, photos, check) that the
 * status reports one after the other with their own progress, checked with quick_check, and restorable;
 * a failure says what happened in Chinese and keeps SQLite's own words apart, for the technician.
 */
const tmp = tempDir('agri-upgrade-backup-');
let source: TempCore;
beforeAll(async () => {
  source = await stationCore();
  for (let i = 1; i <= 6; i++)
    await createFarmer(source, farmerInput(i, { name: ['张三', '李四', '王五', '赵六', '孙七', '周八'][i - 1] }));
});
afterAll(() => {
  source.dispose();
  tmp.dispose();
});

async function upgrade(file: string): Promise<UpgradeStatus[]> {
  const seen: UpgradeStatus[] = [];
  const pending = pendingUpgrade(file);
  expect(pending).toBeDefined();
  const run = startUpgrade(file, pending as { from: number; to: number }, { onStatus: (s) => seen.push(s) });
  await run.finished;
  return seen;
}

describe('the upgrade reports the backup as phases', () => {
  it('copy, photos, check, then the migrations, each phase moving from 0 to 100 and never back', async () => {
    const file = fileAtVersion(tmp.dir, 12, source.db);
    const seen = await upgrade(file);
    const order: UpgradePhase[] = [];
    for (const s of seen) if (order.at(-1) !== s.phase) order.push(s.phase);
    expect(order).toEqual(['copy', 'photos', 'check', 'migrate']);
    for (const phase of order.slice(0, 3)) {
      const percents = seen.filter((s) => s.phase === phase && s.state === 'backup').map((s) => s.percent);
      expect(percents, phase).toEqual([...percents].sort((a, b) => a - b));
      expect(percents.at(-1), phase).toBe(100);
    }
    // the check names what it does, and the earlier phases are shown done meanwhile
    // (a file this small gets the full check; a large one quick_check: '正在检查备份的每个数据页')
    const checking = seen.find((s) => s.step === '正在逐项检查备份的完整性');
    expect(checking?.phases.map((p) => p.state)).toEqual(['done', 'done', 'running', 'waiting']);
    // 017 now shows its steps while it runs
    expect(seen.some((s) => s.step.includes('017_farmer_name_grams') && s.step.includes('填充已有农户的姓名片段'))).toBe(true);
    expect(seen.at(-1)?.phases.every((p) => p.state === 'done')).toBe(true);
    // the CLI prints the phase with each line
    const lines: string[] = [];
    seen.forEach(lineWriter((l) => lines.push(l)));
    expect(lines.some((l) => l.startsWith('正在升级数据库 [3/4 备份：校验备份]'))).toBe(true);
  });

  it('the backup it made holds the file as it was, was checked in full (a small file), and restores', async () => {
    const file = fileAtVersion(tmp.dir, 12, source.db);
    const before = snapshot(file);
    await upgrade(file);
    const dir = localBackupDir(file);
    const name = readdirSync(dir).find((n) => n.endsWith('.db')) as string;
    const sidecar = readSidecar(join(dir, name));
    expect(sidecar).toMatchObject({ reason: 'pre-migration', ok: true, check: 'integrity', userVersion: 12, problems: [] });
    expect(sidecar?.tables.find((t) => t.name === 'farmers')?.rows).toBe(6);
    // a stricter look finds nothing the quick one missed
    expect(inspectBackup(join(dir, name)).problems).toEqual([]);
    const copy = new Database(join(dir, name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    // restored through 恢复 on a running station: the backup (version 12) is checked in full, swapped in and migrated
    const core = await stationCore();
    try {
      const target = localBackupDir(core.dbPath);
      mkdirSync(target, { recursive: true });
      copyFileSync(join(dir, name), join(target, name));
      writeFileSync(sidecarPath(join(target, name)), readFileSync(sidecarPath(join(dir, name))));
      await createFarmer(core, farmerInput(40, { name: '吴九' }));
      const done = await runJob(core, 'backups.restore', { file: name, location: 'local' });
      expect(done.state, JSON.stringify(done.error)).toBe('done');
      expect((done.result as RestoreResult).tables.find((t) => t.name === 'farmers')).toMatchObject({ backup: 6, live: 1 });
      expect(core.ctx.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      const byId = (rows: unknown[]) => [...(rows as { id: string }[])].sort((x, y) => x.id.localeCompare(y.id));
      expect(byId(core.ctx.db.prepare('SELECT * FROM farmers').all())).toEqual(byId(before.farmers ?? []));
      // and the restored file works: search by a piece of a name goes through 017's grams
      await signIn(core);
      const found = await core.call('farmers.search', { q: '王' });
      expect(found.ok && (found.data as { items: { name: string }[] }).items.map((f) => f.name)).toEqual(['王五']);
    } finally {
      core.dispose();
    }
  });

  it('quick_check refuses a backup whose pages were damaged after it was written', () => {
    const file = fileAtVersion(tmp.dir, 12, source.db);
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'farmers'").pluck().get() as number;
    db.close();
    expect(inspectBackup(file, { depth: 'quick' }).ok).toBe(true);
    // scribble over the farmers table's root page header, as a torn or bad write would
    const bytes = readFileSync(file);
    bytes.fill(0x5a, (root - 1) * pageSize, (root - 1) * pageSize + 64);
    writeFileSync(file, bytes);
    const found = inspectBackup(file, { depth: 'quick' });
    expect(found.ok).toBe(false);
    expect(found.check).toBe('quick');
    expect(found.problems.join()).toMatch(/完整性检查未通过|文件已损坏/);
  });
});

describe('a failed upgrade', () => {
  it("says it in Chinese; SQLite's English is only the technician's detail", async () => {
    const file = fileAtVersion(tmp.dir, 16, source.db);
    const sabotage = new Database(file);
    sabotage.exec('CREATE TABLE farmer_name_grams (x INTEGER)');
    sabotage.close();
    const run = startUpgrade(file, { from: 16, to: loadMigrations().length });
    const error = await run.finished.then(
      () => undefined,
      (e: unknown) => e as Error & { details?: Record<string, unknown> },
    );
    const status = run.status();
    expect(status).toMatchObject({ state: 'failed', phase: 'migrate' });
    expect(status.error).toMatch(/^数据库升级失败：数据版本 17 的升级出错。数据版本 17 的升级已全部撤销，数据文件完好，停在数据版本 16/);
    expect(status.error).not.toMatch(/[A-Za-z]{3,}/);
    expect(status.detail).toMatch(/^017_farmer_name_grams：.*table farmer_name_grams already exists/);
    expect(status.phases.map((p) => p.state)).toEqual(['done', 'done', 'done', 'failed']);
    expect(error?.message).toBe(status.error);
    expect(error?.details?.technical).toBe(status.detail);
    const lines: string[] = [];
    lineWriter((l) => lines.push(l))(status);
    expect(lines[0]).toContain('\n技术信息（供技术人员）：');
  });

  it('a backup that cannot be written stops before any migration, and says no backup was kept', async () => {
    const file = fileAtVersion(tmp.dir, 12, source.db);
    // a plain file where the backup folder goes: the backup cannot be written
    writeFileSync(localBackupDir(file), 'not a folder');
    const run = startUpgrade(file, { from: 12, to: loadMigrations().length });
    await expect(run.finished).rejects.toThrow(/升级尚未开始，数据文件未被改动/);
    const status = run.status();
    expect(status.phase).toBe('copy');
    expect(status.error).not.toContain('原样备份在数据文件旁');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    db.close();
  });
});

describe('017 step markers', () => {
  it('split 017 into steps without changing what it does: same schema text and rows as the file without them', () => {
    const migrations = loadMigrations();
    const m017 = migrations[16];
    expect(m017?.version).toBe(17);
    const withMarkers = (m017 as { sql: string }).sql;
    const without = withMarkers
      .split('\n')
      .filter((l) => !l.startsWith('-- step:'))
      .join('\n');
    // the markers are the only lines that differ, and there are four steps
    expect(withMarkers.split('\n').length - without.split('\n').length).toBe(4);
    expect(splitSteps(withMarkers, 'x').map((s) => s.name)).toEqual([
      '建立姓名片段表',
      '填充已有农户的姓名片段（农户多时需几分钟）',
      '建立同步触发器',
      '记录导入文件的签名摘要',
    ]);
    const carried = (sql: string) => {
      const file = fileAtVersion(tmp.dir, 16, source.db);
      const db = new Database(file);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, [...migrations.slice(0, 16), { ...(m017 as { version: number; name: string }), sql }]);
      const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all();
      const digests = tableDigests(db);
      db.close();
      return { schema, digests };
    };
    const a = carried(withMarkers);
    const b = carried(without);
    expect(a.schema).toEqual(b.schema);
    expect(a.digests).toEqual(b.digests);
    expect(a.digests.farmer_name_grams).toBeTruthy();
  });
});
