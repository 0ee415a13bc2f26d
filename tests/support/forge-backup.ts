// Forged damage to a backup file, for the tests of its checks.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fileSha256 } from '../../db/backup/file-hash';
import { sidecarPath } from '../../db/backup/files';
import type { BackupSidecar } from '../../shared/schemas/backups';

/** Overwrites one page in the middle of the file being checked with garbage (a torn or damaged write). */
export function damagePage(path: string): void {
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const page = Math.floor(bytes.length / pageSize / 2);
  bytes.fill(0x5a, page * pageSize, (page + 1) * pageSize);
  writeFileSync(path, bytes);
}

/**
 * A backup whose index no longer matches its rows (what quick_check skips and integrity_check finds): the
 * schema of a farmers index is rewritten to index another column, and the sidecar's hash made to match.
 */
export function indexOutOfStep(path: string, sidecar = true): void {
  const db = new Database(path);
  const index = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'farmers' AND sql IS NOT NULL LIMIT 1")
    .get() as { name: string; sql: string };
  const columns = (db.prepare('PRAGMA table_info(farmers)').all() as { name: string }[]).map((c) => c.name);
  const indexed = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name);
  const other = columns.find((c) => !indexed.includes(c) && c !== 'id') ?? 'name';
  // SQLite's defensive mode forbids editing the schema table; this test forges a damaged file on purpose
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(
    `CREATE INDEX "${index.name}" ON farmers ("${other}"${
      indexed.length > 1
        ? indexed
            .slice(1)
            .map((c) => `, "${c}"`)
            .join('')
        : ''
    })`,
    index.name,
  );
  db.pragma('writable_schema = OFF');
  db.close();
  if (!sidecar) return;
  const side = JSON.parse(readFileSync(sidecarPath(path), 'utf8')) as BackupSidecar;
  writeFileSync(sidecarPath(path), JSON.stringify({ ...side, sha256: fileSha256(path) }));
}
