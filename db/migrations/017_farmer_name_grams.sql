-- 017: farmers.search by a piece of a name through an index instead of a LIKE '%…%' scan (issue 16).
-- farmer_name_grams holds every one- and two-character piece of each farmer's name (ASCII lowercased,
-- as LIKE compares), keyed in the search's order (updated_at DESC, id): a query walks its first
-- characters' range, already sorted, and checks the whole pattern on the row; a query of one or two
-- characters is answered by the range alone (a name contains it exactly when it holds that piece), so
-- its total is an index count. Kept by triggers whatever writes farmers (services, imports, merges).
-- FTS5 trigram was measured and not chosen: it cannot index pieces shorter than three characters (most
-- Chinese name queries are two: 张三) and its matches come back in rowid order, to be sorted afterwards.
-- LOCAL: derived from farmers, rebuilt by the triggers wherever farmers land.

CREATE TABLE name_gram_positions (n INTEGER PRIMARY KEY) STRICT;
INSERT INTO name_gram_positions (n)
  SELECT a.d + 10 * b.d + 100 * c.d + 1
  FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a,
       (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b,
       (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c;

CREATE TABLE farmer_name_grams (
  gram          TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  id            TEXT NOT NULL,
  live          INTEGER NOT NULL,
  township_code TEXT NOT NULL,
  PRIMARY KEY (gram, updated_at DESC, id)
) STRICT, WITHOUT ROWID;

-- the existing farmers, inserted in key order so the table is written front to back
INSERT INTO farmer_name_grams (gram, updated_at, id, live, township_code)
  SELECT DISTINCT lower(substr(f.name, p.n, w.len)), f.updated_at, f.id, f.voided_at IS NULL, f.township_code
  FROM farmers f
  JOIN name_gram_positions p ON p.n <= length(f.name)
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) w ON p.n + w.len - 1 <= length(f.name)
  ORDER BY 1, 2 DESC, 3;

CREATE TRIGGER farmers_name_grams_insert AFTER INSERT ON farmers
BEGIN
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, n, 1)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM name_gram_positions WHERE n <= length(new.name);
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, n, 2)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM name_gram_positions WHERE n < length(new.name);
END;

CREATE TRIGGER farmers_name_grams_delete AFTER DELETE ON farmers
BEGIN
  DELETE FROM farmer_name_grams WHERE updated_at = old.updated_at AND id = old.id AND gram IN (
    SELECT lower(substr(old.name, n, 1)) FROM name_gram_positions WHERE n <= length(old.name)
    UNION ALL SELECT lower(substr(old.name, n, 2)) FROM name_gram_positions WHERE n < length(old.name));
END;

CREATE TRIGGER farmers_name_grams_update AFTER UPDATE OF id, name, updated_at, voided_at, township_code ON farmers
BEGIN
  DELETE FROM farmer_name_grams WHERE updated_at = old.updated_at AND id = old.id AND gram IN (
    SELECT lower(substr(old.name, n, 1)) FROM name_gram_positions WHERE n <= length(old.name)
    UNION ALL SELECT lower(substr(old.name, n, 2)) FROM name_gram_positions WHERE n < length(old.name));
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, n, 1)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM name_gram_positions WHERE n <= length(new.name);
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, n, 2)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM name_gram_positions WHERE n < length(new.name);
END;
