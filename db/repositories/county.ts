import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface ImportRow {
  id: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  station_id: string | null;
  township_code: string | null;
  exported_at: string | null;
  imported_at: string;
  operator: string;
  status: 'accepted' | 'refused';
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duration_ms: number;
  reasons_json: string | null;
  /** The signed data digest and signing key of an accepted file (migration 017; absent on older rows). */
  signed_digest?: string | null;
  public_key?: string | null;
  /** The accepted import a recognised repeat matched (nothing was merged). */
  repeat_of?: string | null;
}

export function insertImport(db: Database, row: ImportRow): void {
  db.prepare(
    `INSERT INTO county_imports (id, file_name, sha256, size_bytes, station_id, township_code, exported_at, imported_at, operator, status,
       added, updated, unchanged, rejected, duration_ms, reasons_json, signed_digest, public_key, repeat_of)
     VALUES (@id, @file_name, @sha256, @size_bytes, @station_id, @township_code, @exported_at, @imported_at, @operator, @status,
       @added, @updated, @unchanged, @rejected, @duration_ms, @reasons_json, @signed_digest, @public_key, @repeat_of)`,
  ).run({ signed_digest: null, public_key: null, repeat_of: null, ...row });
}

/** Refused imports are logged in a JSON-lines file beside the database, so a refused file leaves the database untouched. */
export const refusalLogPath = (dbPath: string) => join(dirname(dbPath), 'import-refusals.jsonl');

export function appendRefusal(ctx: { dbPath: string }, row: ImportRow): void {
  appendFileSync(refusalLogPath(ctx.dbPath), `${JSON.stringify(row)}\n`, 'utf8');
}

function readRefusals(dbPath: string): ImportRow[] {
  const path = refusalLogPath(dbPath);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as ImportRow];
      } catch {
        return [];
      }
    });
}

/** Accepted imports (in the database) and refused ones (beside it), newest first. */
export function listImports(db: Database, dbPath: string, limit: number, offset: number): { rows: ImportRow[]; total: number } {
  const accepted = db.prepare('SELECT * FROM county_imports').all() as ImportRow[];
  const all = [...accepted, ...readRefusals(dbPath)].sort((a, b) => b.imported_at.localeCompare(a.imported_at));
  return { rows: all.slice(offset, offset + limit), total: all.length };
}

/**
 * Remembers a station the county has heard from; its latest export wins. The history head moves to the
 * file's when `history` is given (a longer chain that extends it, or a rewrite the clerk accepted).
 */
export function upsertStation(
  db: Database,
  s: { station_id: string; township_code: string; at: string; exported_at: string; history: { length: number; head: string } | null },
): void {
  db.prepare(
    `INSERT INTO stations (station_id, township_code, first_import_at, last_import_at, last_exported_at, history_length, history_head)
     VALUES (@station_id, @township_code, @at, @at, @exported_at, @length, @head)
     ON CONFLICT (station_id) DO UPDATE SET township_code = excluded.township_code,
       last_import_at = excluded.last_import_at, last_exported_at = max(stations.last_exported_at, excluded.last_exported_at),
       history_length = coalesce(excluded.history_length, stations.history_length),
       history_head = coalesce(excluded.history_head, stations.history_head)`,
  ).run({
    station_id: s.station_id,
    township_code: s.township_code,
    at: s.at,
    exported_at: s.exported_at,
    length: s.history?.length ?? null,
    head: s.history?.head ?? null,
  });
}

export function stationHistory(db: Database, stationId: string): { length: number; head: string } | null {
  const r = db.prepare('SELECT history_length AS length, history_head AS head FROM stations WHERE station_id = ?').get(stationId) as
    { length: number | null; head: string | null } | undefined;
  return r && r.length !== null && r.head !== null ? { length: r.length, head: r.head } : null;
}

export interface StationReport {
  station_id: string;
  township_code: string;
  last_import_at: string;
  last_exported_at: string;
  farmers: number;
  scraps: number;
  purchases: number;
}

export function stationReports(db: Database): StationReport[] {
  return db
    .prepare(
      `SELECT s.station_id, s.township_code, s.last_import_at, s.last_exported_at,
         (SELECT count(*) FROM farmers WHERE station_id = s.station_id) AS farmers,
         (SELECT count(*) FROM scraps WHERE station_id = s.station_id) AS scraps,
         (SELECT count(*) FROM purchases WHERE station_id = s.station_id) AS purchases
       FROM stations s ORDER BY s.township_code`,
    )
    .all() as StationReport[];
}
