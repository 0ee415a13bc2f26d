import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { expectOk, LIULIN, tempDir } from '../support/core';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'tests/support/crash-writer.ts');
const ROUNDS = 3;

interface Round {
  committed: { id: string; n: number }[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * Runs the writer until it has committed at least one farmer, waits a random 20–300 ms
 * while it keeps writing, then SIGKILLs it: no chance to close the database or finish a commit.
 */
function runAndKill(dbPath: string, firstN: number): Promise<Round> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, String(firstN)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: Round['committed'] = [];
    let pending = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer committed nothing within 20 s; stderr: ${stderr}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // a line cut off by the kill is not a report
      for (const line of lines) {
        const m = /^([0-9a-f-]{36}) (\d+)$/.exec(line);
        if (m) committed.push({ id: m[1] as string, n: Number(m[2]) });
      }
      if (committed.length > 0 && !killTimer) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 280));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(killTimer);
      done({ committed, signal, code, stderr });
    });
  });
}

describe('crash safety: a writer killed with SIGKILL mid-write', () => {
  const tmp = tempDir('agri-crash-');
  const dbPath = join(tmp.dir, 'agri.db');
  const reported: { id: string; n: number }[] = [];
  beforeAll(async () => {
    const core = openCore(dbPath, { log: () => undefined });
    expectOk(await core.call('settings.setup', { role: 'station', townshipCode: LIULIN, operator: '王会计' }));
    core.close();
  });
  afterAll(() => tmp.dispose());

  it(`leaves a file that passes integrity_check and holds every reported farmer (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await runAndKill(dbPath, 1000 + round * 100_000);
      expect(r.signal, `round ${round} ended by itself (code ${r.code}): ${r.stderr}`).toBe('SIGKILL');
      expect(r.committed.length).toBeGreaterThan(0);
      reported.push(...r.committed);

      // A plain connection first: it recovers the WAL exactly as the next app start would.
      const db = new Database(dbPath);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const ids = new Set(db.prepare('SELECT id FROM farmers').pluck().all() as string[]);
        const missing = reported.filter((c) => !ids.has(c.id));
        expect(missing, `round ${round}: committed farmers missing after the kill`).toEqual([]);
        // every farmer has exactly its audit row: the two were committed together or not at all
        const orphans = db
          .prepare(
            `SELECT count(*) FROM farmers f
              WHERE (SELECT count(*) FROM audit_log a WHERE a.entity_id = f.id AND a.method = 'farmers.create') <> 1`,
          )
          .pluck()
          .get();
        expect(orphans).toBe(0);
        const auditsWithoutFarmer = db
          .prepare("SELECT count(*) FROM audit_log a WHERE a.method = 'farmers.create' AND NOT EXISTS (SELECT 1 FROM farmers f WHERE f.id = a.entity_id)")
          .pluck()
          .get();
        expect(auditsWithoutFarmer).toBe(0);
      } finally {
        db.close();
      }
    }

    // The app opens the file again and sees everything.
    const core = openCore(dbPath, { log: () => undefined });
    try {
      const page = expectOk<{ total: number }>(await core.call('farmers.search', { q: '', pageSize: 1 }));
      expect(page.total).toBeGreaterThanOrEqual(reported.length);
      for (const c of [reported[0], reported.at(-1)]) {
        expectOk(await core.call('farmers.get', { id: c?.id }));
      }
    } finally {
      core.close();
    }
  });
});
