import type Database from 'better-sqlite3';

/**
 * A county table about to receive a large share of its rows (issue 16): inserting each row into every
 * secondary index scatters writes over many B-trees (about 20 on purchases), which cost far more than the
 * rows themselves; dropping the plain indexes and creating them again afterwards sorts each one once.
 * Only indexes made by CREATE INDEX without UNIQUE are set aside: primary keys and unique indexes stay,
 * so every constraint the merge relies on is checked row by row as before. Runs inside the caller's
 * transaction: a refused file rolls the drop back with everything else, and the re-created indexes are
 * the very statements stored in the schema.
 */

/** Rows a file must bring before its indexes are worth rebuilding at all. */
const MIN_ROWS = 5_000;
/** Rebuild when the file brings at least this share of the rows the table will hold. */
const MIN_SHARE = 1 / 8;

interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
}

/** Whether `incoming` rows into `table` are better merged with its plain indexes set aside. */
export function worthSettingAside(db: Database.Database, table: string, incoming: number): boolean {
  if (incoming < MIN_ROWS) return false;
  const existing = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return incoming >= (existing + incoming) * MIN_SHARE;
}

/** Drops the table's plain secondary indexes; the returned function creates them again. */
export function setAsideIndexes(db: Database.Database, table: string): () => void {
  const plain = (db.pragma(`index_list(${table})`) as IndexListRow[]).filter((i) => i.origin === 'c' && i.unique === 0);
  const ddl = plain.map(
    (i) => db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(i.name) as string,
  );
  for (const i of plain) db.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const sql of ddl) db.exec(sql);
  };
}
