-- 002: the subsidy catalogue (补贴额一览表), versioned by year. A re-import of a year supersedes
-- its version; bands are never deleted, so records keep pointing at the amounts they were computed with.

CREATE TABLE catalog_versions (
  id            TEXT PRIMARY KEY,
  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title         TEXT NOT NULL,
  source        TEXT NOT NULL,
  is_sample     INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
  file_name     TEXT,
  imported_at   TEXT NOT NULL,
  imported_by   TEXT NOT NULL,
  superseded_at TEXT
) STRICT;

-- One live (not superseded) version per year.
CREATE UNIQUE INDEX catalog_versions_live_year ON catalog_versions (year) WHERE superseded_at IS NULL;

CREATE TABLE catalog_bands (
  id                TEXT PRIMARY KEY,
  version_id        TEXT NOT NULL REFERENCES catalog_versions (id),
  year              INTEGER NOT NULL,
  sort              INTEGER NOT NULL,
  category          TEXT NOT NULL,
  subcategory       TEXT NOT NULL,
  item              TEXT NOT NULL,
  item_pinyin       TEXT NOT NULL,
  item_initials     TEXT NOT NULL,
  band_label        TEXT NOT NULL,
  variant           TEXT,
  param             TEXT NOT NULL CHECK (param IN ('hp', 'feed_kgs', 'rows', 'tank_l', 'batch_t', 'width_m', 'shanks', 'none')),
  lower             REAL,
  lower_inclusive   INTEGER NOT NULL CHECK (lower_inclusive IN (0, 1)),
  upper             REAL,
  upper_inclusive   INTEGER NOT NULL CHECK (upper_inclusive IN (0, 1)),
  purchase_fen      INTEGER CHECK (purchase_fen >= 0),
  scrap_fen         INTEGER CHECK (scrap_fen >= 0),
  scrap_replace_fen INTEGER CHECK (scrap_replace_fen >= 0),
  cap_fen           INTEGER CHECK (cap_fen >= 0),
  cap_percent       REAL CHECK (cap_percent BETWEEN 0 AND 100),
  price_low_fen     INTEGER CHECK (price_low_fen >= 0),
  price_high_fen    INTEGER CHECK (price_high_fen >= 0),
  scrap_scope       INTEGER NOT NULL CHECK (scrap_scope IN (0, 1)),
  -- a range holds at least one value (lower = upper is a single value such as "3行", both ends included)
  CHECK (lower IS NULL OR upper IS NULL OR lower < upper OR (lower = upper AND lower_inclusive = 1 AND upper_inclusive = 1)),
  CHECK (price_low_fen IS NULL OR price_high_fen IS NULL OR price_low_fen <= price_high_fen),
  -- a band pays something
  CHECK (purchase_fen IS NOT NULL OR scrap_fen IS NOT NULL OR scrap_replace_fen IS NOT NULL)
) STRICT;

CREATE INDEX catalog_bands_version_item ON catalog_bands (version_id, item, variant, sort);
CREATE INDEX catalog_bands_item_initials ON catalog_bands (item_initials);
CREATE INDEX catalog_bands_item_pinyin ON catalog_bands (item_pinyin);
