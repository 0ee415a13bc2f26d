-- 009: 公示 and 兑付 (DOMAIN.md §4). A notice batch (公示批次) publishes verified applications for
-- 5 working days; objections (异议) raised during it stop payment; a payment records when, how much,
-- into which account and under which finance document. Nothing here is ever deleted: voided with a reason.

CREATE TABLE notices (
  id                TEXT PRIMARY KEY,
  station_id        TEXT NOT NULL,
  year              INTEGER NOT NULL,
  seq               INTEGER NOT NULL CHECK (seq > 0),
  number            TEXT NOT NULL,
  title             TEXT NOT NULL,
  start_date        TEXT NOT NULL,
  end_date          TEXT NOT NULL,
  payable_from      TEXT NOT NULL,
  -- where to object: the station's address and phone from 设置, as printed
  objection_contact TEXT NOT NULL,
  operator          TEXT NOT NULL,
  print_count       INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  voided_at         TEXT,
  void_reason       TEXT,
  UNIQUE (station_id, year, seq),
  CHECK (start_date < end_date AND end_date < payable_from)
) STRICT;

CREATE INDEX notices_start ON notices (start_date);

-- One application on one notice; a corrected application re-published gets a new row on a new notice.
CREATE TABLE notice_items (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  notice_id      TEXT NOT NULL REFERENCES notices (id),
  kind           TEXT NOT NULL CHECK (kind IN ('scrap', 'purchase')),
  application_id TEXT NOT NULL,
  line_no        INTEGER NOT NULL CHECK (line_no > 0),
  total_fen      INTEGER NOT NULL CHECK (total_fen >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  voided_at      TEXT,
  void_reason    TEXT,
  UNIQUE (notice_id, line_no)
) STRICT;

CREATE INDEX notice_items_application ON notice_items (application_id, created_at);

CREATE TABLE objections (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('scrap', 'purchase')),
  application_id TEXT NOT NULL,
  notice_id      TEXT NOT NULL REFERENCES notices (id),
  raised_by      TEXT NOT NULL,
  raised_on      TEXT NOT NULL,
  content        TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  -- the outcome: back to 核验 (recheck) or 退回 (returned); NULL while open
  outcome        TEXT CHECK (outcome IN ('recheck', 'returned')),
  outcome_note   TEXT,
  resolved_at    TEXT,
  resolved_by    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  voided_at      TEXT,
  void_reason    TEXT,
  CHECK ((outcome IS NULL) = (resolved_at IS NULL))
) STRICT;

CREATE INDEX objections_application ON objections (application_id);

CREATE TABLE payments (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('scrap', 'purchase')),
  application_id TEXT NOT NULL,
  notice_id      TEXT NOT NULL REFERENCES notices (id),
  farmer_id      TEXT NOT NULL REFERENCES farmers (id),
  paid_on        TEXT NOT NULL,
  approved_fen   INTEGER NOT NULL CHECK (approved_fen >= 0),
  amount_fen     INTEGER NOT NULL CHECK (amount_fen > 0),
  amount_reason  TEXT,
  account_kind   TEXT NOT NULL CHECK (account_kind IN ('card', 'corporate')),
  account_name   TEXT NOT NULL,
  account_no     TEXT NOT NULL,
  bank_name      TEXT NOT NULL,
  finance_doc    TEXT NOT NULL,
  operator       TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  voided_at      TEXT,
  void_reason    TEXT,
  CHECK (amount_fen = approved_fen OR amount_reason IS NOT NULL)
) STRICT;

-- at most one live payment per application
CREATE UNIQUE INDEX payments_application ON payments (application_id) WHERE voided_at IS NULL;
CREATE INDEX payments_paid_on ON payments (paid_on);
