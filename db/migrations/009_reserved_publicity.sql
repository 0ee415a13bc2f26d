-- PLACEHOLDER on branch issue-11 only: number 009 is reserved for issue 12 's migration (publicity).
-- Delete this file when that migration is merged (two files with one number fail loudly at startup).
SELECT 1;
