import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openCore, type AppCore } from '../app';
import { asUser, signInCli } from './credentials';
import { createBackup } from '../backup/create';
import { copyOffsite } from '../backup/offsite';
import { restoreBackup } from '../backup/restore';
import { listBackups } from '../backup/service';
import type { JobStatus } from '../../shared/schemas/jobs';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** Runs long work as a job, showing its progress on stderr; prints the outcome as the other commands do. */
async function runJob(core: AppCore, started: JobStatus): Promise<number> {
  let last = '';
  for (;;) {
    const s = core.ctx.jobs.get(started.id);
    const line = `${s.phase}${s.total ? ` ${Math.floor((s.done / s.total) * 100)}%` : ''}`;
    if (line !== last && s.state === 'running') process.stderr.write(`${line}\n`);
    last = line;
    if (s.state !== 'running') {
      print(s.state === 'done' ? { ok: true, data: s.result } : { ok: false, error: s.error });
      return s.state === 'done' ? 0 : 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `agri backup --db FILE [--to DIR]`: a verified backup beside the file; with --to, also its encrypted copy in DIR. */
export async function backupCommand(dbPath: string, to: string | undefined, user: string | undefined): Promise<number> {
  const core = openCore(dbPath);
  try {
    const actor = await signInCli(core, user);
    const started = asUser(core, actor, 'backups.create', () =>
      core.ctx.jobs.start('backups.create', async (job) => {
        const made = await createBackup(core.ctx.db, dbPath, 'manual', core.ctx.now, job);
        const offsite = to ? await copyOffsite(core.ctx, made, job, resolve(to)) : null;
        return { file: made.path, tables: made.sidecar.tables, offsite };
      }),
    );
    return await runJob(core, started);
  } finally {
    core.close();
  }
}

/** `agri backups --db FILE`: the backups and their state. */
export async function backupsCommand(dbPath: string, user: string | undefined): Promise<number> {
  const core = openCore(dbPath);
  try {
    const actor = await signInCli(core, user);
    print({ ok: true, data: asUser(core, actor, 'backups.list', () => listBackups(core.ctx)) });
    return 0;
  } finally {
    core.close();
  }
}

function readPassword(): string {
  const fromEnv = process.env.AGRI_BACKUP_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('请输入备份密码（输入后按回车，再按 Ctrl+D）：\n');
  return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
}

/** `agri restore --db FILE BACKUP`: restores a backup (password from AGRI_BACKUP_PASSWORD or stdin when encrypted). */
export async function restoreCommand(dbPath: string, file: string | undefined, user: string | undefined): Promise<number> {
  if (!file || !existsSync(file)) {
    process.stderr.write(file ? `找不到备份文件：${file}\n` : '请给出要恢复的备份文件\n');
    return 2;
  }
  const encrypted = file.endsWith('.agribak');
  const password = encrypted ? readPassword() : undefined;
  const core = openCore(dbPath);
  try {
    const actor = await signInCli(core, user);
    process.stderr.write(`正在恢复 ${basename(file)} …\n`);
    const started = asUser(core, actor, 'backups.restore', () =>
      core.ctx.jobs.start('backups.restore', (job) => restoreBackup(core.ctx, { path: resolve(file), encrypted, password }, job)),
    );
    return await runJob(core, started);
  } finally {
    core.close();
  }
}
