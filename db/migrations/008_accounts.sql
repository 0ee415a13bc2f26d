-- Placeholder on branch issue-12 only, so that 009 numbers without a gap while the lead's 008 (accounts)
-- is not yet in main. On merge, take main's 008_accounts.sql and drop this file's content.
SELECT 1;
