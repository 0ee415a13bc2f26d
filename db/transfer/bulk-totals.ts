import type Database from 'better-sqlite3';
import { loadMigrations } from '../migrate';

/**
 * 022's year totals, written once per set-wise copy instead of once per purchase (issue 16). Their insert
 * trigger runs an upsert for every purchase the copy writes, and when purchases_buyer_township_insert
 * corrects a copied row's township, the update trigger moves that row between groups: together about a
 * fifth of the copy's time. While the copy runs (inside its savepoint) both are set aside; afterwards every
 * live purchase it added is counted in one grouped upsert, with the township the row holds by then, which
 * is the sum the two triggers reach row by row (+1 to the inserted group, then −1 from it and +1 to the
 * corrected one; row by row the first group may be left at n = 0, which every read skips: y.n > 0).
 * Both triggers are then created again from their stored text, in the same savepoint.
 * Only when both are stored exactly as 022 created them: a trigger with any other text stays in place.
 */

const INSERT_TRIGGER = 'purchase_year_totals_insert';
const UPDATE_TRIGGER = 'purchase_year_totals_update';

/** The grouped form of the insert trigger (022's own fill, limited to the rows after `after`). */
const COUNT_ADDED = `INSERT INTO purchase_year_totals (year, township, status, terminal, n, purchase_fen, scrap_fen)
  SELECT substr(purchase_date, 1, 4), coalesce(buyer_township_code, ''), status, terminal_kind, count(*), sum(purchase_fen), sum(scrap_part_fen)
  FROM purchases WHERE rowid > :after AND voided_at IS NULL
  GROUP BY substr(purchase_date, 1, 4), coalesce(buyer_township_code, ''), status, terminal_kind
  ON CONFLICT (year, township, status, terminal) DO UPDATE
    SET n = n + excluded.n, purchase_fen = purchase_fen + excluded.purchase_fen, scrap_fen = scrap_fen + excluded.scrap_fen`;

const squeeze = (sql: string) => sql.replace(/\s+/g, ' ').trim();

let expected: Map<string, string> | null = null;

/** The two triggers as 022 created them (their CREATE TRIGGER … END text, whitespace squeezed). */
function triggersOf022(): Map<string, string> {
  if (!expected) {
    const sql = loadMigrations().find((m) => m.version === 22)?.sql ?? '';
    expected = new Map();
    for (const m of sql.matchAll(/CREATE TRIGGER (\w+)[\s\S]*?\nEND(?=;)/g)) expected.set(m[1] as string, squeeze(m[0]));
  }
  return expected;
}

/**
 * Sets aside the year-totals triggers of `table` (purchases only) for a copy of rows after `after`; the
 * returned function counts the added rows and creates the triggers again. Null when there is nothing to
 * set aside or the stored triggers are not the expected ones.
 */
export function setAsideYearTotals(db: Database.Database, table: string, after: number): (() => void) | null {
  if (table !== 'purchases') return null;
  const sqlOf = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck();
  const insert = sqlOf.get(INSERT_TRIGGER) as string | undefined;
  const update = sqlOf.get(UPDATE_TRIGGER) as string | undefined;
  const as022 = triggersOf022();
  if (!insert || !update || squeeze(insert) !== as022.get(INSERT_TRIGGER) || squeeze(update) !== as022.get(UPDATE_TRIGGER)) return null;
  db.exec(`DROP TRIGGER ${INSERT_TRIGGER}; DROP TRIGGER ${UPDATE_TRIGGER};`);
  return () => {
    db.prepare(COUNT_ADDED).run({ after });
    db.exec(insert);
    db.exec(update);
  };
}
