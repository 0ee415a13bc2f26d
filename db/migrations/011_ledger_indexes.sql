-- Province scale (issue 16): one index per ledger sort, each ending in the tie-breaking id, so a page
-- (offset or keyset) is read in index order without sorting; the farmer page's own shape; and the
-- farmer-name sort served by walking farmers in pinyin order.

CREATE INDEX purchases_ledger_created ON purchases (created_at, id);
CREATE INDEX purchases_ledger_date ON purchases (purchase_date, id);
CREATE INDEX purchases_ledger_amount ON purchases (total_fen, id);
CREATE INDEX purchases_ledger_year_created ON purchases (substr(purchase_date, 1, 4), created_at, id);
CREATE INDEX purchases_ledger_year_amount ON purchases (substr(purchase_date, 1, 4), total_fen, id);
CREATE INDEX purchases_ledger_farmer ON purchases (farmer_id, created_at, id);
CREATE INDEX purchases_ledger_farmer_id ON purchases (farmer_id, id);

CREATE INDEX scraps_ledger_created ON scraps (created_at, id);
CREATE INDEX scraps_ledger_date ON scraps (COALESCE(handover_date, substr(created_at, 1, 10)), id);
CREATE INDEX scraps_ledger_amount ON scraps (scrap_fen, id);
CREATE INDEX scraps_ledger_year_created ON scraps (substr(COALESCE(handover_date, substr(created_at, 1, 10)), 1, 4), created_at, id);
CREATE INDEX scraps_ledger_year_amount ON scraps (substr(COALESCE(handover_date, substr(created_at, 1, 10)), 1, 4), scrap_fen, id);
CREATE INDEX scraps_ledger_farmer ON scraps (farmer_id, created_at, id);
CREATE INDEX scraps_ledger_farmer_id ON scraps (farmer_id, id);

CREATE UNIQUE INDEX farmers_ledger_pinyin ON farmers (name_pinyin, id);

CREATE INDEX vouchers_ledger_created ON vouchers (created_at, seq, id);

-- farmers.search by a phone tail (4 digits or more): the last four digits find the candidates by index
CREATE INDEX farmers_phone_tail ON farmers (substr(phone, -4));

-- prefixes of the indexes above: one index fewer to keep up on every insert
DROP INDEX purchases_purchase_date;
DROP INDEX scraps_farmer;
DROP INDEX farmers_name_pinyin;
