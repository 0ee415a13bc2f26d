-- 018: the ledgers' free-text query (issue 16) finds its machine-number, model and maker matches through an
-- index instead of a scan of every application. purchase_text / scrap_text hold each row's model and maker
-- ("words") and its normalized machine numbers ("numbers") as trigrams (FTS5, contentless, rowid = the
-- application's rowid). A query of three characters or more asks for rows holding all of its trigrams: a
-- superset of the rows its LIKE/GLOB terms match (trigrams fold case more widely than LIKE), which the
-- ledger query then checks with the very same terms, so the rows are exactly today's.
-- detail=none: only which rows hold a trigram is stored (no positions), the smallest index that answers this.
-- LOCAL: derived from purchases/scraps by the triggers below wherever those rows land (station or county).
-- On a 1M-purchase file the two INSERTs take ~30 s; each is chunkable by rowid range.

CREATE VIRTUAL TABLE purchase_text USING fts5(words, numbers, content='', contentless_delete=1, tokenize='trigram', detail='none');
CREATE VIRTUAL TABLE scrap_text USING fts5(words, numbers, content='', contentless_delete=1, tokenize='trigram', detail='none');

INSERT INTO purchase_text (rowid, words, numbers)
  SELECT rowid, model || char(10) || maker, concat_ws(' ', factory_no_norm, engine_no_norm, model_norm) FROM purchases;
INSERT INTO scrap_text (rowid, words, numbers)
  SELECT rowid, model || char(10) || maker, concat_ws(' ', engine_no_norm, frame_no_norm, plate_no_norm) FROM scraps;

CREATE TRIGGER purchases_text_insert AFTER INSERT ON purchases
BEGIN
  INSERT INTO purchase_text (rowid, words, numbers)
    VALUES (new.rowid, new.model || char(10) || new.maker, concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm));
END;

CREATE TRIGGER purchases_text_update AFTER UPDATE OF model, maker, factory_no_norm, engine_no_norm, model_norm ON purchases
BEGIN
  DELETE FROM purchase_text WHERE rowid = old.rowid;
  INSERT INTO purchase_text (rowid, words, numbers)
    VALUES (new.rowid, new.model || char(10) || new.maker, concat_ws(' ', new.factory_no_norm, new.engine_no_norm, new.model_norm));
END;

CREATE TRIGGER purchases_text_delete AFTER DELETE ON purchases
BEGIN
  DELETE FROM purchase_text WHERE rowid = old.rowid;
END;

CREATE TRIGGER scraps_text_insert AFTER INSERT ON scraps
BEGIN
  INSERT INTO scrap_text (rowid, words, numbers)
    VALUES (new.rowid, new.model || char(10) || new.maker, concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm));
END;

CREATE TRIGGER scraps_text_update AFTER UPDATE OF model, maker, engine_no_norm, frame_no_norm, plate_no_norm ON scraps
BEGIN
  DELETE FROM scrap_text WHERE rowid = old.rowid;
  INSERT INTO scrap_text (rowid, words, numbers)
    VALUES (new.rowid, new.model || char(10) || new.maker, concat_ws(' ', new.engine_no_norm, new.frame_no_norm, new.plate_no_norm));
END;

CREATE TRIGGER scraps_text_delete AFTER DELETE ON scraps
BEGIN
  DELETE FROM scrap_text WHERE rowid = old.rowid;
END;
