-- 003: the counter workflow. Scrapped machines (报废登记) and purchased machines (购置登记) are the two
-- kinds of subsidy application; both move through the review stages recorded in application_events.
-- Amounts are frozen in fen when a record is computed, so a later catalogue never changes them.

CREATE TABLE config (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Managed lists: dealers (经销商) and licensed recycling/dismantling enterprises (回收拆解企业).
CREATE TABLE partners (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('dealer', 'recycler')),
  name        TEXT NOT NULL,
  uscc        TEXT,
  license_no  TEXT,
  phone       TEXT,
  address     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
) STRICT;

CREATE INDEX partners_kind ON partners (kind, name);

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
  eligibility       TEXT NOT NULL CHECK (eligibility IN ('beyond_repair', 'repair_over_half', 'past_age', 'obsolete', 'banned')),
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
  void_reason       TEXT
) STRICT;

CREATE INDEX scraps_farmer ON scraps (farmer_id);
CREATE INDEX scraps_engine_no ON scraps (engine_no_norm);
CREATE INDEX scraps_frame_no ON scraps (frame_no_norm);
CREATE INDEX scraps_plate_no ON scraps (plate_no_norm);
CREATE INDEX scraps_status ON scraps (status, status_at);
CREATE INDEX scraps_handover ON scraps (handover_date);
CREATE INDEX scraps_updated_at ON scraps (updated_at);

-- One machine, one file (一机一档): photos are files under the data folder, identified by SHA-256.
CREATE TABLE scrap_photos (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  scrap_id    TEXT NOT NULL REFERENCES scraps (id),
  kind        TEXT NOT NULL CHECK (kind IN ('before', 'during', 'after', 'nameplate', 'form', 'other')),
  file_name   TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL,
  mime        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
) STRICT;

CREATE INDEX scrap_photos_scrap ON scrap_photos (scrap_id);

CREATE TABLE purchases (
  id              TEXT PRIMARY KEY,
  station_id      TEXT NOT NULL,
  farmer_id       TEXT NOT NULL REFERENCES farmers (id),
  catalog_band_id TEXT,
  catalog_year    INTEGER NOT NULL,
  category        TEXT NOT NULL,
  item            TEXT NOT NULL,
  band_label      TEXT NOT NULL,
  variant         TEXT,
  param_value     REAL,
  maker           TEXT NOT NULL,
  product_name    TEXT NOT NULL,
  model           TEXT NOT NULL,
  model_norm      TEXT NOT NULL,
  factory_no      TEXT NOT NULL,
  factory_no_norm TEXT NOT NULL,
  engine_no       TEXT,
  engine_no_norm  TEXT,
  qr_code         TEXT,
  invoice_no      TEXT NOT NULL,
  invoice_date    TEXT NOT NULL,
  price_fen       INTEGER NOT NULL CHECK (price_fen > 0),
  dealer_id       TEXT REFERENCES partners (id),
  purchase_date   TEXT NOT NULL,
  terminal_kind   TEXT NOT NULL CHECK (terminal_kind IN ('none', 'beidou', 'monitor')),
  terminal_id     TEXT,
  scrap_id        TEXT REFERENCES scraps (id),
  purchase_fen    INTEGER NOT NULL CHECK (purchase_fen >= 0),
  scrap_part_fen  INTEGER NOT NULL CHECK (scrap_part_fen >= 0),
  total_fen       INTEGER NOT NULL CHECK (total_fen = purchase_fen + scrap_part_fen),
  subsidy_note    TEXT,
  overrides_json  TEXT,
  status          TEXT NOT NULL CHECK (status IN ('registered', 'accepted', 'verified', 'published', 'paid', 'returned', 'voided')),
  status_at       TEXT NOT NULL,
  return_reason   TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  voided_at       TEXT,
  void_reason     TEXT
) STRICT;

-- Not unique: the county merges stations' files and must see a serial subsidised twice as a conflict, not an error.
CREATE INDEX purchases_factory_no ON purchases (factory_no_norm);
CREATE INDEX purchases_engine_no ON purchases (engine_no_norm);
CREATE INDEX purchases_farmer_date ON purchases (farmer_id, purchase_date);
CREATE INDEX purchases_item_model ON purchases (item, model_norm);
CREATE INDEX purchases_band ON purchases (catalog_band_id);
CREATE INDEX purchases_status ON purchases (status, status_at);
CREATE INDEX purchases_purchase_date ON purchases (purchase_date);
CREATE INDEX purchases_updated_at ON purchases (updated_at);
-- A scrapped machine renews at most one live purchase.
CREATE UNIQUE INDEX purchases_live_scrap ON purchases (scrap_id) WHERE scrap_id IS NOT NULL AND voided_at IS NULL;

-- Each step of the review, with who and when; 核验 also records the on-site checks.
CREATE TABLE application_events (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  entity      TEXT NOT NULL CHECK (entity IN ('scrap', 'purchase')),
  entity_id   TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  at          TEXT NOT NULL,
  operator    TEXT NOT NULL,
  reason      TEXT,
  checks_json TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
) STRICT;

CREATE INDEX application_events_entity ON application_events (entity_id, at);
