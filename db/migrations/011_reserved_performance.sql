-- PLACEHOLDER on branch issue-11 only: number 011 is reserved for issue 16 's migration (performance).
-- Delete this file when that migration is merged (two files with one number fail loudly at startup).
SELECT 1;
