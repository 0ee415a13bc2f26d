-- PLACEHOLDER on branch issue-11 only: number 010 is reserved for issue 15 's migration (ledger_import).
-- Delete this file when that migration is merged (two files with one number fail loudly at startup).
SELECT 1;
