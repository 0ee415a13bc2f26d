/** SQL for ledger imports (migration 010): the import batches and the source of each imported record. */
import type { Database } from 'better-sqlite3';

export interface LedgerImportRow {
  id: string;
  station_id: string;
  file_name: string;
  sha256: string;
  sheets_json: string;
  mapping_json: string;
  operator: string;
  farmers_added: number;
  purchases_added: number;
  scraps_added: number;
  present: number;
  attention: number;
  refused: number;
  skipped: number;
  rows_json: string;
  created_at: string;
  updated_at: string;
  undone_at: string | null;
  undo_reason: string | null;
}

export interface LedgerRecordRow {
  id: string;
  station_id: string;
  import_id: string;
  entity: 'farmer' | 'purchase' | 'scrap';
  entity_id: string;
  file_name: string;
  sheet: string;
  row_number: number;
  ledger_status: string | null;
  paid_fen: number | null;
  ledger_subsidy_fen: number | null;
  catalog_fen: number | null;
  flags_json: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const IMPORT_COLUMNS = `id, station_id, file_name, sha256, sheets_json, mapping_json, operator, farmers_added, purchases_added, scraps_added,
  present, attention, refused, skipped, rows_json, created_at, updated_at, undone_at, undo_reason`;
const RECORD_COLUMNS = `id, station_id, import_id, entity, entity_id, file_name, sheet, row_number, ledger_status, paid_fen,
  ledger_subsidy_fen, catalog_fen, flags_json, created_at, updated_at, voided_at, void_reason`;
const params = (columns: string) =>
  columns
    .split(',')
    .map((c) => `@${c.trim()}`)
    .join(', ');

export function insertImport(db: Database, row: LedgerImportRow): void {
  db.prepare(`INSERT INTO ledger_imports (${IMPORT_COLUMNS}) VALUES (${params(IMPORT_COLUMNS)})`).run(row);
}

export function insertRecordStatement(db: Database) {
  const stmt = db.prepare(`INSERT INTO ledger_records (${RECORD_COLUMNS}) VALUES (${params(RECORD_COLUMNS)})`);
  return (row: LedgerRecordRow) => stmt.run(row);
}

export function getImport(db: Database, id: string): LedgerImportRow | undefined {
  return db.prepare(`SELECT ${IMPORT_COLUMNS} FROM ledger_imports WHERE id = ?`).get(id) as LedgerImportRow | undefined;
}

export function listImports(db: Database): LedgerImportRow[] {
  return db.prepare(`SELECT ${IMPORT_COLUMNS} FROM ledger_imports ORDER BY created_at DESC LIMIT 200`).all() as LedgerImportRow[];
}

export function liveRecordsOfImport(db: Database, importId: string): LedgerRecordRow[] {
  return db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM ledger_records WHERE import_id = ? AND voided_at IS NULL ORDER BY entity DESC, row_number`)
    .all(importId) as LedgerRecordRow[];
}

export function markUndone(db: Database, id: string, at: string, reason: string): void {
  db.prepare('UPDATE ledger_imports SET undone_at = ?, undo_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}

export function voidRecords(db: Database, importId: string, at: string, reason: string): void {
  db.prepare('UPDATE ledger_records SET voided_at = ?, void_reason = ?, updated_at = ? WHERE import_id = ? AND voided_at IS NULL').run(
    at,
    reason,
    at,
    importId,
  );
}

/** What happened to an imported record since: its updated time, void, review steps, vouchers, other applications. */
export function purchaseSince(db: Database, id: string) {
  return db
    .prepare(
      `SELECT p.updated_at, p.voided_at,
        (SELECT count(*) FROM application_events e WHERE e.entity_id = p.id) AS events,
        (SELECT count(*) FROM vouchers v WHERE v.application_id = p.id) AS vouchers
       FROM purchases p WHERE p.id = ?`,
    )
    .get(id) as { updated_at: string; voided_at: string | null; events: number; vouchers: number } | undefined;
}

export function farmerSince(db: Database, id: string, importId: string) {
  return db
    .prepare(
      `SELECT f.updated_at, f.voided_at,
        (SELECT count(*) FROM purchases p WHERE p.farmer_id = f.id AND p.id NOT IN
           (SELECT entity_id FROM ledger_records WHERE import_id = @importId AND entity = 'purchase')) AS others,
        (SELECT count(*) FROM scraps s WHERE s.farmer_id = f.id AND s.id NOT IN
           (SELECT entity_id FROM ledger_records WHERE import_id = @importId AND entity = 'scrap')) AS scraps
       FROM farmers f WHERE f.id = @id`,
    )
    .get({ id, importId }) as { updated_at: string; voided_at: string | null; others: number; scraps: number } | undefined;
}

export function voidPurchase(db: Database, id: string, at: string, reason: string): void {
  db.prepare(
    "UPDATE purchases SET status = 'voided', status_at = ?, voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?",
  ).run(at, at, reason, at, id);
}

/** What happened to an imported scrap since: edited, review steps, a purchase renewing it, vouchers. */
export function scrapSince(db: Database, id: string) {
  return db
    .prepare(
      `SELECT s.updated_at, s.voided_at,
        (SELECT count(*) FROM application_events e WHERE e.entity_id = s.id) AS events,
        (SELECT count(*) FROM purchases p WHERE p.scrap_id = s.id AND p.voided_at IS NULL) AS renewals,
        (SELECT count(*) FROM vouchers v WHERE v.application_id = s.id) AS vouchers
       FROM scraps s WHERE s.id = ?`,
    )
    .get(id) as { updated_at: string; voided_at: string | null; events: number; renewals: number; vouchers: number } | undefined;
}

export function voidScrap(db: Database, id: string, at: string, reason: string): void {
  db.prepare(
    "UPDATE scraps SET status = 'voided', status_at = ?, voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?",
  ).run(at, at, reason, at, id);
}

export function voidFarmer(db: Database, id: string, at: string, reason: string): void {
  db.prepare('UPDATE farmers SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}

/** The lookups the classifier makes for every row, prepared once per pass. */
export function rowLookups(db: Database, stationId: string) {
  const farmer = db.prepare('SELECT id, name FROM farmers WHERE station_id = ? AND id_number = ? AND voided_at IS NULL');
  const bySerial = db.prepare(
    `SELECT p.factory_no, p.purchase_date, p.item, p.model, p.status, f.name AS f_name, f.id_number AS f_id_number,
       f.township_code AS f_township_code
     FROM purchases p JOIN farmers f ON f.id = p.farmer_id
     WHERE p.factory_no_norm = ? AND p.voided_at IS NULL ORDER BY p.purchase_date`,
  );
  const scrapped = db.prepare(
    `SELECT s.created_at, s.item, s.model, f.name AS f_name FROM scraps s JOIN farmers f ON f.id = s.farmer_id
     WHERE s.voided_at IS NULL AND (s.engine_no_norm IN (?, ?) OR s.frame_no_norm IN (?, ?)) LIMIT 1`,
  );
  const scrapsByNumbers = db.prepare(
    `SELECT s.handover_date, s.item, s.model, s.created_at, f.name AS f_name, f.id_number AS f_id_number
     FROM scraps s JOIN farmers f ON f.id = s.farmer_id
     WHERE s.voided_at IS NULL AND ((@engine IS NOT NULL AND s.engine_no_norm = @engine) OR (@frame IS NOT NULL AND s.frame_no_norm = @frame)
       OR (@plate IS NOT NULL AND s.plate_no_norm = @plate))
     ORDER BY s.created_at LIMIT 5`,
  );
  const recycler = db.prepare("SELECT id FROM partners WHERE kind = 'recycler' AND voided_at IS NULL AND name = ? LIMIT 1").pluck();
  return {
    scrapsByNumbers: (n: { engine: string | null; frame: string | null; plate: string | null }) =>
      scrapsByNumbers.all(n) as { handover_date: string | null; item: string; model: string; created_at: string; f_name: string; f_id_number: string }[],
    recycler: (name: string) => (recycler.get(name) as string | undefined) ?? null,
    farmer: (idNumber: string) => farmer.get(stationId, idNumber) as { id: string; name: string } | undefined,
    purchasesBySerial: (serialNorm: string) =>
      bySerial.all(serialNorm) as {
        factory_no: string;
        purchase_date: string;
        item: string;
        model: string;
        status: string;
        f_name: string;
        f_id_number: string;
        f_township_code: string;
      }[],
    scrapped: (a: string, b: string) =>
      scrapped.get(a, b, a, b) as { created_at: string; item: string; model: string; f_name: string } | undefined,
  };
}
