/** The source of an imported record (its live ledger_records row), for the record's detail answer. */
import type { Database } from 'better-sqlite3';
import type { LedgerSource } from '../../shared/schemas/ledger-source';

export function ledgerSourceOf(db: Database, entityId: string): LedgerSource | null {
  const r = db
    .prepare('SELECT import_id, file_name, sheet, row_number, flags_json FROM ledger_records WHERE entity_id = ? AND voided_at IS NULL LIMIT 1')
    .get(entityId) as { import_id: string; file_name: string; sheet: string; row_number: number; flags_json: string | null } | undefined;
  if (!r) return null;
  let flags: string[] = [];
  try {
    const parsed: unknown = r.flags_json ? JSON.parse(r.flags_json) : [];
    if (Array.isArray(parsed)) flags = parsed.filter((f): f is string => typeof f === 'string');
  } catch {
    // a flags column cut at 4,000 characters is no longer JSON: the source stands without its flags
  }
  return { importId: r.import_id, fileName: r.file_name, sheet: r.sheet, row: r.row_number, flags };
}
