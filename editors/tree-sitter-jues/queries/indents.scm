; Indents (nvim-treesitter's captures): the lines of a declaration's body are indented, its
; closing `}` is not. Block bodies (`@每行 … {`, `@如果 … {`) hold prose and are not indented.
[
  (report_declaration)
  (prior_declaration)
  (group_declaration)
  (table_declaration)
] @indent.begin

(report_declaration "}" @indent.branch @indent.end)
(prior_declaration "}" @indent.branch @indent.end)
(group_declaration "}" @indent.branch @indent.end)
(table_declaration "}" @indent.branch @indent.end)
