-- 004: subsidy vouchers (补贴凭证). Numbers run per station per year without gaps and are never reused;
-- a voided voucher keeps its number. What was printed is frozen in snapshot_json.

ALTER TABLE installation ADD COLUMN voucher_secret TEXT;
UPDATE installation SET voucher_secret = lower(hex(randomblob(32))) WHERE voucher_secret IS NULL;

CREATE TABLE voucher_counters (
  station_id TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last_seq   INTEGER NOT NULL,
  PRIMARY KEY (station_id, year)
) STRICT;

CREATE TABLE vouchers (
  id               TEXT PRIMARY KEY,
  station_id       TEXT NOT NULL,
  number           TEXT NOT NULL,
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('scrap', 'purchase')),
  application_id   TEXT NOT NULL,
  farmer_id        TEXT NOT NULL REFERENCES farmers (id),
  issue_date       TEXT NOT NULL,
  purchase_fen     INTEGER NOT NULL CHECK (purchase_fen >= 0),
  scrap_fen        INTEGER NOT NULL CHECK (scrap_fen >= 0),
  total_fen        INTEGER NOT NULL CHECK (total_fen = purchase_fen + scrap_fen),
  check_code       TEXT NOT NULL,
  snapshot_json    TEXT NOT NULL,
  print_count      INTEGER NOT NULL DEFAULT 0,
  last_printed_at  TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  voided_at        TEXT,
  void_reason      TEXT,
  UNIQUE (station_id, number),
  UNIQUE (station_id, year, seq)
) STRICT;

-- One valid voucher per application at a time; after a void a new one may be issued.
CREATE UNIQUE INDEX vouchers_live_application ON vouchers (application_id) WHERE voided_at IS NULL;
CREATE INDEX vouchers_number ON vouchers (number);
CREATE INDEX vouchers_farmer ON vouchers (farmer_id);
CREATE INDEX vouchers_issue_date ON vouchers (issue_date);
