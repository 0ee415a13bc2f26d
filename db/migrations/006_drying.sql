-- 006: grain drying build-out (烘干中心/烘干点) and the retirement of coal-fired dryers (DOMAIN.md §1, §6).
-- Every row travels to the county: UUID id, station_id, created_at/updated_at, voided_at/void_reason.
-- Money in fen, dates YYYY-MM-DD, capacities in tonnes.

CREATE TABLE drying_sites (
  id                 TEXT PRIMARY KEY,
  station_id         TEXT NOT NULL,
  name               TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('centre', 'point')),
  township_code      TEXT NOT NULL,
  village            TEXT NOT NULL,
  location           TEXT,
  operator_id        TEXT REFERENCES farmers (id),
  stage              TEXT NOT NULL CHECK (stage IN ('planned', 'building', 'built', 'operating', 'closed')),
  -- the date each stage was reached; the history with who and when is in drying_site_events
  planned_on         TEXT NOT NULL,
  building_on        TEXT,
  built_on           TEXT,
  operating_on       TEXT,
  closed_on          TEXT,
  planned_completion TEXT,
  conformity         TEXT NOT NULL CHECK (conformity IN ('yes', 'no', 'pending')),
  conformity_doc_no  TEXT,
  investment_fen     INTEGER CHECK (investment_fen >= 0),
  subsidy_fen        INTEGER CHECK (subsidy_fen >= 0),
  area_served_mu     REAL CHECK (area_served_mu >= 0),
  notes              TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  voided_at          TEXT,
  void_reason        TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  -- no site leaves 规划 without conforming to the land-use plan (国土空间规划), document number recorded
  CHECK (stage = 'planned' OR (conformity = 'yes' AND conformity_doc_no IS NOT NULL)),
  CHECK ((stage = 'planned') = (building_on IS NULL))
) STRICT;

CREATE INDEX drying_sites_township ON drying_sites (township_code, stage) WHERE voided_at IS NULL;
CREATE INDEX drying_sites_overdue ON drying_sites (planned_completion) WHERE voided_at IS NULL AND stage IN ('planned', 'building', 'built');
CREATE INDEX drying_sites_updated_at ON drying_sites (updated_at);

-- Stage history: one row per move (the first one is the site entering 规划).
CREATE TABLE drying_site_events (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  site_id     TEXT NOT NULL REFERENCES drying_sites (id),
  from_stage  TEXT CHECK (from_stage IN ('planned', 'building', 'built', 'operating', 'closed')),
  to_stage    TEXT NOT NULL CHECK (to_stage IN ('planned', 'building', 'built', 'operating', 'closed')),
  stage_date  TEXT NOT NULL,
  at          TEXT NOT NULL,
  operator    TEXT NOT NULL,
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
) STRICT;

CREATE INDEX drying_site_events_site ON drying_site_events (site_id, at);

CREATE TABLE dryers (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  site_id        TEXT NOT NULL REFERENCES drying_sites (id),
  maker          TEXT NOT NULL,
  model          TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('batch', 'continuous')),
  batch_t        REAL CHECK (batch_t > 0),
  -- t/day as entered; NULL for a batch dryer means batch_t × the configured batches per day
  daily_t        REAL CHECK (daily_t > 0),
  -- the heat source it was installed with; a completed conversion's new source is in dryer_retirements
  heat_source    TEXT NOT NULL CHECK (heat_source IN ('coal', 'oil', 'gas', 'biomass', 'electric', 'solar')),
  year_installed INTEGER,
  status         TEXT NOT NULL CHECK (status IN ('in_use', 'stopped', 'retired', 'converted')),
  notes          TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  voided_at      TEXT,
  void_reason    TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (kind = 'continuous' OR batch_t IS NOT NULL),
  CHECK (kind = 'batch' OR daily_t IS NOT NULL)
) STRICT;

CREATE INDEX dryers_site ON dryers (site_id) WHERE voided_at IS NULL;
CREATE INDEX dryers_heat_source ON dryers (heat_source, status) WHERE voided_at IS NULL;
CREATE INDEX dryers_updated_at ON dryers (updated_at);

-- A dryer's retirement (淘汰 = scrapped) or conversion (改造 = heat source replaced). A table of its own
-- rather than columns on dryers: the plan has its own life (planned, then done, corrected, or voided and
-- planned again), its own subsidy and its own link to a 报废登记, and each version travels to the county
-- with its own id; a dryer has at most one live plan.
CREATE TABLE dryer_retirements (
  id              TEXT PRIMARY KEY,
  station_id      TEXT NOT NULL,
  dryer_id        TEXT NOT NULL REFERENCES dryers (id),
  plan            TEXT NOT NULL CHECK (plan IN ('scrap', 'convert')),
  planned_date    TEXT NOT NULL,
  actual_date     TEXT,
  new_heat_source TEXT CHECK (new_heat_source IN ('oil', 'gas', 'biomass', 'electric', 'solar')),
  subsidy_fen     INTEGER CHECK (subsidy_fen >= 0),
  scrap_id        TEXT REFERENCES scraps (id),
  note            TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  voided_at       TEXT,
  void_reason     TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK ((plan = 'convert') = (new_heat_source IS NOT NULL)),
  CHECK (plan = 'scrap' OR scrap_id IS NULL)
) STRICT;

CREATE UNIQUE INDEX dryer_retirements_live ON dryer_retirements (dryer_id) WHERE voided_at IS NULL;
-- one scrapped machine retires one dryer
CREATE UNIQUE INDEX dryer_retirements_scrap ON dryer_retirements (scrap_id) WHERE voided_at IS NULL AND scrap_id IS NOT NULL;
CREATE INDEX dryer_retirements_actual ON dryer_retirements (actual_date) WHERE voided_at IS NULL;
CREATE INDEX dryer_retirements_updated_at ON dryer_retirements (updated_at);

-- Photos of a site (场地、设备、规划文件): files beside the database, identified by SHA-256, as for scraps.
CREATE TABLE drying_site_photos (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  site_id     TEXT NOT NULL REFERENCES drying_sites (id),
  kind        TEXT NOT NULL CHECK (kind IN ('site', 'equipment', 'document', 'other')),
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

CREATE INDEX drying_site_photos_site ON drying_site_photos (site_id);
