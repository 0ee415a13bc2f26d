-- 001: the installation, farmers (buyers/owners) and the audit log.
-- Every row that travels to the county carries a UUID id, its station_id,
-- created_at/updated_at (ISO-8601 UTC) and voided_at/void_reason instead of deletion.

CREATE TABLE installation (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  station_id    TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('station', 'county')),
  township_code TEXT,
  operator      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((role = 'station') = (township_code IS NOT NULL))
) STRICT;

CREATE TABLE farmers (
  id            TEXT PRIMARY KEY,
  station_id    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('individual', 'family_farm', 'cooperative', 'enterprise')),
  name          TEXT NOT NULL,
  name_pinyin   TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_number     TEXT NOT NULL,
  id_number_rev TEXT NOT NULL,
  birth_date    TEXT,
  contact_name  TEXT,
  phone         TEXT NOT NULL,
  bank_card     TEXT,
  bank_name     TEXT,
  township_code TEXT NOT NULL,
  village       TEXT NOT NULL,
  address       TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  voided_at     TEXT,
  void_reason   TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- One live registration per ID document per station (a voided one may be registered again).
CREATE UNIQUE INDEX farmers_live_id_number ON farmers (station_id, id_number) WHERE voided_at IS NULL;
CREATE INDEX farmers_id_number ON farmers (id_number);
CREATE INDEX farmers_id_number_rev ON farmers (id_number_rev);
CREATE INDEX farmers_name_initials ON farmers (name_initials);
CREATE INDEX farmers_name_pinyin ON farmers (name_pinyin);
CREATE INDEX farmers_updated_at ON farmers (updated_at);

CREATE TABLE audit_log (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  at          TEXT NOT NULL,
  operator    TEXT NOT NULL,
  method      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity_id, at);
CREATE INDEX audit_log_at ON audit_log (at);
