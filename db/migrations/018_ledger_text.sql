-- 018: the ledgers' free-text query (issue 16) finds its machine-number, model and maker matches through an
-- index instead of a scan of every application. purchase_text / scrap_text hold each row's model and maker
-- ("words") and its normalized machine numbers ("numbers") in an FTS5 trigram index (contentless, rowid =
-- the application's rowid), each text stored twice: with char(1) between and around its characters ("ab" as
-- \1a\1b\1), whose trigrams are one character ("\1a\1") or two adjacent ones ("a\1b"), so a query of one or
-- two characters is an index lookup; then, after char(2), as it is, for the plain trigrams of a longer query
-- (far more selective than its pairs). A text's rows are those holding all its trigrams (or its pair, or its
-- one character): a superset of the rows its LIKE/GLOB terms match (trigrams fold case more widely than
-- LIKE), which the ledger query then checks with the very same terms, so the rows are exactly today's.
-- detail=none: only which rows hold a trigram is stored (no positions), the smallest index that answers this.
-- LOCAL: derived from purchases/scraps by the triggers below wherever those rows land (station or county).
-- A text's characters come from json_each over zeroblob, as in 017 (no functions of our own: every writer,
-- bench loaders included, keeps the index in step through plain SQL).
-- On a 1M-purchase file the two INSERTs take about 45 s of CPU: they run in rowid chunks (db/migrate-steps.ts)
-- so the start-up upgrade screen's bar moves; the triggers come after the fill, in the same transaction.

-- step: 建立台账文字索引
CREATE VIRTUAL TABLE purchase_text USING fts5(words, numbers, content='', contentless_delete=1, tokenize='trigram', detail='none');
CREATE VIRTUAL TABLE scrap_text USING fts5(words, numbers, content='', contentless_delete=1, tokenize='trigram', detail='none');

-- step: 索引购置记录的型号、厂家与机号
-- chunk: purchases 50000
INSERT INTO purchase_text (rowid, words, numbers)
  SELECT rowid, (SELECT char(1) || group_concat(substr(model || char(10) || maker, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(model || char(10) || maker))), '00', '0,'), ',') || ']')) || char(2) || (model || char(10) || maker), (SELECT char(1) || group_concat(substr(concat_ws(' ', factory_no_norm, engine_no_norm, model_norm), key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(concat_ws(' ', factory_no_norm, engine_no_norm, model_norm)))), '00', '0,'), ',') || ']')) || char(2) || (concat_ws(' ', factory_no_norm, engine_no_norm, model_norm)) FROM purchases WHERE rowid >= :lo AND rowid < :hi;

-- step: 索引报废记录的型号、厂家与机号
-- chunk: scraps 50000
INSERT INTO scrap_text (rowid, words, numbers)
  SELECT rowid, (SELECT char(1) || group_concat(substr(model || char(10) || maker, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(model || char(10) || maker))), '00', '0,'), ',') || ']')) || char(2) || (model || char(10) || maker), (SELECT char(1) || group_concat(substr(concat_ws(' ', engine_no_norm, frame_no_norm, plate_no_norm), key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(concat_ws(' ', engine_no_norm, frame_no_norm, plate_no_norm)))), '00', '0,'), ',') || ']')) || char(2) || (concat_ws(' ', engine_no_norm, frame_no_norm, plate_no_norm)) FROM scraps WHERE rowid >= :lo AND rowid < :hi;

-- step: 建立同步触发器
CREATE TRIGGER purchases_text_insert AFTER INSERT ON purchases
BEGIN
  INSERT INTO purchase_text (rowid, words, numbers)
    VALUES (new.rowid, (SELECT char(1) || group_concat(substr(new.model || char(10) || new.maker, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.model || char(10) || new.maker))), '00', '0,'), ',') || ']')) || char(2) || (new.model || char(10) || new.maker), (SELECT char(1) || group_concat(substr(concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm), key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm)))), '00', '0,'), ',') || ']')) || char(2) || (concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm)));
END;

CREATE TRIGGER purchases_text_update AFTER UPDATE OF model, maker, factory_no_norm, engine_no_norm, model_norm ON purchases
BEGIN
  DELETE FROM purchase_text WHERE rowid = old.rowid;
  INSERT INTO purchase_text (rowid, words, numbers)
    VALUES (new.rowid, (SELECT char(1) || group_concat(substr(new.model || char(10) || new.maker, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.model || char(10) || new.maker))), '00', '0,'), ',') || ']')) || char(2) || (new.model || char(10) || new.maker), (SELECT char(1) || group_concat(substr(concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm), key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm)))), '00', '0,'), ',') || ']')) || char(2) || (concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm)));
END;

CREATE TRIGGER purchases_text_delete AFTER DELETE ON purchases
BEGIN
  DELETE FROM purchase_text WHERE rowid = old.rowid;
END;

CREATE TRIGGER scraps_text_insert AFTER INSERT ON scraps
BEGIN
  INSERT INTO scrap_text (rowid, words, numbers)
    VALUES (new.rowid, (SELECT char(1) || group_concat(substr(new.model || char(10) || new.maker, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.model || char(10) || new.maker))), '00', '0,'), ',') || ']')) || char(2) || (new.model || char(10) || new.maker), (SELECT char(1) || group_concat(substr(concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm), key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm)))), '00', '0,'), ',') || ']')) || char(2) || (concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm)));
END;

CREATE TRIGGER scraps_text_update AFTER UPDATE OF model, maker, engine_no_norm, frame_no_norm, plate_no_norm ON scraps
BEGIN
  DELETE FROM scrap_text WHERE rowid = old.rowid;
  INSERT INTO scrap_text (rowid, words, numbers)
    VALUES (new.rowid, (SELECT char(1) || group_concat(substr(new.model || char(10) || new.maker, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.model || char(10) || new.maker))), '00', '0,'), ',') || ']')) || char(2) || (new.model || char(10) || new.maker), (SELECT char(1) || group_concat(substr(concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm), key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm)))), '00', '0,'), ',') || ']')) || char(2) || (concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm)));
END;

CREATE TRIGGER scraps_text_delete AFTER DELETE ON scraps
BEGIN
  DELETE FROM scrap_text WHERE rowid = old.rowid;
END;
