import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCountyFile } from '../../db/bench/generate';
import { migrate } from '../../db/migrate';
import { tempDir } from '../support/core';
import { columnsOf, fileAtVersion } from '../support/migration-files';

const TABLES = ['farmers', 'scraps', 'purchases', 'vouchers', 'audit_log'];

/** Every row of the tables, in the columns they had at version 10 (later migrations may add columns). */
function snapshot(db: Database.Database, columns: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of TABLES) out[t] = JSON.stringify(db.prepare(`SELECT ${(columns[t] ?? []).join(', ')} FROM ${t} ORDER BY id`).all());
  return out;
}

// The populated file is generated at today's version, then its rows are copied into a version-10 file
// (tests/support/migration-files): nothing of the old file is built through today's services.
describe('migration 011 (ledger indexes) on a populated version-10 file', () => {
  const tmp = tempDir('agri-m011-');
  afterAll(() => tmp.dispose());

  it('keeps every row, adds the sort indexes, drops only the redundant prefixes', async () => {
    const generated = join(tmp.dir, 'today.db');
    await generateCountyFile({ file: generated, purchases: 1_500, firstYear: 2023, lastYear: 2025, lastDate: '2025-12-31', seed: 11 });
    const from = new Database(generated, { readonly: true });
    const file = fileAtVersion(tmp.dir, 10, from);
    from.close();
    const db = new Database(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      const columns = Object.fromEntries(TABLES.map((t) => [t, columnsOf(db, t)]));
      const before = snapshot(db, columns);
      expect(JSON.parse(before.purchases ?? '[]')).toHaveLength(1_500);
      expect(JSON.parse(before.scraps ?? '[]').length).toBeGreaterThan(0);
      db.pragma('foreign_keys = ON');
      const result = migrate(db);
      expect(result.from).toBe(10);
      expect(result.to).toBeGreaterThanOrEqual(11);
      expect(snapshot(db, columns)).toEqual(before);
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all() as string[];
      expect(indexes).toEqual(
        expect.arrayContaining(['purchases_ledger_created', 'purchases_ledger_farmer_id', 'scraps_ledger_date', 'farmers_ledger_pinyin', 'vouchers_ledger_created']),
      );
      expect(indexes).not.toContain('purchases_purchase_date');
      expect(indexes).not.toContain('scraps_farmer');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  }, 120_000);
});
