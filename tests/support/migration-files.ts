/**
 * Files at an earlier schema version, filled with real rows: a file is migrated only up to `version`, then
 * every row of a populated database (set up through today's app) that fits its tables (the columns that
 * existed then) is copied in. Tests of one migration open such a file with today's app; nothing of the
 * old file is built through today's services.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { APPLICATION_ID } from '../../db/connection';
import { loadMigrations, migrate } from '../../db/migrate';
import { orderOf } from './table-order';

export type Row = Record<string, unknown>;

export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/** Ordinary tables: not SQLite's own, not FTS5 tables or their shadow tables (triggers fill those from the rows). */
export function tablesOf(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  ).sort();
}

let files = 0;
/** A file in `dir` at `version` holding every row of `from` that fits its tables. */
export function fileAtVersion(dir: string, version: number, from: Database.Database): string {
  const file = join(dir, `v${version}-${++files}.db`);
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  migrate(
    db,
    loadMigrations().filter((m) => m.version <= version),
  );
  db.pragma('foreign_keys = OFF');
  // tablesOf leaves out FTS5 tables (018, 020) and their shadow tables: the triggers fill them as the rows go in
  db.transaction(() => {
    for (const table of tablesOf(db)) {
      const cols = columnsOf(db, table).filter((c) => columnsOf(from, table).includes(c));
      if (!cols.length) continue;
      const list = cols.map((c) => `"${c}"`).join(', ');
      const insert = db.prepare(`INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const row of from.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${orderOf(from, table)}`).raw().all() as unknown[][]) insert.run(...row);
    }
  })();
  db.close();
  return file;
}

/** Every row of every table of a file. */
export function snapshot(file: string): Record<string, Row[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tablesOf(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${orderOf(db, t)}`).all() as Row[]]));
  } finally {
    db.close();
  }
}
