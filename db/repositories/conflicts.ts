import type { Database } from 'better-sqlite3';

export type ConflictKind = 'serial_twice' | 'scrap_twice' | 'scrap_repurchased' | 'id_names';

/** One record a conflict points at. */
export interface ConflictRecord {
  table: 'purchases' | 'scraps' | 'farmers';
  id: string;
  stationId: string;
  township: string;
  name: string;
  date: string;
  detail: string;
}

export interface Found {
  kind: ConflictKind;
  key: string;
  records: ConflictRecord[];
}

const rec = (table: string, alias: string, date: string, detail: string) =>
  `json_object('table', '${table}', 'id', ${alias}.id, 'stationId', ${alias}.station_id, 'township', f.township_code,
    'name', f.name, 'date', ${date}, 'detail', ${detail})`;

const live = (alias: string) => `${alias}.voided_at IS NULL`;

/**
 * Conflicts touching one station's rows, across every station in the file (DOMAIN.md §8): a serial
 * subsidised twice, a machine scrapped twice, a scrapped machine bought as new, an ID with two names.
 * Each kind first finds its keys with plain index counts (no JSON), then describes only those keys: almost
 * every number of a station file matches only its own row, and building a description for each of them
 * was most of an import's conflict check (issue 16).
 */
export function findConflicts(db: Database, stationId: string): Found[] {
  const groups: { kind: ConflictKind; sql: string }[] = [
    {
      kind: 'serial_twice',
      // a number held by a single row of any state cannot be twice: counted in its index alone (no row read),
      // which leaves out almost every number of a station file before a row or farmer is looked up (issue 16)
      sql: `WITH k AS (
          SELECT p.factory_no_norm AS no FROM purchases p JOIN farmers f ON f.id = p.farmer_id
          WHERE ${live('p')} AND p.factory_no_norm IN (SELECT o.factory_no_norm FROM purchases o WHERE o.station_id = @s AND o.voided_at IS NULL
            AND (SELECT count(*) FROM purchases d WHERE d.factory_no_norm = o.factory_no_norm) > 1)
          GROUP BY p.factory_no_norm HAVING count(*) > 1)
        SELECT p.factory_no_norm AS key, json_group_array(${rec('purchases', 'p', 'p.purchase_date', "p.item || ' ' || p.model")}) AS records
        FROM purchases p JOIN farmers f ON f.id = p.farmer_id
        WHERE ${live('p')} AND p.factory_no_norm IN k
        GROUP BY p.factory_no_norm HAVING count(*) > 1`,
    },
    ...(['engine_no_norm', 'frame_no_norm', 'plate_no_norm'] as const).map((col) => ({
      kind: 'scrap_twice' as const,
      sql: `WITH k AS (
          SELECT s.${col} AS no FROM scraps s JOIN farmers f ON f.id = s.farmer_id
          WHERE ${live('s')} AND s.${col} IS NOT NULL
            AND s.${col} IN (SELECT ${col} FROM scraps WHERE station_id = @s AND voided_at IS NULL AND ${col} IS NOT NULL)
          GROUP BY s.${col} HAVING count(*) > 1)
        SELECT '${col.replace('_no_norm', '')}:' || s.${col} AS key,
          json_group_array(${rec('scraps', 's', 'COALESCE(s.handover_date, substr(s.created_at, 1, 10))', "s.item || ' ' || s.model")}) AS records
        FROM scraps s JOIN farmers f ON f.id = s.farmer_id
        WHERE ${live('s')} AND s.${col} IS NOT NULL AND s.${col} IN k
        GROUP BY s.${col} HAVING count(*) > 1`,
    })),
    {
      kind: 'scrap_repurchased',
      // k: the station's numbers held by a live scrap (engine or frame) and by a live purchase (factory or engine)
      sql: `WITH n(no) AS (SELECT engine_no_norm FROM scraps WHERE station_id = @s UNION SELECT frame_no_norm FROM scraps WHERE station_id = @s
                       UNION SELECT factory_no_norm FROM purchases WHERE station_id = @s UNION SELECT engine_no_norm FROM purchases WHERE station_id = @s),
        k AS (SELECT n.no FROM n WHERE n.no IS NOT NULL
          AND (EXISTS (SELECT 1 FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE ${live('s')} AND s.engine_no_norm = n.no)
            OR EXISTS (SELECT 1 FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE ${live('s')} AND s.frame_no_norm = n.no))
          AND (EXISTS (SELECT 1 FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE ${live('p')} AND p.factory_no_norm = n.no)
            OR EXISTS (SELECT 1 FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE ${live('p')} AND p.engine_no_norm = n.no)))
        SELECT m.no AS key, json_group_array(json(m.r)) AS records FROM (
          SELECT s.engine_no_norm AS no, ${rec('scraps', 's', 'COALESCE(s.handover_date, substr(s.created_at, 1, 10))', "'报废：' || s.item || ' ' || s.model")} AS r
            FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE ${live('s')} AND s.engine_no_norm IS NOT NULL
          UNION ALL
          SELECT s.frame_no_norm, ${rec('scraps', 's', 'COALESCE(s.handover_date, substr(s.created_at, 1, 10))', "'报废：' || s.item || ' ' || s.model")}
            FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE ${live('s')} AND s.frame_no_norm IS NOT NULL
          UNION ALL
          SELECT p.factory_no_norm, ${rec('purchases', 'p', 'p.purchase_date', "'购置：' || p.item || ' ' || p.model")}
            FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE ${live('p')}
          UNION ALL
          SELECT p.engine_no_norm, ${rec('purchases', 'p', 'p.purchase_date', "'购置：' || p.item || ' ' || p.model")}
            FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE ${live('p')} AND p.engine_no_norm IS NOT NULL
        ) m
        WHERE m.no IN k
        GROUP BY m.no
        HAVING sum(json_extract(m.r, '$.table') = 'scraps') > 0 AND sum(json_extract(m.r, '$.table') = 'purchases') > 0`,
    },
    {
      kind: 'id_names',
      sql: `WITH k AS (
          SELECT f.id_number AS no FROM farmers f
          WHERE ${live('f')} AND f.id_number IN (SELECT id_number FROM farmers WHERE station_id = @s AND voided_at IS NULL)
          GROUP BY f.id_number HAVING count(DISTINCT f.name) > 1)
        SELECT f.id_number AS key, json_group_array(${rec('farmers', 'f', 'substr(f.created_at, 1, 10)', 'f.village')}) AS records
        FROM farmers f
        WHERE ${live('f')} AND f.id_number IN k
        GROUP BY f.id_number HAVING count(DISTINCT f.name) > 1`,
    },
  ];
  return groups.flatMap((g) =>
    (db.prepare(g.sql).all({ s: stationId }) as { key: string; records: string }[]).map((r) => ({
      kind: g.kind,
      key: r.key,
      records: JSON.parse(r.records) as ConflictRecord[],
    })),
  );
}

