-- 008: operator accounts and roles, sign-in records, the access log of full personal numbers,
-- and the real user on audit rows and review events. Old rows keep their free-text operator name
-- (shown as before); their user_id stays NULL.

CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  login                TEXT NOT NULL,
  display_name         TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('technician', 'stationHead', 'countyAdmin', 'countyClerk')),
  -- scrypt with its parameters and salt: "scrypt$ln=15,r=8,p=1$<salt>$<hash>"
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  disabled_at          TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  last_sign_in_at      TEXT
) STRICT;

CREATE UNIQUE INDEX users_login ON users (login COLLATE NOCASE);

-- The one-time recovery code shown at setup: resets that administrator's password once.
CREATE TABLE recovery_codes (
  user_id    TEXT PRIMARY KEY REFERENCES users (id),
  code_hash  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at    TEXT
) STRICT;

-- Every sign-in attempt and lockout (login as typed; user_id when it named an account).
CREATE TABLE sign_in_events (
  id      TEXT PRIMARY KEY,
  at      TEXT NOT NULL,
  login   TEXT NOT NULL,
  user_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'wrong_password', 'locked', 'disabled', 'lockout', 'recovered', 'signed_out'))
) STRICT;

CREATE INDEX sign_in_events_at ON sign_in_events (at);

-- Who saw a farmer's full ID, phone or bank number, when, and where.
CREATE TABLE access_log (
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  user_name TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  farmer_id TEXT,
  purpose   TEXT NOT NULL
) STRICT;

CREATE INDEX access_log_at ON access_log (at);

ALTER TABLE audit_log ADD COLUMN user_id TEXT;
ALTER TABLE application_events ADD COLUMN user_id TEXT;
-- 1: the step was taken by the same person as the one before it at a 单人站点 (one-person station)
ALTER TABLE application_events ADD COLUMN unseparated INTEGER NOT NULL DEFAULT 0 CHECK (unseparated IN (0, 1));

-- Station settings for accounts: one-person station, idle lock.
ALTER TABLE installation ADD COLUMN solo_station INTEGER NOT NULL DEFAULT 0 CHECK (solo_station IN (0, 1));
ALTER TABLE installation ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 10 CHECK (idle_lock_minutes BETWEEN 1 AND 240);
