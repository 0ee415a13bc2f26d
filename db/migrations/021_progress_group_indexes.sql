-- 021: the progress dashboards (目标进度: progress.summary / byTownship / monthly, targets.apportion) without
-- sorting, and the drying dashboard from covering indexes (issue 16). The year's totals are grouped by (buyer township, status, terminal) and the monthly
-- charts by (month, item, terminal); the progress indexes of 005 hold a year as one range ordered by date,
-- so each statement read ~85,000 entries of the 1M-purchase file and then sorted them into a temporary
-- B-tree for GROUP BY (~130 ms of a ~180 ms statement). These indexes hold the rows in the GROUP BY's order:
-- * *_progress_groups: (township, status, terminal, date, amounts): the totals walk each township (found by a
--   skip-scan of this index), each counted status and each terminal kind as equalities and read the year's
--   date range inside each group, so the groups come out in order and are summed as they stream;
-- * *_progress_months: (year-month, item, terminal, status, township, date): the year's months in order, the
--   filters checked inside the index.
-- Each is covering (the table is never read) and derived from the row, so it is LOCAL like every index.
-- Each purchases index is a step of its own so the start-up bar moves between them. On the 1M-purchase bench
-- file (from version 20) the migration took 11.8 s at load ~3.7 (31.8 s at load ~9, before the drying and
-- renewal indexes were added; those are small), the whole start-up upgrade with its backup 30.8 s; the file
-- grew by ~132 MB (2,059 → 2,191 MB).

-- step: 建立进度统计索引（乡镇分组）
CREATE INDEX purchases_progress_groups ON purchases (buyer_township_code, status, terminal_kind, purchase_date, purchase_fen, scrap_part_fen, voided_at);

-- step: 建立进度统计索引（月份分组）
CREATE INDEX purchases_progress_months ON purchases (substr(purchase_date, 1, 7), item, terminal_kind, status, buyer_township_code, voided_at, purchase_date);

-- step: 建立报废进度统计索引
CREATE INDEX scraps_progress_groups ON scraps (buyer_township_code, status, handover_date, scrap_fen, id, voided_at);
CREATE INDEX scraps_progress_months ON scraps (substr(handover_date, 1, 7), item, status, buyer_township_code, voided_at, handover_date);
-- a scrap's money counts only when it was scrapped alone: whether a live purchase renews it, answered from the
-- index (purchases_live_scrap is partial on voided_at IS NULL, so the planner read each renewing purchase's row
-- to check voided_at); only purchases that renew a scrap are in it
CREATE INDEX purchases_scrap_renewal ON purchases (scrap_id, voided_at) WHERE scrap_id IS NOT NULL;

-- step: 建立烘干看板索引
-- drying.summary and the progress card's 粮食烘干 figures: live sites, their live dryers and each dryer's live
-- retirement read from covering indexes (a province's thousands of sites: each dryer and retirement row was
-- read from its table by rowid after its index entry).
CREATE INDEX drying_sites_dashboard ON drying_sites (voided_at, township_code, kind, stage, id);
CREATE INDEX dryers_dashboard ON dryers (site_id, voided_at, status, heat_source, kind, daily_t, batch_t, year_installed, id);
CREATE INDEX dryer_retirements_dashboard ON dryer_retirements (dryer_id, voided_at, plan, actual_date, new_heat_source, planned_date);
