import type Database from 'better-sqlite3';
import { auditRowHash, GENESIS } from '../../db/services/audit-chain';
import { setManifest } from './forge';

/**
 * Re-computes a station's audit chain in a file after its rows were edited or removed (what a station
 * rewriting its history with full knowledge of the hash rule would do), and puts the new head in the manifest.
 */
export function rechain(db: Database.Database, stationId: string): void {
  const rows = db.prepare('SELECT * FROM audit_log WHERE station_id = ? ORDER BY chain_seq').all(stationId) as Record<string, unknown>[];
  const set = db.prepare('UPDATE audit_log SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?');
  let prev = GENESIS;
  rows.forEach((row, i) => {
    const chained = { ...row, chain_seq: i + 1, prev_hash: prev };
    const hash = auditRowHash(chained);
    set.run(i + 1, prev, hash, row.id);
    prev = hash;
  });
  setManifest(db, 'history_length', String(rows.length));
  setManifest(db, 'history_head', prev);
}
