-- 021: the progress dashboards (目标进度: progress.summary / byTownship / monthly, targets.apportion) without
-- sorting (issue 16). The year's totals are grouped by (buyer township, status, terminal) and the monthly
-- charts by (month, item, terminal); the progress indexes of 005 hold a year as one range ordered by date,
-- so each statement read ~85,000 entries of the 1M-purchase file and then sorted them into a temporary
-- B-tree for GROUP BY (~130 ms of a ~180 ms statement). These indexes hold the rows in the GROUP BY's order:
-- * *_progress_groups: (township, status, terminal, date, amounts): the totals walk each township (found by a
--   skip-scan of this index), each counted status and each terminal kind as equalities and read the year's
--   date range inside each group, so the groups come out in order and are summed as they stream;
-- * *_progress_months: (year-month, item, terminal, status, township, date): the year's months in order, the
--   filters checked inside the index.
-- Each is covering (the table is never read) and derived from the row, so it is LOCAL like every index.
-- Each purchases index is a step of its own so the start-up bar moves between them.

-- step: 建立进度统计索引（乡镇分组）
CREATE INDEX purchases_progress_groups ON purchases (buyer_township_code, status, terminal_kind, purchase_date, purchase_fen, scrap_part_fen, voided_at);

-- step: 建立进度统计索引（月份分组）
CREATE INDEX purchases_progress_months ON purchases (substr(purchase_date, 1, 7), item, terminal_kind, status, buyer_township_code, voided_at, purchase_date);

-- step: 建立报废进度统计索引
CREATE INDEX scraps_progress_groups ON scraps (buyer_township_code, status, handover_date, scrap_fen, id, voided_at);
CREATE INDEX scraps_progress_months ON scraps (substr(handover_date, 1, 7), item, status, buyer_township_code, voided_at, handover_date);
