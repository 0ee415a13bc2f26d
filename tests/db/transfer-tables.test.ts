import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../db/migrate';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';

/** Tables that stay on their installation: the catalogue is imported at each one; the rest are local state. */
const LOCAL = new Set([
  'installation',
  'config',
  'catalog_versions',
  'catalog_bands',
  'voucher_counters',
  'stations',
  'county_imports',
  // the plain indexes a batch of station-file imports has set aside, and the stations it has still to check (023)
  'import_indexes_aside',
  'import_pending_conflicts',
  'conflicts',
  // this installation's key pair (the private key never leaves it) and the station keys the county pinned
  'installation_keys',
  'station_keys',
  // targets and mechanization areas are the county's own planning data (set at the county only)
  'targets',
  'target_shares',
  'mechanization_areas',
  // accounts, sign-in records and the access log belong to the installation that keeps them
  'users',
  'recovery_codes',
  'sign_in_events',
  'access_log',
  // a ledger import batch (counts, refused rows) stays at its station; its ledger_records travel
  'ledger_imports',
  // the county package a station loaded: the county key it pinned, the loads, the county-wide machine index
  'county_key',
  'county_package_loads',
  'machine_index',
  // farmers.search's name index (migration 017): derived from farmers by triggers wherever they land
  'farmer_name_grams',
  // the ledgers' text index (migration 018) and its FTS5 shadow tables: derived from purchases/scraps by triggers
  ...['purchase_text', 'scrap_text'].flatMap((t) => [t, `${t}_data`, `${t}_idx`, `${t}_docsize`, `${t}_config`]),
  // the voucher number's text index (migration 020): derived from vouchers by triggers
  ...['voucher_text'].flatMap((t) => [t, `${t}_data`, `${t}_idx`, `${t}_docsize`, `${t}_config`]),
  // the progress year totals (migration 022): derived from purchases by triggers
  'purchase_year_totals',
]);

function schema() {
  const db = new Database(':memory:');
  migrate(db, loadMigrations());
  return db;
}

describe('what travels from a station to the county', () => {
  it('reads and writes exactly each table’s columns', () => {
    const db = schema();
    for (const t of TRAVELLING_TABLES) {
      const columns = (db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map((c) => c.name);
      expect(t.columns.slice().sort(), t.name).toEqual(columns.slice().sort());
    }
    db.close();
  });

  it('covers every table with rows a station owns (a new migration must decide whether its table travels)', () => {
    const db = schema();
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((r) => r.name);
    const travelling = new Set(TRAVELLING_TABLES.map((t) => t.name));
    const undecided = tables.filter((t) => !travelling.has(t) && !LOCAL.has(t));
    expect(undecided, 'tables neither travelling nor local').toEqual([]);
    db.close();
  });
});
