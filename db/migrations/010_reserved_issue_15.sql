-- Placeholder on the issue-16 branch only: the real migration with this number lands from another branch.
-- Drop this file when merging (the numbering must run without gaps).
SELECT 1;
