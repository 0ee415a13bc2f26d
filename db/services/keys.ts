import type { ServiceContext } from '../context';
import { isoNow } from '../context';
import { fingerprint, generateKeyPair, signBytes } from '../trust/ed25519';

/** This installation's public identity (the private key stays inside this module and the database). */
export interface InstallationKey {
  publicKey: string;
  fingerprint: string;
}

interface KeyRow extends InstallationKey {
  private_key: string;
}

function read(ctx: ServiceContext): KeyRow | undefined {
  return ctx.db.prepare('SELECT public_key AS publicKey, fingerprint, private_key FROM installation_keys WHERE id = 1').get() as
    KeyRow | undefined;
}

/**
 * Gives the installation its Ed25519 key pair if it has none: called at setup, and on first use in an
 * installation set up before migration 012. Idempotent; safe inside or outside a transaction.
 */
export function ensureInstallationKeys(ctx: ServiceContext): InstallationKey {
  const have = read(ctx);
  if (have) return { publicKey: have.publicKey, fingerprint: have.fingerprint };
  const pair = generateKeyPair();
  const fp = fingerprint(pair.publicKey);
  // INSERT OR IGNORE: another process may have created it since we looked; read back what won
  ctx.db
    .prepare('INSERT OR IGNORE INTO installation_keys (id, public_key, private_key, fingerprint, created_at) VALUES (1, ?, ?, ?, ?)')
    .run(pair.publicKey, pair.privateKey, fp, isoNow(ctx));
  const row = read(ctx) as KeyRow;
  return { publicKey: row.publicKey, fingerprint: row.fingerprint };
}

/** Signs with the installation's private key (created first if missing). */
export function signWithInstallationKey(ctx: ServiceContext, message: Buffer | string): string {
  ensureInstallationKeys(ctx);
  return signBytes((read(ctx) as KeyRow).private_key, message);
}

/** The fingerprint if the installation has a key, without creating one (a read path). */
export function installationFingerprint(ctx: ServiceContext): string | null {
  return read(ctx)?.fingerprint ?? null;
}
