import type Database from 'better-sqlite3';

/**
 * Tables that must never leave the installation in a station file: accounts and their password hashes,
 * recovery codes, sign-in records, the access log and the station's private signing key. (The rest of the local state is harmless but not
 * read by the county.)
 */
export const NEVER_EXPORTED = ['recovery_codes', 'sign_in_events', 'access_log', 'users', 'installation_keys', 'machine_index'] as const;

/**
 * Empties the never-exported tables of an export snapshot and rewrites the file (VACUUM), so no page of the
 * file still holds a deleted row. Run on the snapshot (never the live file) before the manifest is written.
 */
export function scrubSnapshot(snap: Database.Database): void {
  const present = new Set(snap.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  snap.pragma('secure_delete = ON');
  snap.transaction(() => {
    for (const table of NEVER_EXPORTED) if (present.has(table)) snap.exec(`DELETE FROM "${table}"`);
    // the old shared voucher secret (before signed vouchers) stays home too
    snap.exec('UPDATE installation SET voucher_secret = NULL');
  })();
  snap.exec('VACUUM');
}
