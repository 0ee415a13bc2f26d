-- Placeholder: number 014 belongs to issue_14b this round. It only lets the issue-15 branch (016) run on its own;
-- when merging, keep the real 014 and delete this file.
SELECT 1;
