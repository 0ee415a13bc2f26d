import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Manifest } from '../transfer/manifest';
import type { ImportRow } from '../repositories/county';
import { liveStationKey } from '../repositories/station-keys';

/**
 * A station file the county has already merged, recognised without merging it again: the station's latest
 * accepted import carried the same signed digest (signedDigest), signed by the key still pinned for the station, with
 * no row refused or skipped. Merging it again would add, change and flag nothing (merges are idempotent and
 * newer rows win), so only its arrival is logged. Any doubt falls back to the full import; so does a station
 * whose received photos are not all in place (county-import.ts checks stationPhotosKept).
 */
export type PreviousImport = ImportRow & { signed_digest: string; public_key: string };

function latestAccepted(db: Database, stationId: string): ImportRow | undefined {
  return db
    .prepare("SELECT * FROM county_imports WHERE station_id = ? AND status = 'accepted' ORDER BY imported_at DESC, rowid DESC LIMIT 1")
    .get(stationId) as ImportRow | undefined;
}

function clean(row: ImportRow | undefined): row is PreviousImport {
  return !!row && !!row.signed_digest && !!row.public_key && row.rejected === 0 && row.reasons_json === null;
}

/**
 * What a merge of the file depends on, as the station signed it: the data digest with the row counts,
 * schema version, history and origin it is checked against (not when or by whom it was exported).
 */
export function signedDigest(m: Manifest): string {
  const parts = [m.data_sha256, m.row_counts, m.schema_version, m.history_length, m.history_head, m.station_id, m.township_code];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The same bytes as an accepted import (by the file's SHA-256), before the file is even opened. */
export function repeatByFileHash(db: Database, sha256: string): PreviousImport | null {
  const same = db
    .prepare("SELECT * FROM county_imports WHERE sha256 = ? AND status = 'accepted' AND station_id IS NOT NULL ORDER BY imported_at DESC, rowid DESC LIMIT 1")
    .get(sha256) as ImportRow | undefined;
  if (!clean(same) || !same.station_id) return null;
  const latest = latestAccepted(db, same.station_id);
  if (!latest || latest.id !== same.id) return null;
  return liveStationKey(db, same.station_id)?.public_key === same.public_key ? same : null;
}

/** A re-export of content already merged: the signed digest (checked by the caller) equals the latest import's. */
export function repeatBySignedDigest(db: Database, stationId: string, signedDigest: string, publicKey: string): PreviousImport | null {
  const latest = latestAccepted(db, stationId);
  if (!clean(latest) || latest.signed_digest !== signedDigest || latest.public_key !== publicKey) return null;
  return liveStationKey(db, stationId)?.public_key === publicKey ? latest : null;
}

/** The rows the earlier import read, all of which a second merge would find unchanged. */
export const rowsOf = (p: PreviousImport) => p.added + p.updated + p.unchanged;
