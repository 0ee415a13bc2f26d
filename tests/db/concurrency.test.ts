import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result';
import { createFarmer, farmerInput, stationCore, type TempCore } from '../support/core';

/**
 * Another process (the CLI's batch work, a second app instance, a county import) may write
 * to the same file; busy_timeout is meant to make such writers wait for each other.
 *
 * The hook below runs inside the service's write transaction after its first reads (every
 * write asks ctx.now() for its timestamp between its checks and its first INSERT/UPDATE)
 * and lets a second connection commit a write right there, as another process could.
 *
 * With a deferred transaction (better-sqlite3's default `db.transaction(fn)()`), the service
 * already holds a read snapshot, the other connection commits, and the service's first write
 * cannot upgrade the stale snapshot: SQLITE_BUSY_SNAPSHOT, at once — busy_timeout never applies
 * — which the app reports as CONFLICT "数据库正被其他程序使用，请稍后重试". With BEGIN IMMEDIATE
 * the service takes the write lock first and the *other* writer waits instead.
 */
describe('a write while another connection writes to the same file', () => {
  let core: TempCore | undefined;
  let other: Database.Database | undefined;
  afterEach(() => {
    other?.close();
    core?.dispose();
    other = undefined;
    core = undefined;
  });

  /** The next ctx.now() inside a service lets `o` commit one row first; returns what happened to it. */
  function foreignWriteAtNextTimestamp(c: TempCore, o: Database.Database) {
    const state = { foreign: 'pending' as 'pending' | 'committed' | 'had to wait' };
    const now = c.ctx.now;
    c.ctx.now = () => {
      if (state.foreign === 'pending') {
        try {
          o.prepare(
            `INSERT INTO audit_log (id, station_id, at, operator, method, entity, entity_id)
             VALUES (?, 'other', '2025-01-01T00:00:00.000Z', '外部程序', 'other.write', 'x', 'y')`,
          ).run(randomUUID());
          state.foreign = 'committed';
        } catch {
          // the service holds the write lock: a real other process would wait (busy_timeout); here, give up at once
          state.foreign = 'had to wait';
        }
      }
      return now();
    };
    return state;
  }

  const WRITES: [string, (c: TempCore) => Promise<() => Promise<Result<unknown>>>][] = [
    ['farmers.create', async (c) => () => c.call('farmers.create', farmerInput(2))],
    [
      'farmers.update',
      async (c) => {
        const f = await createFarmer(c, farmerInput(1));
        return () => c.call('farmers.update', { ...farmerInput(1, { name: '改名' }), id: f.id });
      },
    ],
    [
      'farmers.void',
      async (c) => {
        const f = await createFarmer(c, farmerInput(1));
        return () => c.call('farmers.void', { id: f.id, reason: '录入错误' });
      },
    ],
    ['settings.update', async (c) => () => c.call('settings.update', { idleLockMinutes: 15 })],
  ];

  it.each(WRITES)('%s succeeds rather than failing at once with "database busy"', async (_method, prepare) => {
    core = await stationCore();
    const run = await prepare(core);
    other = new Database(core.dbPath, { timeout: 0 });
    const state = foreignWriteAtNextTimestamp(core, other);
    const r = await run();
    expect(state.foreign).not.toBe('pending');
    expect(r, `the other connection's write: ${state.foreign}; result: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
  });
});
