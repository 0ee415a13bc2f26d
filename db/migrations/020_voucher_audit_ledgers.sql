-- 020: vouchers.list and audit.list (issue 16) served by indexes for every filter the voucher page and the
-- audit trail offer, on a county file holding every station's vouchers and audit rows.
-- * vouchers_ledger_year: a year's vouchers in the list's order (created_at, seq, id), so 年度 plus the sort is
--   one index range; before, a year was sifted out of the newest-first walk (an old year read every newer one).
-- * vouchers_ledger_text: (year, voided_at, farmer_id, number), what the search box's count reads when its
--   matches are too many to list (a common surname): the count then reads this one index, the buyers' side
--   of the text as a set of farmer ids, instead of every voucher row and its buyer's.
-- * vouchers_voided_application: the voided vouchers of an application (a few percent of the rows); with
--   vouchers_live_application (004) every voucher of one application is an index lookup, voided shown or not.
-- * voucher_text: the voucher number's text in an FTS5 trigram index (contentless, rowid = the voucher's rowid,
--   detail=none), stored as 018 stores machine numbers: once with char(1) around every character (so a query
--   of one or two characters is a lookup), then after char(2) as it is (the plain trigrams). The search box's
--   number LIKE '%…%' had no index and read every voucher; the rows it finds are a superset of LIKE's (trigrams
--   fold case more widely), which the list query then checks with the very same terms.
-- * audit_log_entity_kind: the schema's entity filter (entity, at), newest first; the trail's one-record filter
--   has audit_log_entity already.
-- LOCAL: voucher_text is derived from vouchers by the triggers below wherever vouchers land.
-- Each index is a step of its own so the start-up bar moves between them; the text fill runs in rowid chunks.
-- Measured on a 1M-purchase county file with 809,000 vouchers and 3.27M audit rows (load ~12): about 250 s
-- wall, 39 s CPU; the longest step is the audit index (~60 s).

-- step: 建立凭证年度索引
CREATE INDEX vouchers_ledger_year ON vouchers (year, created_at, seq, id);

-- step: 建立凭证检索计数索引
CREATE INDEX vouchers_ledger_text ON vouchers (year, voided_at, farmer_id, number);

-- step: 建立已作废凭证索引
CREATE INDEX vouchers_voided_application ON vouchers (application_id) WHERE voided_at IS NOT NULL;

-- step: 建立操作日志类别索引
CREATE INDEX audit_log_entity_kind ON audit_log (entity, at);

-- step: 建立凭证编号文字索引
CREATE VIRTUAL TABLE voucher_text USING fts5(number, content='', contentless_delete=1, tokenize='trigram', detail='none');

-- step: 索引凭证编号
-- chunk: vouchers 50000
INSERT INTO voucher_text (rowid, number)
  SELECT rowid, (SELECT char(1) || group_concat(substr(number, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(number))), '00', '0,'), ',') || ']')) || char(2) || number FROM vouchers WHERE rowid >= :lo AND rowid < :hi;

-- step: 建立凭证编号同步触发器
CREATE TRIGGER vouchers_text_insert AFTER INSERT ON vouchers
BEGIN
  INSERT INTO voucher_text (rowid, number) VALUES (new.rowid, (SELECT char(1) || group_concat(substr(new.number, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.number))), '00', '0,'), ',') || ']')) || char(2) || new.number);
END;

CREATE TRIGGER vouchers_text_update AFTER UPDATE OF number ON vouchers
BEGIN
  DELETE FROM voucher_text WHERE rowid = old.rowid;
  INSERT INTO voucher_text (rowid, number) VALUES (new.rowid, (SELECT char(1) || group_concat(substr(new.number, key + 1, 1), char(1) ORDER BY key) || char(1) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.number))), '00', '0,'), ',') || ']')) || char(2) || new.number);
END;

CREATE TRIGGER vouchers_text_delete AFTER DELETE ON vouchers
BEGIN
  DELETE FROM voucher_text WHERE rowid = old.rowid;
END;
