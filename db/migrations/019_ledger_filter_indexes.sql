-- 019: ledger pages with any mix of the filter bar's filters and sorts (issue 16). Two plans, chosen by how
-- many rows the filter matches (db/repositories/ledger-plan.ts):
--  * the count first, capped at 10,001, read from a covering index whose leading columns are the filter's
--    equalities: township (then status, item, date), item (then status, date), status (purchases_progress),
--    the date; with no status chosen the count adds `status IN (every status)`, a tautology (NOT NULL + CHECK)
--    that lets it seek past the status column to the item or the year. It never reads the table.
--  * at most 1,500 matches: their rowids are sorted directly (one bounded sort of the sort keys);
--  * more: the sort's own index is walked in order and the filters are checked inside it: each sort index now
--    carries township, item, status and voided_at (the buyer index also the date), so a page reads a few
--    thousand index entries and only its own rows from the table.
-- The four sort indexes per table keep their names and leading columns (every plan that used them still
-- does); they are rebuilt wider. On the 1M-purchase bench file (from version 18) the whole migration took
-- 74 s wall (28 s CPU) at load ~10 on 2 cores and grew the file by ~300 MB (1,855 → 2,159 MB); each purchases
-- index is one step so the start-up upgrade's bar moves between them (the longest wait, ~29 s, is the last
-- step: the scrap indexes and the migration's foreign-key check).

-- step: 建立购置台账筛选索引（乡镇）
CREATE INDEX purchases_ledger_township ON purchases (buyer_township_code, status, item, purchase_date, voided_at);

-- step: 建立购置台账筛选索引（品目）
CREATE INDEX purchases_ledger_item ON purchases (item, status, purchase_date, voided_at);

-- step: 重建购置台账排序索引（登记时间）
DROP INDEX purchases_ledger_created;
CREATE INDEX purchases_ledger_created ON purchases (created_at, id, buyer_township_code, item, status, voided_at);

-- step: 重建购置台账排序索引（购机日期）
DROP INDEX purchases_ledger_date;
CREATE INDEX purchases_ledger_date ON purchases (purchase_date, id, buyer_township_code, item, status, voided_at);

-- step: 重建购置台账排序索引（补贴金额）
DROP INDEX purchases_ledger_amount;
CREATE INDEX purchases_ledger_amount ON purchases (total_fen, id, buyer_township_code, item, status, voided_at);

-- step: 重建购置台账排序索引（购机者）
DROP INDEX purchases_ledger_farmer_id;
CREATE INDEX purchases_ledger_farmer_id ON purchases (farmer_id, id, buyer_township_code, item, status, purchase_date, voided_at);

-- step: 建立购机者按乡镇排序索引
-- the buyer sort with a township: that township's buyers in pinyin order (a township filter's rows are theirs)
CREATE UNIQUE INDEX farmers_ledger_township ON farmers (township_code, name_pinyin, id);

-- step: 建立报废台账筛选与排序索引
CREATE INDEX scraps_ledger_township ON scraps (buyer_township_code, status, item, COALESCE(handover_date, substr(created_at, 1, 10)), voided_at);
CREATE INDEX scraps_ledger_item ON scraps (item, status, COALESCE(handover_date, substr(created_at, 1, 10)), voided_at);
DROP INDEX scraps_ledger_created;
CREATE INDEX scraps_ledger_created ON scraps (created_at, id, buyer_township_code, item, status, voided_at);
DROP INDEX scraps_ledger_date;
CREATE INDEX scraps_ledger_date ON scraps (COALESCE(handover_date, substr(created_at, 1, 10)), id, buyer_township_code, item, status, voided_at);
DROP INDEX scraps_ledger_amount;
CREATE INDEX scraps_ledger_amount ON scraps (scrap_fen, id, buyer_township_code, item, status, voided_at);
DROP INDEX scraps_ledger_farmer_id;
CREATE INDEX scraps_ledger_farmer_id ON scraps (farmer_id, id, buyer_township_code, item, status, COALESCE(handover_date, substr(created_at, 1, 10)), voided_at);
