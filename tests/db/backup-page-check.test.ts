import { copyFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../db/backup/create';
import { inspectBackup, inspectBackupAsync, type Inspection } from '../../db/backup/inspect';
import { expectOk, farmerInput, stationCore, type TempCore } from '../support/core';
import { damagePage, indexOutOfStep } from '../support/forge-backup';

let cores: TempCore[] = [];
afterEach(() => {
  for (const c of cores) c.dispose();
  cores = [];
});

/** A fresh backup of a station with a few farmers: its path. */
async function backupFile(): Promise<string> {
  const core = await stationCore();
  cores.push(core);
  for (let i = 1; i <= 6; i++) expectOk(await core.call('farmers.create', farmerInput(i)));
  const made = await createBackup(core.ctx.db, core.dbPath, 'manual', core.ctx.now);
  return made.path;
}

/** The page check forced into the worker thread (the default runs it inline below 16 MB), counting pauses. */
async function inWorker(
  path: string,
  depth: 'integrity' | 'quick' = 'integrity',
): Promise<{ found: Inspection; pauses: number; pausesInCheck: number }> {
  let pauses = 0;
  let pausesInCheck = 0;
  let line = '';
  const found = await inspectBackupAsync(
    path,
    async () => {
      pauses++;
      if (/检查备份/.test(line)) pausesInCheck++;
      await new Promise((r) => setImmediate(r));
    },
    { depth, workerFromBytes: 0, pauseEveryMs: 1, onProgress: (_done, _total, what) => (line = what) },
  );
  return { found, pauses, pausesInCheck };
}

const comparable = (i: Inspection) => ({
  ok: i.ok,
  problems: i.problems,
  tables: i.tables,
  userVersion: i.userVersion,
  sha256: i.sha256,
  check: i.check,
});

describe('a large backup is checked in a worker thread: the same verdict as the check on the calling thread', () => {
  it('a sound backup: ok, every table counted, the same as the synchronous check, and the caller kept being paused', async () => {
    const path = await backupFile();
    const { found, pauses, pausesInCheck } = await inWorker(path);
    expect(found.ok).toBe(true);
    expect(found.tables.find((t) => t.name === 'farmers')?.rows).toBe(6);
    expect(comparable(found)).toEqual(comparable(inspectBackup(path)));
    expect(pauses).toBeGreaterThan(found.tables.length);
    // on the calling thread the check is one step (one pause before it); in the worker (a thread started,
    // better-sqlite3 loaded: far more than the 1 ms between pauses here) the caller is paused again meanwhile
    expect(pausesInCheck).toBeGreaterThanOrEqual(2);
  });

  it('a damaged page and an index out of step are found by the worker as by the synchronous check; quick_check passes the second', async () => {
    const path = await backupFile();
    const torn = `${path}.torn.db`;
    copyFileSync(path, torn);
    damagePage(torn);
    const tornFound = (await inWorker(torn)).found;
    expect(tornFound.ok).toBe(false);
    expect(tornFound.problems.join('；')).toMatch(/完整性检查未通过|文件已损坏/);
    expect(comparable(tornFound)).toEqual(comparable(inspectBackup(torn)));

    const skewed = `${path}.skewed.db`;
    copyFileSync(path, skewed);
    indexOutOfStep(skewed, false);
    const full = (await inWorker(skewed)).found;
    expect(full.ok).toBe(false);
    expect(full.problems[0]).toMatch(/^完整性检查未通过：/);
    expect(comparable(full)).toEqual(comparable(inspectBackup(skewed)));
    expect((await inWorker(skewed, 'quick')).found.ok).toBe(true);
  });

  it('a file that is not a database is reported in Chinese, not thrown', async () => {
    const path = await backupFile();
    const junk = `${path}.junk.db`;
    writeFileSync(junk, Buffer.alloc(64 * 1024, 0x41));
    const { found } = await inWorker(junk);
    expect(found.ok).toBe(false);
    expect(found.problems).toContain('文件已损坏或不是数据库文件');
  });

  it('a pause that throws (a cancelled job) stops the check and passes the error on', async () => {
    const path = await backupFile();
    let pauses = 0;
    const cancelled = new Error('已取消');
    await expect(
      inspectBackupAsync(
        path,
        async () => {
          // the pauses of the hash and the one before the check pass; the first pause while the worker checks cancels
          if (++pauses > 2) throw cancelled;
        },
        { workerFromBytes: 0, pauseEveryMs: 1 },
      ),
    ).rejects.toBe(cancelled);
    expect(pauses).toBe(3);
  });
});
