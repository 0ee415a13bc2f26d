-- 014: reserved for issue-14b (placeholder so numbering runs without gaps on this branch; replaced by that branch's migration at merge).
SELECT 1;
