import type { Database } from 'better-sqlite3';

/**
 * 待核查: records of an open cross-station duplicate (a serial subsidised twice, a machine scrapped twice)
 * that progress does not count until the conflict is resolved. Each open conflict counts its earliest live
 * record (by date, then registration time, then id) and holds the rest; once resolved, every record counts
 * as it stands (a duplicate the station voided drops out with its next file).
 */
export interface HeldRecords {
  purchases: ReadonlySet<string>;
  scraps: ReadonlySet<string>;
}

const KINDS: Record<string, { table: 'purchases' | 'scraps'; date: string }> = {
  serial_twice: { table: 'purchases', date: 'purchase_date' },
  scrap_twice: { table: 'scraps', date: "COALESCE(handover_date, substr(created_at, 1, 10))" },
};

export function heldRecords(db: Database): HeldRecords {
  const held = { purchases: new Set<string>(), scraps: new Set<string>() };
  const open = db
    .prepare("SELECT kind, records_json FROM conflicts WHERE resolved_at IS NULL AND kind IN ('serial_twice', 'scrap_twice')")
    .all() as { kind: string; records_json: string }[];
  for (const c of open) {
    const spec = KINDS[c.kind];
    if (!spec) continue;
    let ids: string[];
    try {
      ids = (JSON.parse(c.records_json) as { table?: unknown; id?: unknown }[])
        .filter((r) => r.table === spec.table && typeof r.id === 'string')
        .map((r) => r.id as string);
    } catch {
      continue;
    }
    const live = db
      .prepare(
        `SELECT id FROM ${spec.table} WHERE id IN (SELECT value FROM json_each(?)) AND voided_at IS NULL
         ORDER BY ${spec.date}, created_at, id`,
      )
      .pluck()
      .all(JSON.stringify(ids)) as string[];
    for (const id of live.slice(1)) held[spec.table].add(id);
  }
  return held;
}

/** The ids as the JSON array the held-row queries take. */
export const heldJson = (ids: ReadonlySet<string>): string => JSON.stringify([...ids]);
