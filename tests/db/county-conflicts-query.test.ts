// findConflicts finds its keys first and describes only those (issue 16): the same conflicts as the
// queries it replaced, kept here as the reference, on generated station files with planted clashes.
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStationFile } from '../../db/bench/station-files';
import { findConflicts } from '../../db/repositories/conflicts';
import { importStationFile } from '../../db/services/county-import';
import { setUpInstallation } from '../support/setup';
import { steppingClock, tempCore, tempDir, type TempCore } from '../support/core';

const rec = (table: string, alias: string, date: string, detail: string) =>
  `json_object('table', '${table}', 'id', ${alias}.id, 'stationId', ${alias}.station_id, 'township', f.township_code,
    'name', f.name, 'date', ${date}, 'detail', ${detail})`;

const BEFORE: { kind: string; sql: string }[] = [
  {
    kind: 'serial_twice',
    sql: `SELECT p.factory_no_norm AS key, json_group_array(${rec('purchases', 'p', 'p.purchase_date', "p.item || ' ' || p.model")}) AS records
      FROM purchases p JOIN farmers f ON f.id = p.farmer_id
      WHERE p.voided_at IS NULL AND p.factory_no_norm IN (SELECT factory_no_norm FROM purchases WHERE station_id = @s AND voided_at IS NULL)
      GROUP BY p.factory_no_norm HAVING count(*) > 1`,
  },
  ...(['engine_no_norm', 'frame_no_norm', 'plate_no_norm'] as const).map((col) => ({
    kind: 'scrap_twice' as const,
    sql: `SELECT '${col.replace('_no_norm', '')}:' || s.${col} AS key,
        json_group_array(${rec('scraps', 's', 'COALESCE(s.handover_date, substr(s.created_at, 1, 10))', "s.item || ' ' || s.model")}) AS records
      FROM scraps s JOIN farmers f ON f.id = s.farmer_id
      WHERE s.voided_at IS NULL AND s.${col} IS NOT NULL
        AND s.${col} IN (SELECT ${col} FROM scraps WHERE station_id = @s AND voided_at IS NULL AND ${col} IS NOT NULL)
      GROUP BY s.${col} HAVING count(*) > 1`,
  })),
  {
    kind: 'scrap_repurchased',
    sql: `SELECT m.no AS key, json_group_array(json(m.r)) AS records FROM (
        SELECT s.engine_no_norm AS no, ${rec('scraps', 's', 'COALESCE(s.handover_date, substr(s.created_at, 1, 10))', "'报废：' || s.item || ' ' || s.model")} AS r
          FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE s.voided_at IS NULL AND s.engine_no_norm IS NOT NULL
        UNION ALL
        SELECT s.frame_no_norm, ${rec('scraps', 's', 'COALESCE(s.handover_date, substr(s.created_at, 1, 10))', "'报废：' || s.item || ' ' || s.model")}
          FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE s.voided_at IS NULL AND s.frame_no_norm IS NOT NULL
        UNION ALL
        SELECT p.factory_no_norm, ${rec('purchases', 'p', 'p.purchase_date', "'购置：' || p.item || ' ' || p.model")}
          FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE p.voided_at IS NULL
        UNION ALL
        SELECT p.engine_no_norm, ${rec('purchases', 'p', 'p.purchase_date', "'购置：' || p.item || ' ' || p.model")}
          FROM purchases p JOIN farmers f ON f.id = p.farmer_id WHERE p.voided_at IS NULL AND p.engine_no_norm IS NOT NULL
      ) m
      WHERE m.no IN (SELECT engine_no_norm FROM scraps WHERE station_id = @s UNION SELECT frame_no_norm FROM scraps WHERE station_id = @s
                     UNION SELECT factory_no_norm FROM purchases WHERE station_id = @s UNION SELECT engine_no_norm FROM purchases WHERE station_id = @s)
      GROUP BY m.no
      HAVING sum(json_extract(m.r, '$.table') = 'scraps') > 0 AND sum(json_extract(m.r, '$.table') = 'purchases') > 0`,
  },
  {
    kind: 'id_names',
    sql: `SELECT f.id_number AS key, json_group_array(${rec('farmers', 'f', 'substr(f.created_at, 1, 10)', 'f.village')}) AS records
      FROM farmers f
      WHERE f.voided_at IS NULL AND f.id_number IN (SELECT id_number FROM farmers WHERE station_id = @s AND voided_at IS NULL)
      GROUP BY f.id_number HAVING count(DISTINCT f.name) > 1`,
  },
];

let county: TempCore;
let files: ReturnType<typeof tempDir>;
let stationIds: string[];

