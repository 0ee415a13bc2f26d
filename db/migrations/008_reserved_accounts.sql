-- PLACEHOLDER on branch issue-15 only: number 008 is reserved for issue 10 (lead)'s migration (accounts).
-- Delete this file when that migration is merged (two files with one number fail loudly at startup).
SELECT 1;
