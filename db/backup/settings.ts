import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { ServiceContext } from '../context';
import { ensureDir, localBackupDir, writeFileAtomic } from './files';
import { deriveMaster, keyCheck, newKdf, sameCheck } from './keys';

/**
 * Backup settings. The offsite folder is in the config table. The password itself is never stored: only
 * the scrypt parameters and the key derived from it (so the hourly job can encrypt without asking), in a
 * file beside the local backups on this PC (which holds the data in the clear anyway) — never in the data
 * file, so it does not travel in station report files or backups. A copy on a stolen USB stick needs the password.
 */
const storedKey = z.object({
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  key: z.string(),
  check: z.string(),
  setAt: z.string(),
});
export type StoredKey = z.infer<typeof storedKey>;

const KEYS = { offsiteDir: 'backup.offsiteDir' } as const;
const keyFile = (ctx: ServiceContext) => join(localBackupDir(ctx.dbPath), 'backup-key.json');

function read(ctx: ServiceContext, key: string): unknown {
  const row = ctx.db.prepare('SELECT value_json FROM config WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row ? JSON.parse(row.value_json) : null;
}

function write(ctx: ServiceContext, key: string, value: unknown): void {
  ctx.db
    .prepare(
      'INSERT INTO config (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    )
    .run(key, JSON.stringify(value), ctx.now().toISOString());
}

export function getOffsiteDir(ctx: ServiceContext): string | null {
  const v = read(ctx, KEYS.offsiteDir);
  return typeof v === 'string' && v ? v : null;
}

export function setOffsiteDir(ctx: ServiceContext, dir: string | null): void {
  write(ctx, KEYS.offsiteDir, dir);
}

export function getStoredKey(ctx: ServiceContext): StoredKey | null {
  try {
    const parsed = storedKey.safeParse(JSON.parse(readFileSync(keyFile(ctx), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const VERIFY_SALT = Buffer.from('agri-backup-password-verifier');

/** True when the password gives the stored key (compared through its check tag). */
export function passwordMatches(stored: StoredKey, password: string): boolean {
  const master = deriveMaster(password, stored);
  return sameCheck(keyCheck(master, VERIFY_SALT), stored.check);
}

/**
 * Sets (or replaces, with the current password) the backup password; returns a function that puts the
 * previous key back (when the transaction recording the change fails).
 */
export function setPassword(ctx: ServiceContext, password: string, currentPassword: string | undefined): () => void {
  const existing = getStoredKey(ctx);
  if (existing && (!currentPassword || !passwordMatches(existing, currentPassword))) {
    throw AppError.field('VALIDATION', ['currentPassword'], '原备份密码不正确，未更改');
  }
  const kdf = newKdf();
  const master = deriveMaster(password, kdf);
  const file = keyFile(ctx);
  const next: StoredKey = { ...kdf, key: master.toString('base64'), check: keyCheck(master, VERIFY_SALT), setAt: ctx.now().toISOString() };
  ensureDir(dirname(file));
  writeFileAtomic(file, JSON.stringify(next));
  chmodSync(file, 0o600);
  return () => (existing ? writeFileAtomic(file, JSON.stringify(existing)) : rmSync(file, { force: true }));
}
