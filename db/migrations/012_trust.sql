-- 012: who made a file, who did a thing (issue 11).
-- * installation_keys: this installation's Ed25519 key pair. LOCAL: the private key never leaves this
--   file (the station export deletes the row from its snapshot and vacuums). Existing installations get
--   their key on first use after this migration (db/services/keys.ts: ensureInstallationKeys).
-- * audit_log: a hash chain per station (chain_seq, prev_hash, row_hash; db/services/audit-chain.ts).
--   Rows written before this migration are chained, in rowid order, on first use.
-- * vouchers.signature: Ed25519 by the station key; NULL for vouchers issued before (HMAC check code).
-- * county side: pinned station keys (station_keys), the last history head accepted per station, no more
--   voucher secrets, and two more conflict kinds (编号冲突, 历史记录被改写).

CREATE TABLE installation_keys (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  -- SubjectPublicKeyInfo DER, base64
  public_key  TEXT NOT NULL,
  -- PKCS#8 DER, base64: never exported, logged or shown
  private_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

ALTER TABLE audit_log ADD COLUMN chain_seq INTEGER;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
CREATE INDEX audit_log_chain ON audit_log (station_id, chain_seq);

ALTER TABLE vouchers ADD COLUMN signature TEXT;

-- County: every key ever pinned for a station; one live (not retired) key per station.
CREATE TABLE station_keys (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  township_code  TEXT NOT NULL,
  public_key     TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  pinned_at      TEXT NOT NULL,
  pinned_by      TEXT NOT NULL,
  retired_at     TEXT,
  retired_by     TEXT,
  retired_reason TEXT,
  CHECK ((retired_at IS NULL) = (retired_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX station_keys_live ON station_keys (station_id) WHERE retired_at IS NULL;
CREATE INDEX station_keys_station ON station_keys (station_id, pinned_at);

-- The county keeps no voucher secret any more: vouchers are verified with the pinned public key.
ALTER TABLE stations DROP COLUMN voucher_secret;
ALTER TABLE stations ADD COLUMN history_length INTEGER;
ALTER TABLE stations ADD COLUMN history_head TEXT;

-- conflicts: the kind list grows (a CHECK cannot be altered in place: rebuild, keeping every row).
CREATE TABLE conflicts_012 (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('serial_twice', 'scrap_twice', 'scrap_repurchased', 'id_names', 'id_taken', 'history_rewritten')),
  key          TEXT NOT NULL,
  records_json TEXT NOT NULL,
  detected_at  TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  resolved_at  TEXT,
  resolved_by  TEXT,
  note         TEXT,
  UNIQUE (kind, key)
) STRICT;
INSERT INTO conflicts_012 (id, kind, key, records_json, detected_at, updated_at, resolved_at, resolved_by, note)
  SELECT id, kind, key, records_json, detected_at, updated_at, resolved_at, resolved_by, note FROM conflicts;
DROP TABLE conflicts;
ALTER TABLE conflicts_012 RENAME TO conflicts;
CREATE INDEX conflicts_open ON conflicts (resolved_at, kind);
