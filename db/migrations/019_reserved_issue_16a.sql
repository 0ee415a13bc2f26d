-- Reserved for issue 16a's migration (merged separately); keeps numbering gapless on this branch.
SELECT 1;
