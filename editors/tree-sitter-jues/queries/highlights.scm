; Highlights for jues. Capture names follow the common set of nvim-treesitter and Helix.

; ------------------------------------------------------------------ comments

(comment) @comment

; ------------------------------------------------------------------ declarations

[
  "报告" "report"
  "上年" "prior"
  "组" "group"
  "表" "table"
  "检查" "check"
] @keyword

[
  "导入" "import"
] @keyword.import

[
  "列" "column" "columns"
  "来自" "from"
  "为" "as"
  "按"
  "其中" "where" "part"
] @keyword

(part) @keyword

[
  "如果" "if"
  "否则" "else"
] @keyword.conditional

[
  "每行" "each"
] @keyword.repeat

(each_block "@" @keyword.repeat)
(if_block "@" @keyword.conditional)

; Total and subtotal rows.
[
  (total)
  (subtotal)
] @constant.builtin

; `待填` / `todo`, `未公开`, `?`: values not given.
(placeholder) @constant.builtin
(unpublished) @constant.builtin
(unknown) @constant.builtin
(empty_cell) @constant.builtin
(claim) @constant

; ------------------------------------------------------------------ names

(report_declaration title: (string) @markup.heading)
(table_declaration name: (_) @type.definition)
(table_declaration title: (string) @markup.heading)
(group_declaration name: (path) @module)
(import_declaration alias: (_) @module)
(each_block table: (reference name: (_) @type))

(figure name: (path (_) @variable.member))
(setting name: (_) @property)
(column name: (_) @variable.member)
(column type: (path) @type)
(named_cell column: (_) @variable.member)

(reference member: (_) @variable.member)
(reference name: (_) @variable)

; The functions of the language, when called; any other call is still a call.
(call function: (_) @function.call)
((call function: (identifier) @function.builtin)
 (#any-of? @function.builtin
  "share" "growth" "change" "completion" "sum" "abs" "round" "min" "max"
  "占比" "增长率" "增减" "完成率" "合计" "求和" "绝对值" "舍入" "最小" "最大"))

(setting value: (path) @constant)
(format_option) @attribute

; ------------------------------------------------------------------ values

(number) @number
(unit) @type.builtin
(exact) @operator
(code) @number
(string) @string
(quoted_name) @string.special

(row label: (string) @label)
(figure label: (string) @label)
(check_declaration message: (string) @string.documentation)
(import_declaration path: (string) @string.special.path)
(table_declaration source: (string) @string.special.path)

; ------------------------------------------------------------------ operators and punctuation

(binary_expression operator: _ @operator)
(unary_expression operator: _ @operator)
"=" @operator

[
  "(" ")"
  "[" "]"
] @punctuation.bracket

[
  "," "，"
  ":" "："
  "."
  ";"
] @punctuation.delimiter

(report_declaration ["{" "}"] @punctuation.bracket)
(prior_declaration ["{" "}"] @punctuation.bracket)
(group_declaration ["{" "}"] @punctuation.bracket)
(table_declaration ["{" "}"] @punctuation.bracket)
(block ["{" "}"] @punctuation.bracket)

; `{…}` in prose.
(interpolation ["{" "}"] @punctuation.special)

; ------------------------------------------------------------------ narrative

(heading) @markup.heading
(heading marker: (heading_marker) @punctuation.special)
(list_marker) @markup.list
(strong) @markup.strong
(emphasis) @markup.italic
(escape) @string.escape

