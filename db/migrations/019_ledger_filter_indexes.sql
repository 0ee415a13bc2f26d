-- 019: ledger pages with any mix of the filter bar's filters and sorts (issue 16, no text). Two plans, chosen
-- by how many rows the filter matches (db/repositories/ledger-plan.ts):
--  * the count first, capped at 10,001, read from an index whose leading columns are the filter's equalities
--    (township, item, status; the year as a range after them), so it never walks the table;
--  * few matches: their rowids from that count are sorted directly (a bounded sort);
--  * many matches: the sort's own index is walked in order, and the filters are checked inside the index:
--    each sort index now carries township, item, status and voided_at (and the farmer index the date), so a
--    page reads a few thousand index entries and only its own 20 rows from the table.
-- The four sort indexes keep their names and leading columns (every plan that used them still does); they
-- are rebuilt wider. On a 1M-purchase file each CREATE INDEX is one sort of the table (5–10 s on a quiet
-- 2-core machine): one step each, so the start-up upgrade's bar moves between them.

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