beforeAll(async () => {
  files = tempDir();
  county = tempCore({ now: steppingClock(Date.UTC(2026, 10, 2)) });
  await setUpInstallation(county, { role: 'county', name: '县局审核员' });
  for (let i = 0; i < 3; i++) {
    const { path } = generateStationFile(files.dir, i, { farmers: 30, scraps: 20, purchases: 60 });
    const o = importStationFile(county.ctx, { fileName: basename(path), path }, { trustNew: true });
    expect(o.status, o.reasons.join('；')).toBe('accepted');
  }
  stationIds = (county.db.prepare('SELECT station_id FROM stations ORDER BY station_id').all() as { station_id: string }[]).map(
    (r) => r.station_id,
  );
  const [a, b, c] = stationIds;
  const db = county.db;
  const nth = (table: string, station: string | undefined, n: number) =>
    (db.prepare(`SELECT id FROM ${table} WHERE station_id = ? ORDER BY id LIMIT 1 OFFSET ?`).get(station, n) as { id: string }).id;
  const set = (table: string, id: string, col: string, value: unknown) =>
    db.prepare(`UPDATE ${table} SET ${col} = ? WHERE id = ?`).run(value, id);
  // serial twice across stations, three times with a voided copy, and a pair that is voided on one side
  set('purchases', nth('purchases', b, 0), 'factory_no_norm', 'DUP1');
  set('purchases', nth('purchases', a, 0), 'factory_no_norm', 'DUP1');
  for (const s of [a, b, c]) set('purchases', nth('purchases', s, 1), 'factory_no_norm', 'DUP2');
  set('purchases', nth('purchases', c, 1), 'voided_at', '2026-01-01T00:00:00.000Z');
  set('purchases', nth('purchases', a, 2), 'factory_no_norm', 'DUP3');
  set('purchases', nth('purchases', c, 2), 'factory_no_norm', 'DUP3');
  set('purchases', nth('purchases', c, 2), 'voided_at', '2026-01-01T00:00:00.000Z');
  // scrapped twice by engine, frame and plate; a plate only one station holds
  set('scraps', nth('scraps', a, 0), 'engine_no_norm', 'SE1');
  set('scraps', nth('scraps', b, 0), 'engine_no_norm', 'SE1');
  set('scraps', nth('scraps', a, 1), 'frame_no_norm', 'SF1');
  set('scraps', nth('scraps', c, 1), 'frame_no_norm', 'SF1');
  set('scraps', nth('scraps', b, 2), 'plate_no_norm', '鲁1500001');
  set('scraps', nth('scraps', c, 2), 'plate_no_norm', '鲁1500001');
  set('scraps', nth('scraps', a, 3), 'plate_no_norm', '鲁1500002');
  // scrapped then bought as new: by factory number, by engine number, and one whose scrap is voided
  set(
    'purchases',
    nth('purchases', b, 3),
    'factory_no_norm',
    db
      .prepare('SELECT engine_no_norm FROM scraps WHERE id = ?')
      .pluck()
      .get(nth('scraps', a, 4)),
  );
  set(
    'purchases',
    nth('purchases', c, 4),
    'engine_no_norm',
    db
      .prepare('SELECT frame_no_norm FROM scraps WHERE id = ?')
      .pluck()
      .get(nth('scraps', b, 5)),
  );
  set(
    'purchases',
    nth('purchases', a, 5),
    'engine_no_norm',
    db
      .prepare('SELECT engine_no_norm FROM scraps WHERE id = ?')
      .pluck()
      .get(nth('scraps', a, 6)),
  );
  set('scraps', nth('scraps', c, 7), 'voided_at', '2026-01-01T00:00:00.000Z');
  set(
    'purchases',
    nth('purchases', b, 6),
    'engine_no_norm',
    db
      .prepare('SELECT engine_no_norm FROM scraps WHERE id = ?')
      .pluck()
      .get(nth('scraps', c, 7)),
  );
  // one ID under two names, and one under the same name twice
  const idOf = (id: string) => db.prepare('SELECT id_number FROM farmers WHERE id = ?').pluck().get(id);
  set('farmers', nth('farmers', b, 0), 'id_number', idOf(nth('farmers', a, 0)));
  // the generated names are random and may coincide: the second holder's name is made to differ
  const nameOf = (id: string) => db.prepare('SELECT name FROM farmers WHERE id = ?').pluck().get(id) as string;
  set('farmers', nth('farmers', b, 0), 'name', `${nameOf(nth('farmers', a, 0))}二`);
  set('farmers', nth('farmers', c, 1), 'id_number', idOf(nth('farmers', a, 1)));
  set(
    'farmers',
    nth('farmers', c, 1),
    'name',
    db
      .prepare('SELECT name FROM farmers WHERE id = ?')
      .pluck()
      .get(nth('farmers', a, 1)),
  );
});

afterAll(() => {
  county?.dispose();
  files?.dispose();
});

describe('findConflicts (keys first)', () => {
  it('finds exactly what the queries it replaced found, for every station', () => {
    let total = 0;
    for (const s of stationIds) {
      const before = BEFORE.flatMap((g) =>
        (county.db.prepare(g.sql).all({ s }) as { key: string; records: string }[]).map((r) => ({
          kind: g.kind,
          key: r.key,
          records: JSON.parse(r.records) as unknown[],
        })),
      );
      const sorted = (list: { kind: string; key: string; records: unknown[] }[]) =>
        list.map((f) => ({ ...f, records: f.records.map((r) => JSON.stringify(r)).sort() }));
      expect(sorted(findConflicts(county.db, s))).toEqual(sorted(before));
      total += before.length;
    }
    // every kind was planted and found (and the voided copies did not count)
    const kinds = new Set(stationIds.flatMap((s) => findConflicts(county.db, s).map((f) => `${f.kind}:${f.key}`)));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'serial_twice:DUP1',
        'serial_twice:DUP2',
        'scrap_twice:engine:SE1',
        'scrap_twice:frame:SF1',
        'scrap_twice:plate:鲁1500001',
      ]),
    );
    expect([...kinds].some((k) => k === 'serial_twice:DUP3' || k === 'scrap_twice:plate:鲁1500002')).toBe(false);
    expect([...kinds].filter((k) => k.startsWith('scrap_repurchased:')).length).toBe(3);
    expect([...kinds].filter((k) => k.startsWith('id_names:')).length).toBe(1);
    expect(total).toBeGreaterThan(8);
  });
});
