-- Placeholder: number 013 belongs to issue_14a this round. It only lets the issue-15 branch (016) run on its own;
-- when merging, keep the real 013 and delete this file.
SELECT 1;
