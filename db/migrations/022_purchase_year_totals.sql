-- 022: the purchases' year totals of 目标进度 (progress.summary / byTownship, targets.apportion) from a table
-- kept exact by triggers (issue 16). Since 021 the totals walked the year's ~85,000 entries of
-- purchases_progress_groups and summed four figures per entry: ~60 ms of progress.summary's ~100 ms on the
-- 1M-purchase file. This table holds, per (year, buyer township, status, terminal), how many live purchases
-- there are and their two amounts: a year is a few hundred rows (a province file: ~900), read in key order.
-- The two figures that need the day (the latest date, and how many fall in the recent window) are still read
-- from the 021 index, one seek per group. Like vouchers_text it is derived from the rows (LOCAL: never read
-- from a station file) and written in the same transaction as every change, so it is never stale; tests
-- compare what is read from it with the pre-022 statements. A purchase counts here while it is live
-- (voided_at IS NULL); the statuses are filtered when read. The year is the date's first four characters
-- (every path that writes a purchase checks its date is YYYY-MM-DD). township is '' for a buyer missing
-- from the file (buyer_township_code NULL), so it can be a key column.

-- step: 建立购置年度汇总表
CREATE TABLE purchase_year_totals (
  year         TEXT NOT NULL,
  township     TEXT NOT NULL,
  status       TEXT NOT NULL,
  terminal     TEXT NOT NULL,
  n            INTEGER NOT NULL,
  purchase_fen INTEGER NOT NULL,
  scrap_fen    INTEGER NOT NULL,
  PRIMARY KEY (year, township, status, terminal)
) STRICT, WITHOUT ROWID;

-- step: 汇总已有购置（购置多时需几秒）
INSERT INTO purchase_year_totals (year, township, status, terminal, n, purchase_fen, scrap_fen)
SELECT substr(purchase_date, 1, 4), coalesce(buyer_township_code, ''), status, terminal_kind, count(*), sum(purchase_fen), sum(scrap_part_fen)
FROM purchases WHERE voided_at IS NULL
GROUP BY substr(purchase_date, 1, 4), coalesce(buyer_township_code, ''), status, terminal_kind;

-- step: 建立汇总同步触发器
CREATE TRIGGER purchase_year_totals_insert AFTER INSERT ON purchases WHEN NEW.voided_at IS NULL
BEGIN
  INSERT INTO purchase_year_totals (year, township, status, terminal, n, purchase_fen, scrap_fen)
  VALUES (substr(NEW.purchase_date, 1, 4), coalesce(NEW.buyer_township_code, ''), NEW.status, NEW.terminal_kind, 1, NEW.purchase_fen, NEW.scrap_part_fen)
  ON CONFLICT (year, township, status, terminal) DO UPDATE
    SET n = n + 1, purchase_fen = purchase_fen + excluded.purchase_fen, scrap_fen = scrap_fen + excluded.scrap_fen;
END;

-- a change of any figure the totals hold moves the row from its old group to its new one (a void takes it out)
CREATE TRIGGER purchase_year_totals_update
AFTER UPDATE OF purchase_date, buyer_township_code, status, terminal_kind, purchase_fen, scrap_part_fen, voided_at ON purchases
WHEN OLD.purchase_date IS NOT NEW.purchase_date OR OLD.buyer_township_code IS NOT NEW.buyer_township_code
  OR OLD.status IS NOT NEW.status OR OLD.terminal_kind IS NOT NEW.terminal_kind OR OLD.purchase_fen IS NOT NEW.purchase_fen
  OR OLD.scrap_part_fen IS NOT NEW.scrap_part_fen OR OLD.voided_at IS NOT NEW.voided_at
BEGIN
  UPDATE purchase_year_totals
    SET n = n - 1, purchase_fen = purchase_fen - OLD.purchase_fen, scrap_fen = scrap_fen - OLD.scrap_part_fen
    WHERE OLD.voided_at IS NULL AND year = substr(OLD.purchase_date, 1, 4) AND township = coalesce(OLD.buyer_township_code, '')
      AND status = OLD.status AND terminal = OLD.terminal_kind;
  INSERT INTO purchase_year_totals (year, township, status, terminal, n, purchase_fen, scrap_fen)
  SELECT substr(NEW.purchase_date, 1, 4), coalesce(NEW.buyer_township_code, ''), NEW.status, NEW.terminal_kind, 1, NEW.purchase_fen, NEW.scrap_part_fen
  WHERE NEW.voided_at IS NULL
  ON CONFLICT (year, township, status, terminal) DO UPDATE
    SET n = n + 1, purchase_fen = purchase_fen + excluded.purchase_fen, scrap_fen = scrap_fen + excluded.scrap_fen;
END;

-- records are never deleted (作废 instead); should a row ever go, its figures go with it
CREATE TRIGGER purchase_year_totals_delete AFTER DELETE ON purchases WHEN OLD.voided_at IS NULL
BEGIN
  UPDATE purchase_year_totals
    SET n = n - 1, purchase_fen = purchase_fen - OLD.purchase_fen, scrap_fen = scrap_fen - OLD.scrap_part_fen
    WHERE year = substr(OLD.purchase_date, 1, 4) AND township = coalesce(OLD.buyer_township_code, '')
      AND status = OLD.status AND terminal = OLD.terminal_kind;
END;
