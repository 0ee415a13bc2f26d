-- PLACEHOLDER on branch issue-15 only: number 009 is reserved for issue 12's migration (publicity/payments).
-- Delete this file when that migration is merged (two files with one number fail loudly at startup).
SELECT 1;
