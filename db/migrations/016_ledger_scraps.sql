-- 016: scrapping ledgers (报废台账) are imported too (issue 15).
-- A station's old scrapping ledger records who scrapped which machine, when and for how much, but not
-- under which of the five scrapping conditions: such a scrap says so plainly ('unrecorded', shown as
-- 台账未记载) instead of the importer picking one. ledger_records may now name a scrap, and an import
-- counts the scraps it added. SQLite cannot change a CHECK in place: both tables are copied out and back
-- (the runner turns foreign keys off around migrations and checks them before each one commits), and
-- their indexes and triggers are created again as they were.

CREATE TEMP TABLE scraps_carry AS SELECT * FROM scraps;
DROP TABLE scraps;
CREATE TABLE scraps (
  id                TEXT PRIMARY KEY,
  station_id        TEXT NOT NULL,
  farmer_id         TEXT NOT NULL REFERENCES farmers (id),
  catalog_band_id   TEXT,
  catalog_year      INTEGER NOT NULL,
  item              TEXT NOT NULL,
  band_label        TEXT NOT NULL,
  variant           TEXT,
  param_value       REAL,
  maker             TEXT NOT NULL,
  model             TEXT NOT NULL,
  engine_no         TEXT,
  engine_no_norm    TEXT,
  frame_no          TEXT,
  frame_no_norm     TEXT,
  plate_no          TEXT,
  plate_no_norm     TEXT,
  year_made         INTEGER,
  eligibility       TEXT NOT NULL CHECK (eligibility IN ('beyond_repair', 'repair_over_half', 'past_age', 'obsolete', 'banned', 'unrecorded')),
  recycler_id       TEXT REFERENCES partners (id),
  confirm_form_no   TEXT,
  handover_date     TEXT,
  dismantle_date    TEXT,
  scrap_fen         INTEGER NOT NULL CHECK (scrap_fen >= 0),
  scrap_replace_fen INTEGER NOT NULL CHECK (scrap_replace_fen >= 0),
  status            TEXT NOT NULL CHECK (status IN ('registered', 'accepted', 'verified', 'published', 'paid', 'returned', 'voided')),
  status_at         TEXT NOT NULL,
  return_reason     TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  voided_at         TEXT,
  void_reason       TEXT,
  buyer_township_code TEXT
) STRICT;
INSERT INTO scraps SELECT * FROM temp.scraps_carry;
DROP TABLE temp.scraps_carry;

CREATE INDEX scraps_engine_no ON scraps (engine_no_norm);
CREATE INDEX scraps_frame_no ON scraps (frame_no_norm);
CREATE INDEX scraps_plate_no ON scraps (plate_no_norm);
CREATE INDEX scraps_status ON scraps (status, status_at);
CREATE INDEX scraps_handover ON scraps (handover_date);
CREATE INDEX scraps_updated_at ON scraps (updated_at);
CREATE INDEX scraps_progress ON scraps (status, handover_date, buyer_township_code, item, scrap_fen, id, voided_at);
CREATE INDEX scraps_station ON scraps (station_id);
CREATE INDEX scraps_ledger_created ON scraps (created_at, id);
CREATE INDEX scraps_ledger_date ON scraps (COALESCE(handover_date, substr(created_at, 1, 10)), id);
CREATE INDEX scraps_ledger_amount ON scraps (scrap_fen, id);
CREATE INDEX scraps_ledger_year_created ON scraps (substr(COALESCE(handover_date, substr(created_at, 1, 10)), 1, 4), created_at, id);
CREATE INDEX scraps_ledger_year_amount ON scraps (substr(COALESCE(handover_date, substr(created_at, 1, 10)), 1, 4), scrap_fen, id);
CREATE INDEX scraps_ledger_farmer ON scraps (farmer_id, created_at, id);
CREATE INDEX scraps_ledger_farmer_id ON scraps (farmer_id, id);

CREATE TRIGGER scraps_buyer_township_insert AFTER INSERT ON scraps
  WHEN NEW.buyer_township_code IS NOT (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id)
BEGIN
  UPDATE scraps SET buyer_township_code = (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER scraps_buyer_township_update AFTER UPDATE OF farmer_id, buyer_township_code ON scraps
  WHEN NEW.buyer_township_code IS NOT (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id)
BEGIN
  UPDATE scraps SET buyer_township_code = (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id) WHERE rowid = NEW.rowid;
END;

CREATE TEMP TABLE ledger_records_carry AS SELECT * FROM ledger_records;
DROP TABLE ledger_records;
CREATE TABLE ledger_records (
  id                 TEXT PRIMARY KEY,
  station_id         TEXT NOT NULL,
  import_id          TEXT NOT NULL,
  entity             TEXT NOT NULL CHECK (entity IN ('farmer', 'purchase', 'scrap')),
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
INSERT INTO ledger_records SELECT * FROM temp.ledger_records_carry;
DROP TABLE temp.ledger_records_carry;

CREATE INDEX ledger_records_entity ON ledger_records (entity_id);
CREATE INDEX ledger_records_import ON ledger_records (import_id);

ALTER TABLE ledger_imports ADD COLUMN scraps_added INTEGER NOT NULL DEFAULT 0 CHECK (scraps_added >= 0);
