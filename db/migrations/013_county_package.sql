-- 013: the county package (县局下发包, issue 14). All LOCAL: nothing here travels to the county.
-- * county_key: the county's Ed25519 public key a station pinned (at first import, fingerprint confirmed
--   once); a later package signed by any other key is refused.
-- * county_package_loads: every package a station loaded (when it was made, by whom it was loaded, what it
--   brought); the newest row is the package in force. An older package than the newest is refused.
-- * machine_index: every factory serial, engine, frame and plate number already subsidised or scrapped
--   anywhere in the county, as of the package in force; replaced as a whole by each package. Normalised
--   numbers only (shared/domain/machine-ids.ts), with kind, township, year and status: no personal data.

CREATE TABLE county_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  station_id  TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  pinned_at   TEXT NOT NULL,
  pinned_by   TEXT NOT NULL
) STRICT;

CREATE TABLE county_package_loads (
  id            TEXT PRIMARY KEY,
  package_id    TEXT NOT NULL,
  exported_at   TEXT NOT NULL,
  exported_by   TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  summary_json  TEXT NOT NULL,
  loaded_at     TEXT NOT NULL,
  loaded_by     TEXT NOT NULL
) STRICT;
CREATE INDEX county_package_loads_exported ON county_package_loads (exported_at);

CREATE TABLE machine_index (
  no_norm       TEXT NOT NULL,
  field         TEXT NOT NULL CHECK (field IN ('factory', 'engine', 'frame', 'plate')),
  kind          TEXT NOT NULL CHECK (kind IN ('purchase', 'scrap')),
  -- the installation whose record it is (so a station skips its own, which its live file answers for)
  station_id    TEXT NOT NULL,
  township_code TEXT NOT NULL,
  year          INTEGER NOT NULL,
  status        TEXT NOT NULL
) STRICT;
CREATE INDEX machine_index_no ON machine_index (no_norm, field);
