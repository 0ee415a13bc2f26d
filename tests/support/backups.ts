// No vitest imports here: the crash-test child process loads this file outside the test runner.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AppCore } from '../../db/app';
import type { JobStatus } from '../../shared/schemas/jobs';
import { orderOf } from './table-order';

/** A digest of every table's contents (rows in rowid or key order), to compare files exactly. */
export function tableDigests(db: Database.Database): Record<string, string> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const name of names) {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY ${orderOf(db, name)}`).iterate()) hash.update(`${JSON.stringify(row)}\n`);
    out[name] = hash.digest('hex');
  }
  return out;
}

/** Starts a job-answering method and waits for it to finish. */
export async function runJob(core: AppCore, method: string, input: unknown): Promise<JobStatus> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
  return core.ctx.jobs.wait((r.data as JobStatus).id);
}
