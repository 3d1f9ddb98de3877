; Folds: declarations with a body, and the bodies of `@每行` / `@如果` blocks.
[
  (report_declaration)
  (prior_declaration)
  (group_declaration)
  (table_declaration)
  (block)
] @fold