export interface ConflictRow {
  id: string;
  kind: ConflictKind;
  key: string;
  records_json: string;
  detected_at: string;
  updated_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  note: string | null;
}

/** Records a conflict; one that changed since it was resolved is opened again (its note is kept). */
export function upsertConflict(db: Database, c: { id: string; kind: string; key: string; records: string; at: string }): void {
  db.prepare(
    `INSERT INTO conflicts (id, kind, key, records_json, detected_at, updated_at) VALUES (@id, @kind, @key, @records, @at, @at)
     ON CONFLICT (kind, key) DO UPDATE SET records_json = excluded.records_json, updated_at = excluded.updated_at, resolved_at = NULL
     WHERE conflicts.records_json <> excluded.records_json`,
  ).run(c);
}

export function listConflicts(db: Database, f: { kind?: string; open?: boolean; limit: number; offset: number }) {
  const parts: string[] = [];
  if (f.kind) parts.push('kind = @kind');
  if (f.open) parts.push('resolved_at IS NULL');
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const params = { kind: f.kind ?? null, limit: f.limit, offset: f.offset };
  const rows = db
    .prepare(`SELECT * FROM conflicts ${where} ORDER BY resolved_at IS NOT NULL, detected_at DESC LIMIT @limit OFFSET @offset`)
    .all(params) as ConflictRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM conflicts ${where}`).get(params) as { n: number };
  return { rows, total: n };
}

export function iterateConflicts(db: Database): IterableIterator<ConflictRow> {
  return db.prepare('SELECT * FROM conflicts ORDER BY kind, detected_at').iterate() as IterableIterator<ConflictRow>;
}

export function getConflict(db: Database, id: string): ConflictRow | undefined {
  return db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id) as ConflictRow | undefined;
}

export function resolveConflict(db: Database, id: string, by: string, note: string, at: string): void {
  db.prepare('UPDATE conflicts SET resolved_at = ?, resolved_by = ?, note = ?, updated_at = ? WHERE id = ?').run(at, by, note, at, id);
}
