import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { RefusedFile } from './untrusted';

/**
 * A received station file, attached to the county connection while its rows are merged, so mergeRows can
 * copy the new rows with one INSERT … SELECT per table (issue 16). The import works on a private copy in
 * its own temporary folder: the checks and the copy read the same bytes, which nothing else can change.
 */

/** Schema name of the station file attached to the county connection while its rows are copied. */
export const ATTACHED = 'station_file';

/** The received file copied into the import's own temporary folder (a copy that fails refuses the file). */
export function privateCopy(path: string, temp: string): string {
  const copy = join(temp, 'received.agri');
  try {
    copyFileSync(path, copy);
  } catch (error) {
    throw new RefusedFile(`无法复制该文件到临时文件夹（${(error as { code?: string }).code ?? '复制失败'}），请检查磁盘空间后重试`);
  }
  return copy;
}

/**
 * Attaches the opened copy to the county connection, with every page's cells checked as the file's own
 * defensive connection does; returns the schema name for mergeRows. SQLite cannot attach inside a
 * transaction: a caller already in one (none in the app) gets undefined, and the row-by-row merge.
 */
export function attachForCopy(db: Database.Database, path: string): string | undefined {
  if (db.inTransaction) return undefined;
  db.prepare(`ATTACH DATABASE ? AS ${ATTACHED}`).run(path);
  db.pragma('cell_size_check = ON');
  // read once, in order: a small page cache of its own keeps the import's peak memory where it was
  db.pragma(`${ATTACHED}.cache_size = -4096`);
  return ATTACHED;
}

/** Detaches the station file, if attached, and turns the cell checks off again. */
export function detachCopy(db: Database.Database): void {
  const list = db.pragma('database_list') as { name: string }[];
  if (!list.some((d) => d.name === ATTACHED)) return;
  db.exec(`DETACH DATABASE ${ATTACHED}`);
  db.pragma('cell_size_check = OFF');
}
