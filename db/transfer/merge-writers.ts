import type Database from 'better-sqlite3';
import type { TableSpec } from './tables';

/** Row-by-row statements of one table: new rows, a station's newer copy, the owner of an id, immutable fills. */
export interface Writers {
  insert: Database.Statement;
  update: Database.Statement | null;
  owner: Database.Statement;
  /** Immutable rows: fill columns the county's copy lacks (audit rows merged before migration 012 get their chain). */
  fill: Database.Statement | null;
}

export function writers(county: Database.Database, t: TableSpec): Writers {
  const cols = t.columns;
  const values = cols.map((c) => `@${c}`).join(', ');
  const sets = cols.filter((c) => c !== 'id' && c !== 'station_id').map((c) => `${c} = @${c}`);
  return {
    // ON CONFLICT(id) only: any other constraint (CHECK, FK, a live-unique index) still fails loudly
    insert: county.prepare(`INSERT INTO main.${t.name} (${cols.join(', ')}) VALUES (${values}) ON CONFLICT (id) DO NOTHING`),
    // a station owns its rows: the newest updated_at from that same station wins
    update: t.immutable
      ? null
      : county.prepare(
          `UPDATE main.${t.name} SET ${sets.join(', ')} WHERE id = @id AND station_id = @station_id AND updated_at < @updated_at`,
        ),
    owner: county.prepare(`SELECT station_id FROM main.${t.name} WHERE id = ?`),
    fill: t.fill?.length
      ? county.prepare(
          `UPDATE main.${t.name} SET ${t.fill.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND station_id = @station_id AND ${t.fill[0]} IS NULL`,
        )
      : null,
  };
}

/** The file's primary-key index of a table (`id TEXT PRIMARY KEY`: SQLite's automatic unique index). */
export const pkIndex = (t: TableSpec) => `sqlite_autoindex_${t.name}_1`;

/**
 * Every row of a received table in id order, read through its primary-key index by name. Both reads of
 * the file (the checks, then the set-wise copy) name the same index, so they see the very same rows even
 * in a file whose table and index disagree (a forged file: farmers, scraps and purchases get quick_check only).
 */
export const readInIdOrder = (t: TableSpec, schema = 'main') =>
  `SELECT ${t.columns.join(', ')} FROM ${schema}.${t.name} INDEXED BY ${pkIndex(t)} ORDER BY id`;

/**
 * The set-wise copy of a table's new rows from the attached file: every row but those refused by the
 * checks (their ids in :rejects, a JSON array) and those already in the county (ON CONFLICT: they were
 * merged row by row), in id order, through the same index as the checks read.
 */
export function copyStatement(county: Database.Database, t: TableSpec, attached: string): Database.Statement {
  const cols = t.columns.join(', ');
  return county.prepare(
    `INSERT INTO main.${t.name} (${cols}) SELECT ${cols} FROM ${attached}.${t.name} INDEXED BY ${pkIndex(t)}
     WHERE typeof(id) = 'text' AND id NOT IN (SELECT value FROM json_each(:rejects)) ORDER BY id ON CONFLICT (id) DO NOTHING`,
  );
}

/** The received file attached to the county connection, for mergeRows' set-wise copy. */
export interface CopyFrom {
  /** Schema name it is attached under. */
  schema: string;
  /** The sending station. */
  stationId: string;
  /**
   * The county has never merged a file of this station: none of the file's ids can be held by the station's
   * own rows, so ids the county holds (another station's: 编号冲突) are found after the copy skipped them.
   */
  newStation: boolean;
}

/**
 * Ids of the attached file's table (but those refused by the checks) that the county held before the copy,
 * i.e. in rows at or below `after` (rows are never deleted; SQLite numbers new rows above the largest), with
 * the station that owns each.
 */
export function takenBefore(
  county: Database.Database,
  t: TableSpec,
  attached: string,
  rejects: string,
  after: number,
): { id: string; owner: string }[] {
  return county
    .prepare(
      `SELECT s.id AS id, m.station_id AS owner FROM ${attached}.${t.name} AS s INDEXED BY ${pkIndex(t)} JOIN main.${t.name} AS m ON m.id = s.id
       WHERE typeof(s.id) = 'text' AND s.id NOT IN (SELECT value FROM json_each(?)) AND m.rowid <= ? ORDER BY s.id`,
    )
    .all(rejects, after) as { id: string; owner: string }[];
}

/** Ids of the attached file's table that the county already holds (merged row by row, as before). */
export function heldIds(county: Database.Database, t: TableSpec, attached: string): Set<unknown> {
  if (county.prepare(`SELECT 1 FROM main.${t.name} LIMIT 1`).get() === undefined) return new Set();
  const ids = county
    .prepare(
      `SELECT s.id FROM ${attached}.${t.name} AS s INDEXED BY ${pkIndex(t)} WHERE EXISTS (SELECT 1 FROM main.${t.name} AS m WHERE m.id = s.id)`,
    )
    .pluck()
    .all();
  return new Set(ids);
}

/** A write's failure in the words of the import report. */
export const failureMessage = (error: unknown) => {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) return '引用的记录不存在（如农户、报废登记）';
  if (code.startsWith('SQLITE_CONSTRAINT')) return `违反数据约束（${code.replace('SQLITE_CONSTRAINT_', '')}）`;
  return (error as Error).message;
};
