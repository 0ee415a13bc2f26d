-- 010: importing the Excel ledgers (台账) a station kept before this app.
-- ledger_imports: one row per committed import (stays at the station: the batch, its counts and refused rows).
-- ledger_records: one row per farmer or purchase an import created, naming its source (file, sheet, row)
-- and what the ledger said (status, paid amount, subsidy); it travels to the county with the record, so
-- 来源：历史台账导入 is known everywhere. An undone import voids both.

CREATE TABLE ledger_imports (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  sheets_json    TEXT NOT NULL,
  mapping_json   TEXT NOT NULL,
  operator       TEXT NOT NULL,
  farmers_added  INTEGER NOT NULL,
  purchases_added INTEGER NOT NULL,
  present        INTEGER NOT NULL,
  attention      INTEGER NOT NULL,
  refused        INTEGER NOT NULL,
  skipped        INTEGER NOT NULL,
  -- every row not imported, with why (the report is rebuilt from this)
  rows_json      TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  undone_at      TEXT,
  undo_reason    TEXT,
  CHECK ((undone_at IS NULL) = (undo_reason IS NULL))
) STRICT;

CREATE INDEX ledger_imports_created ON ledger_imports (created_at);

CREATE TABLE ledger_records (
  id                 TEXT PRIMARY KEY,
  station_id         TEXT NOT NULL,
  import_id          TEXT NOT NULL,
  entity             TEXT NOT NULL CHECK (entity IN ('farmer', 'purchase')),
  entity_id          TEXT NOT NULL,
  file_name          TEXT NOT NULL,
  sheet              TEXT NOT NULL,
  row_number         INTEGER NOT NULL CHECK (row_number >= 1),
  ledger_status      TEXT,
  paid_fen           INTEGER CHECK (paid_fen >= 0),
  ledger_subsidy_fen INTEGER CHECK (ledger_subsidy_fen >= 0),
  catalog_fen        INTEGER CHECK (catalog_fen >= 0),
  flags_json         TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  voided_at          TEXT,
  void_reason        TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

CREATE INDEX ledger_records_entity ON ledger_records (entity_id);
CREATE INDEX ledger_records_import ON ledger_records (import_id);
