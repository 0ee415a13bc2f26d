-- 005: annual targets (年度目标) and their township shares (分解到乡镇), the areas behind the
-- comprehensive mechanization rate (耕种收综合机械化率, DOMAIN.md §5), and the indexes the progress
-- screen (目标进度) needs to stay instant on a county file with millions of records.
-- Every row here travels like the others: UUID id, station_id, created_at/updated_at, voided_at/void_reason.

CREATE TABLE targets (
  id                  TEXT PRIMARY KEY,
  station_id          TEXT NOT NULL,
  year                INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  scrap_count         INTEGER NOT NULL CHECK (scrap_count >= 0),
  purchase_count      INTEGER NOT NULL CHECK (purchase_count >= 0),
  mechanization_rate  REAL NOT NULL CHECK (mechanization_rate BETWEEN 0 AND 100),
  -- optional targets: NULL when not set
  beidou_count        INTEGER CHECK (beidou_count >= 0),
  drying_capacity_tpd REAL CHECK (drying_capacity_tpd >= 0),
  coal_dryers_zero_by INTEGER CHECK (coal_dryers_zero_by BETWEEN 2000 AND 2100),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  voided_at           TEXT,
  void_reason         TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- One live set of targets per year.
CREATE UNIQUE INDEX targets_live_year ON targets (year) WHERE voided_at IS NULL;
CREATE INDEX targets_updated_at ON targets (updated_at);

CREATE TABLE target_shares (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  township_code  TEXT NOT NULL,
  scrap_count    INTEGER NOT NULL CHECK (scrap_count >= 0),
  purchase_count INTEGER NOT NULL CHECK (purchase_count >= 0),
  beidou_count   INTEGER CHECK (beidou_count >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  voided_at      TEXT,
  void_reason    TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

CREATE UNIQUE INDEX target_shares_live ON target_shares (year, township_code) WHERE voided_at IS NULL;
CREATE INDEX target_shares_updated_at ON target_shares (updated_at);

-- Areas in mu (亩), per township, year and crop; a machine area never exceeds its base area.
CREATE TABLE mechanization_areas (
  id                   TEXT PRIMARY KEY,
  station_id           TEXT NOT NULL,
  year                 INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  township_code        TEXT NOT NULL,
  crop                 TEXT NOT NULL,
  tillage_base_mu      REAL NOT NULL CHECK (tillage_base_mu >= 0),
  tilled_mu            REAL NOT NULL CHECK (tilled_mu >= 0 AND tilled_mu <= tillage_base_mu),
  sown_mu              REAL NOT NULL CHECK (sown_mu >= 0),
  machine_sown_mu      REAL NOT NULL CHECK (machine_sown_mu >= 0 AND machine_sown_mu <= sown_mu),
  machine_harvested_mu REAL NOT NULL CHECK (machine_harvested_mu >= 0 AND machine_harvested_mu <= sown_mu),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  voided_at            TEXT,
  void_reason          TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

CREATE UNIQUE INDEX mechanization_areas_live ON mechanization_areas (year, township_code, crop) WHERE voided_at IS NULL;
CREATE INDEX mechanization_areas_updated_at ON mechanization_areas (updated_at);

-- Progress queries (db/repositories/progress.ts) group a year's counted machines by the buyer's township
-- (farmers.township_code). A join to farmers per row costs more than everything else on a county file with
-- a million purchases, so each application row carries a copy of its buyer's township, kept by the triggers
-- below (never written by application code, never travelling: a receiving file derives it again), and the
-- progress scan is one range per table answered from a covering index alone.
-- The EXPLAIN QUERY PLAN checks in tests/db/progress-plans.test.ts hold the queries to these indexes.
ALTER TABLE purchases ADD COLUMN buyer_township_code TEXT;
ALTER TABLE scraps ADD COLUMN buyer_township_code TEXT;
UPDATE purchases SET buyer_township_code = (SELECT f.township_code FROM farmers f WHERE f.id = purchases.farmer_id);
UPDATE scraps SET buyer_township_code = (SELECT f.township_code FROM farmers f WHERE f.id = scraps.farmer_id);

CREATE TRIGGER purchases_buyer_township_insert AFTER INSERT ON purchases
  WHEN NEW.buyer_township_code IS NOT (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id)
BEGIN
  UPDATE purchases SET buyer_township_code = (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER purchases_buyer_township_update AFTER UPDATE OF farmer_id, buyer_township_code ON purchases
  WHEN NEW.buyer_township_code IS NOT (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id)
BEGIN
  UPDATE purchases SET buyer_township_code = (SELECT f.township_code FROM farmers f WHERE f.id = NEW.farmer_id) WHERE rowid = NEW.rowid;
END;

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

-- A buyer who moves takes their machines along; a buyer arriving after their applications (a merge with
-- foreign keys off) fills them in.
CREATE TRIGGER farmers_township_update AFTER UPDATE OF township_code ON farmers
  WHEN NEW.township_code IS NOT OLD.township_code
BEGIN
  UPDATE purchases SET buyer_township_code = NEW.township_code WHERE farmer_id = NEW.id;
  UPDATE scraps SET buyer_township_code = NEW.township_code WHERE farmer_id = NEW.id;
END;

CREATE TRIGGER farmers_township_insert AFTER INSERT ON farmers
BEGIN
  UPDATE purchases SET buyer_township_code = NEW.township_code WHERE farmer_id = NEW.id AND buyer_township_code IS NOT NEW.township_code;
  UPDATE scraps SET buyer_township_code = NEW.township_code WHERE farmer_id = NEW.id AND buyer_township_code IS NOT NEW.township_code;
END;

CREATE INDEX purchases_progress ON purchases (status, purchase_date, buyer_township_code, item, terminal_kind, purchase_fen, scrap_part_fen, voided_at);
CREATE INDEX scraps_progress ON scraps (status, handover_date, buyer_township_code, item, scrap_fen, id, voided_at);
