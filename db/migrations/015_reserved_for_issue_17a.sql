-- Placeholder: number 015 belongs to issue_17a this round. It only lets the issue-15 branch (016) run on its own;
-- when merging, keep the real 015 and delete this file.
SELECT 1;
