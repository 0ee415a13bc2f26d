-- 007: the county bureau's side of reporting: the stations it has heard from, every import of a
-- station file (accepted or refused), and cross-station conflicts found while merging.

CREATE TABLE stations (
  station_id       TEXT PRIMARY KEY,
  township_code    TEXT NOT NULL,
  -- signs that station's voucher check codes, so 凭证核验 at the county can check them
  voucher_secret   TEXT,
  first_import_at  TEXT NOT NULL,
  last_import_at   TEXT NOT NULL,
  last_exported_at TEXT NOT NULL
) STRICT;

CREATE TABLE county_imports (
  id             TEXT PRIMARY KEY,
  file_name      TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  station_id     TEXT,
  township_code  TEXT,
  exported_at    TEXT,
  imported_at    TEXT NOT NULL,
  operator       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('accepted', 'refused')),
  added          INTEGER NOT NULL DEFAULT 0,
  updated        INTEGER NOT NULL DEFAULT 0,
  unchanged      INTEGER NOT NULL DEFAULT 0,
  rejected       INTEGER NOT NULL DEFAULT 0,
  duration_ms    INTEGER NOT NULL,
  reasons_json   TEXT
) STRICT;

CREATE INDEX county_imports_at ON county_imports (imported_at);
CREATE INDEX county_imports_station ON county_imports (station_id, imported_at);

CREATE TABLE conflicts (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('serial_twice', 'scrap_twice', 'scrap_repurchased', 'id_names')),
  key          TEXT NOT NULL,
  records_json TEXT NOT NULL,
  detected_at  TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  resolved_at  TEXT,
  resolved_by  TEXT,
  note         TEXT,
  UNIQUE (kind, key)
) STRICT;

CREATE INDEX conflicts_open ON conflicts (resolved_at, kind);
CREATE INDEX farmers_station ON farmers (station_id);
CREATE INDEX scraps_station ON scraps (station_id);
CREATE INDEX purchases_station ON purchases (station_id);
