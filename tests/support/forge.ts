import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MANIFEST_TABLE } from '../../db/transfer/manifest';
import { manifestMessage } from '../../db/transfer/signature';
import { digestLine, selectAll, TRAVELLING_TABLES } from '../../db/transfer/tables';
import { generateKeyPair, signBytes, type KeyPair } from '../../db/trust/ed25519';
import type { TempCore } from './core';

/** A station's own key pair, read from its database (what a dishonest station could do with its own file). */
export function stationKeyPair(core: TempCore): KeyPair {
  const r = core.db.prepare('SELECT public_key AS publicKey, private_key AS privateKey FROM installation_keys').get() as KeyPair;
  return r;
}

export const freshKeyPair = generateKeyPair;

export function readManifest(db: Database.Database): Record<string, string> {
  const rows = db.prepare(`SELECT key, value FROM ${MANIFEST_TABLE}`).all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function setManifest(db: Database.Database, key: string, value: string | null): void {
  if (value === null) db.prepare(`DELETE FROM ${MANIFEST_TABLE} WHERE key = ?`).run(key);
  else
    db.prepare(`INSERT INTO ${MANIFEST_TABLE} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
      key,
      value,
    );
}

/** Recomputes data_sha256 over the rows as they now are (with the project's own digest function). */
export function redigest(db: Database.Database): void {
  const hash = createHash('sha256');
  for (const t of TRAVELLING_TABLES)
    for (const row of db.prepare(selectAll(t)).iterate() as IterableIterator<Record<string, unknown>>) hash.update(digestLine(t, row));
  setManifest(db, 'data_sha256', hash.digest('hex'));
}

/** Signs the manifest as it now is with `key` (and puts that key's public half in it). */
export function resign(db: Database.Database, key: KeyPair): void {
  setManifest(db, 'public_key', key.publicKey);
  setManifest(db, 'signature', signBytes(key.privateKey, manifestMessage(readManifest(db))));
}

export interface ForgeOptions {
  /** Recompute data_sha256 after the change. */
  redigest?: boolean;
  /** Re-sign the manifest with this key after the change. */
  resignWith?: KeyPair;
  writableSchema?: boolean;
}

/** A copy of `good` at `path`, changed by `change` (SQL or a function), then optionally re-digested and re-signed. */
export function forge(good: string, path: string, change: string | ((db: Database.Database) => void), opts: ForgeOptions = {}): string {
  copyFileSync(good, path);
  const db = new Database(path);
  try {
    if (opts.writableSchema) {
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
    }
    if (typeof change === 'string') db.exec(change);
    else change(db);
    if (opts.redigest) redigest(db);
    if (opts.resignWith) resign(db, opts.resignWith);
  } finally {
    db.close();
  }
  return path;
}
