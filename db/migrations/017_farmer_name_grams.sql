-- 017: farmers.search by a piece of a name through an index instead of a LIKE '%…%' scan (issue 16).
-- farmer_name_grams holds every one- and two-character piece of each farmer's name (ASCII lowercased,
-- as LIKE compares), keyed in the search's order (updated_at DESC, id): a query walks its first
-- characters' range, already sorted, and checks the whole pattern on the row; a query of one or two
-- characters is answered by the range alone (a name contains it exactly when it holds that piece), so
-- its total is an index count. Kept by triggers whatever writes farmers (services, imports, merges).
-- FTS5 trigram was measured and not chosen: it cannot index pieces shorter than three characters (most
-- Chinese name queries are two: 张三) and its matches come back in rowid order, to be sorted afterwards.
-- LOCAL: derived from farmers, rebuilt by the triggers wherever farmers land.
-- A name's character positions come from json_each over a JSON array of length(name) zeros (keys 0…n-1),
-- built from zeroblob: triggers cannot use WITH RECURSIVE, and a seeded numbers table would be the
-- only table with rows in a new file.

-- step: 建立姓名片段表
CREATE TABLE farmer_name_grams (
  gram          TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  id            TEXT NOT NULL,
  live          INTEGER NOT NULL,
  township_code TEXT NOT NULL,
  PRIMARY KEY (gram, updated_at DESC, id)
) STRICT, WITHOUT ROWID;

-- step: 填充已有农户的姓名片段（农户多时需几分钟）
-- the existing farmers, inserted in key order so the table is written front to back
INSERT INTO farmer_name_grams (gram, updated_at, id, live, township_code)
  SELECT DISTINCT lower(substr(f.name, p.key + 1, w.len)), f.updated_at, f.id, f.voided_at IS NULL, f.township_code
  FROM farmers f
  JOIN json_each('[' || rtrim(replace(hex(zeroblob(length(f.name))), '00', '0,'), ',') || ']') p
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) w ON p.key + w.len <= length(f.name)
  ORDER BY 1, 2 DESC, 3;

-- step: 建立同步触发器
CREATE TRIGGER farmers_name_grams_insert AFTER INSERT ON farmers
BEGIN
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, key + 1, 1)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.name))), '00', '0,'), ',') || ']');
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, key + 1, 2)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.name))), '00', '0,'), ',') || ']') WHERE key + 2 <= length(new.name);
END;

CREATE TRIGGER farmers_name_grams_delete AFTER DELETE ON farmers
BEGIN
  DELETE FROM farmer_name_grams WHERE updated_at = old.updated_at AND id = old.id AND gram IN (
    SELECT lower(substr(old.name, key + 1, 1)) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(old.name))), '00', '0,'), ',') || ']')
    UNION ALL SELECT lower(substr(old.name, key + 1, 2)) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(old.name))), '00', '0,'), ',') || ']') WHERE key + 2 <= length(old.name));
END;

CREATE TRIGGER farmers_name_grams_update AFTER UPDATE OF id, name, updated_at, voided_at, township_code ON farmers
BEGIN
  DELETE FROM farmer_name_grams WHERE updated_at = old.updated_at AND id = old.id AND gram IN (
    SELECT lower(substr(old.name, key + 1, 1)) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(old.name))), '00', '0,'), ',') || ']')
    UNION ALL SELECT lower(substr(old.name, key + 1, 2)) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(old.name))), '00', '0,'), ',') || ']') WHERE key + 2 <= length(old.name));
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, key + 1, 1)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.name))), '00', '0,'), ',') || ']');
  INSERT OR IGNORE INTO farmer_name_grams (gram, updated_at, id, live, township_code)
    SELECT lower(substr(new.name, key + 1, 2)), new.updated_at, new.id, new.voided_at IS NULL, new.township_code
    FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.name))), '00', '0,'), ',') || ']') WHERE key + 2 <= length(new.name);
END;

-- step: 记录导入文件的签名摘要
-- Re-importing a station file whose signed content the county already holds is recognised at once
-- (db/services/import-repeat.ts): each accepted import remembers the signed data digest and the key that
-- signed it (signed_digest: the data digest with the manifest fields a merge checks it against); repeat_of names the import a recognised repeat matched.
ALTER TABLE county_imports ADD COLUMN signed_digest TEXT;
ALTER TABLE county_imports ADD COLUMN public_key TEXT;
ALTER TABLE county_imports ADD COLUMN repeat_of TEXT;
CREATE INDEX county_imports_sha256 ON county_imports (sha256);
