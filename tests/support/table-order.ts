// No vitest imports here: the crash-test child process loads this file outside the test runner.
import type Database from 'better-sqlite3';

/** Row order for reading a whole table: rowid, or the key columns of a WITHOUT ROWID table (farmer_name_grams). */
export function orderOf(db: Database.Database, table: string): string {
  const wr = db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck().get(table) as number;
  if (!wr) return 'rowid';
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => `"${c.name}"`)
    .join(', ');
}
