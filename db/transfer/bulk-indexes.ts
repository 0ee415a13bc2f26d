import type Database from 'better-sqlite3';

/**
 * A county table about to receive a large share of its rows (issue 16): inserting each row into every
 * secondary index scatters writes over many B-trees (about 20 on purchases), which cost far more than the
 * rows themselves; dropping the plain indexes and creating them again afterwards sorts each one once.
 * Only indexes made by CREATE INDEX without UNIQUE (or UNIQUE only because they hold the primary key) are
 * set aside: primary keys and unique indexes stay, so every constraint the merge relies on is checked row
 * by row as before. Runs inside the caller's transaction: a refused file rolls the drop back with
 * everything else, and the re-created indexes are the very statements stored in the schema.
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

/** Page cache (negative: KiB) while a batch's indexes are created: it also bounds the sorter's memory. */
const SORT_CACHE_KIB = -16_384;

/**
 * Plain indexes the import itself reads between files of a batch, so they stay live while the batch runs
 * (checkFileHistory looks up each file's chain head by station and sequence).
 */
const READ_DURING_BATCH = new Set(['audit_log_chain']);

/**
 * Columns the schema's triggers look rows up by, per table (`UPDATE t … WHERE col = NEW.x`, `DELETE FROM t
 * WHERE col = OLD.x`). While a batch runs, a table whose indexes are aside is still written by the triggers
 * of the others (a farmer inserted or updated sets buyer_township_code on its purchases and scraps by
 * farmer_id): an index led by such a column stays live, or each of those trigger runs would scan the table.
 */
function triggerLookups(db: Database.Database): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const bodies = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[];
  const lookup = /\b(?:UPDATE|DELETE\s+FROM)\s+"?(\w+)"?[^;]*?\bWHERE\s+"?(\w+)"?\s*=\s*(?:NEW|OLD)\./gi;
  for (const sql of bodies) {
    for (const m of sql.matchAll(lookup)) {
      const [, table, column] = m as unknown as [string, string, string];
      const key = table.toLowerCase();
      if (!found.has(key)) found.set(key, new Set());
      found.get(key)?.add(column.toLowerCase());
    }
  }
  return found;
}

/** An index's key columns in order (lower case; an expression is ''). */
function indexColumns(db: Database.Database, index: string): string[] {
  const cols = db.pragma(`index_info("${index}")`) as { seqno: number; name: string | null }[];
  return cols.sort((a, b) => a.seqno - b.seqno).map((c) => c.name?.toLowerCase() ?? '');
}

/** The table's primary-key columns (lower case). */
function keyColumns(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string; pk: number }[]).filter((c) => c.pk > 0).map((c) => c.name.toLowerCase());
}

/**
 * The table's plain secondary indexes (name and stored CREATE statement): made by CREATE INDEX, and either
 * not UNIQUE or UNIQUE over columns that include the whole primary key (a sort order such as farmers'
 * (name_pinyin, id), which no row can break while the key holds), so no constraint is left unchecked.
 */
function plainIndexes(db: Database.Database, table: string): { name: string; sql: string }[] {
  const key = keyColumns(db, table);
  const holdsKey = (index: string) => {
    const cols = indexColumns(db, index);
    return key.length > 0 && key.every((k) => cols.includes(k));
  };
  return (db.pragma(`index_list(${table})`) as IndexListRow[])
    .filter((i) => i.origin === 'c' && (i.unique === 0 || holdsKey(i.name)))
    .map((i) => ({
      name: i.name,
      sql: db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(i.name) as string,
    }));
}

/** Drops the table's plain secondary indexes; the returned function creates them again. */
export function setAsideIndexes(db: Database.Database, table: string): () => void {
  const plain = plainIndexes(db, table);
  for (const i of plain) db.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of plain) db.exec(i.sql);
  };
}

/**
 * Plain indexes set aside once for a whole batch of station files (county.importStations takes several):
 * rebuilding them after every file sorts the rows of all earlier files again (quadratic across a batch),
 * so each is dropped when the first file worth it arrives and created once when the batch ends. Each file
 * commits on its own (its rows are copied from the attached file, which SQLite cannot attach inside a
 * transaction), so every dropped index is noted in import_indexes_aside (migration 023) in the same
 * transaction as the drop: a refused file's rollback brings the index and its note back together, and a
 * batch cut short (crash, power cut) is finished by `restoreIndexesAside` when the file is next opened.
 * `setAside` drops whatever is there again after such a rollback.
 */
export class BatchIndexes {
  private readonly tables = new Set<string>();
  private readonly lookups: Map<string, Set<string>>;

  constructor(private readonly db: Database.Database) {
    this.lookups = triggerLookups(db);
  }

  /** Whether the table's indexes are aside for this batch (the rest of its files merge without them). */
  has(table: string): boolean {
    return this.tables.has(table);
  }

  /** Drops the table's plain indexes (those the import reads stay), noting each one's stored statement. */
  setAside(table: string): void {
    this.tables.add(table);
    const plain = plainIndexes(this.db, table);
    // for each column triggers look this table up by, its narrowest index stays live
    const keep = new Set(READ_DURING_BATCH);
    for (const column of this.lookups.get(table.toLowerCase()) ?? []) {
      const led = plain
        .map((i) => ({ name: i.name, cols: indexColumns(this.db, i.name) }))
        .filter((i) => i.cols[0] === column)
        .sort((a, b) => a.cols.length - b.cols.length)[0];
      if (led) keep.add(led.name);
    }
    const note = this.db.prepare(
      "INSERT INTO import_indexes_aside (name, sql, tbl, set_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (name) DO NOTHING",
    );
    for (const i of plain) {
      if (keep.has(i.name)) continue;
      note.run(i.name, i.sql, table);
      this.db.exec(`DROP INDEX "${i.name}"`);
    }
  }

  /** Creates every noted index again (its own transaction) and forgets the batch's tables. */
  restore(): void {
    restoreIndexesAside(this.db);
    this.tables.clear();
  }
}

/**
 * Creates again every index noted in import_indexes_aside that is not in the schema, and clears the notes,
 * in one transaction (or the caller's), with a smaller page cache meanwhile: SQLite's sorter keeps up to
 * cache_size bytes of keys in memory before it spills a sorted run to a temporary file, so with the
 * connection's 64 MB cache each large index added that much again to peak memory (issue 16: peak RSS grew
 * with the files); 16 MB runs merge just as well. Returns how many indexes it created.
 */
export function restoreIndexesAside(db: Database.Database): number {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'import_indexes_aside'").get();
  if (!hasTable) return 0;
  const noted = db.prepare('SELECT name, sql FROM import_indexes_aside ORDER BY tbl, name').all() as { name: string; sql: string }[];
  if (!noted.length) return 0;
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck();
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${SORT_CACHE_KIB}`);
  try {
    let created = 0;
    db.transaction(() => {
      for (const { name, sql } of noted) {
        if (exists.get(name) !== undefined) continue;
        db.exec(sql);
        created++;
      }
      db.prepare('DELETE FROM import_indexes_aside').run();
    }).immediate();
    return created;
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}
