import type { Database } from 'better-sqlite3';

/** A key the county pinned for a station (migration 012). */
export interface StationKeyRow {
  id: string;
  station_id: string;
  township_code: string;
  public_key: string;
  fingerprint: string;
  pinned_at: string;
  pinned_by: string;
  retired_at: string | null;
  retired_by: string | null;
  retired_reason: string | null;
}

export function liveStationKey(db: Database, stationId: string): StationKeyRow | undefined {
  return db.prepare('SELECT * FROM station_keys WHERE station_id = ? AND retired_at IS NULL').get(stationId) as StationKeyRow | undefined;
}

/** Every key ever pinned for the station (a voucher signed before a re-enrolment still verifies). */
export function stationKeys(db: Database, stationId: string): StationKeyRow[] {
  return db.prepare('SELECT * FROM station_keys WHERE station_id = ? ORDER BY pinned_at').all(stationId) as StationKeyRow[];
}

export function insertStationKey(db: Database, row: Omit<StationKeyRow, 'retired_at' | 'retired_by' | 'retired_reason'>): void {
  db.prepare(
    `INSERT INTO station_keys (id, station_id, township_code, public_key, fingerprint, pinned_at, pinned_by)
     VALUES (@id, @station_id, @township_code, @public_key, @fingerprint, @pinned_at, @pinned_by)`,
  ).run(row);
}

export function retireStationKey(db: Database, id: string, at: string, by: string, reason: string): void {
  db.prepare('UPDATE station_keys SET retired_at = ?, retired_by = ?, retired_reason = ? WHERE id = ?').run(at, by, reason, id);
}

/** Live keys of other stations in the same township (a second station in one township is worth a look). */
export function otherStationsInTownship(db: Database, townshipCode: string, stationId: string): number {
  return (
    db
      .prepare(
        'SELECT count(DISTINCT station_id) AS n FROM station_keys WHERE township_code = ? AND station_id <> ? AND retired_at IS NULL',
      )
      .get(townshipCode, stationId) as { n: number }
  ).n;
}

export interface StationListRow {
  station_id: string;
  township_code: string;
  fingerprint: string | null;
  pinned_at: string | null;
  pinned_by: string | null;
  retired_keys: number;
  last_import_at: string | null;
  last_exported_at: string | null;
  history_length: number | null;
}

/** Stations heard from or enrolled, with their live key. */
export function listStations(db: Database): StationListRow[] {
  return db
    .prepare(
      `WITH ids AS (SELECT station_id, township_code FROM stations
                    UNION SELECT station_id, township_code FROM station_keys)
       SELECT ids.station_id, ids.township_code, k.fingerprint, k.pinned_at, k.pinned_by,
         (SELECT count(*) FROM station_keys r WHERE r.station_id = ids.station_id AND r.retired_at IS NOT NULL) AS retired_keys,
         s.last_import_at, s.last_exported_at, s.history_length
       FROM ids
       LEFT JOIN station_keys k ON k.station_id = ids.station_id AND k.retired_at IS NULL
       LEFT JOIN stations s ON s.station_id = ids.station_id
       GROUP BY ids.station_id
       ORDER BY ids.township_code, ids.station_id`,
    )
    .all() as StationListRow[];
}
