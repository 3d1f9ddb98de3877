/**
 * @file Tree-sitter grammar for jues, the language of 部门决算 / 部门预算 disclosure documents.
 * @license MIT OR Apache-2.0
 *
 * The language is defined by `grammar/jues.pest` (the compiler's parser); this grammar follows
 * it for editors: highlighting, folding, structure. It aims to give the same tree shape for
 * every file the compiler accepts, and is allowed to be a little looser where that keeps it
 * simple (it is never used to decide whether a document is valid: `jues check` does that).
 *
 * Design
 * ------
 * A `.jues` file is read line by line, like Markdown. What a line is depends only on how it
 * starts (after blanks): a declaration keyword and a space (`报告 `, `表 `, …), a name and `=`
 * (a figure), `#` (a heading), `- ` / `+ ` / `1. ` (a list item), `@每行 ` / `@如果 ` (a block),
 * `//` (a comment line), `}` (the end of a block); anything else is prose. Prose needs no
 * quotes, so a tree-sitter lexer alone cannot tell `收入.合计 = 1` (a figure) from
 * `收入合计增长 6%` (prose): both start with a word, and the longest token wins. That decision,
 * and the others that need to look further ahead than one token, are made by the external
 * scanner (`src/scanner.c`) as the pest grammar's look-aheads make them:
 *
 * * `_prose_start` / `_figure_start`: zero-width tokens the scanner emits at the start of an
 *   item when the line is prose or a figure. The text tokens of prose are only valid after
 *   `_prose_start`, so declaration keywords never compete with prose text, and a declaration
 *   body `{ … }` is never read as an interpolation.
 * * `_soft_break`: the line end inside a paragraph or list item whose next line (after whole
 *   comment lines) continues it, i.e. is not blank and does not start a block, a declaration,
 *   a figure, a heading, a list item or `}`. Any other line end is `_newline`.
 * * `comment`: `//` to the end of the line, in declarations (after code too) and as a whole
 *   line anywhere; but inside a prose line, after text on it, `//` is text (`见 {网址}//x`,
 *   `http://…`). The scanner knows it is inside a prose line when `_inline_guard` (a token it
 *   never emits) is valid, and at the start of one when a soft break is valid but a line end
 *   is not (the line after a soft break).
 * * `_strong_open` / `_emphasis_open` / `_stray_star`: a `*` in prose opens emphasis only if a
 *   closing one follows on the line (pest's ordered choice); otherwise it is text.
 *
 * Newlines are significant and are never extras: declarations may span lines (their line ends
 * are explicit separators, like `;`), a table row ends at its line end, and top-level items are
 * separated by line ends. Horizontal white space (space, tab, U+3000, and a byte-order mark) and
 * `//` comments are extras. In prose, white space is part of the text.
 *
 * Keywords are extracted from `identifier` (`word`), so `合计` is a keyword only where a total
 * row may start and only as a whole word: `收入合计`, `合计行` and `收入.合计` are names.
 */

/* eslint-disable arrow-parens, camelcase */

// Every keyword has a Chinese and an English spelling (`合计` also in traditional script).
const KW = {
  report: ['报告', 'report'],
  prior: ['上年', 'prior'],
  group: ['组', 'group'],
  table: ['表', 'table'],
  check: ['检查', 'check'],
  import: ['导入', 'import'],
  column: ['列', 'columns', 'column'],
  from: ['来自', 'from'],
  as: ['为', 'as'],
  each: ['每行', 'each'],
  if: ['如果', 'if'],
  else: ['否则', 'else'],
  where: ['其中', 'where'],
  format: ['按', 'as'],
  part: ['其中', 'part'],
  total: ['合计', '合計', '总计', '總計', 'total'],
  subtotal: ['小计', '小計', 'subtotal'],
  placeholder: ['待填', 'todo'],
  unpublished: ['未公开', 'unpublished'],
};

const kw = (name) => choice(...KW[name]);

// Operator precedence: `*` `/` before `+` `-`, comparison last; `-x` binds tightest.
const PREC = {
  compare: 1,
  add: 2,
  mul: 3,
  neg: 4,
};


const commaSep1 = (rule, comma) => seq(rule, repeat(seq(comma, rule)));

module.exports = grammar({
  name: 'jues',

  word: $ => $.identifier,

  externals: $ => [
    $._prose_start,
    $._figure_start,
    $._soft_break,
    $._newline,
    $.comment,
    $._strong_open,
    $._emphasis_open,
    $._stray_star,
    // Never emitted: valid where prose text may stand, which tells the scanner so.
    $._inline_guard,
    // Never used in a rule: valid only while tree-sitter recovers from an error, when every
    // token is valid; the scanner then declines, so that it never emits zero-width tokens there.
    $._error_sentinel,
  ],

  extras: $ => [
    /[ \t\u3000\uFEFF]+/,
    $.comment,
  ],

  supertypes: $ => [
    $._expression,
  ],

  conflicts: $ => [
    // After the `}` of an `@如果` block, a line end may be followed by its `否则` branch or end
    // the block: the token after the line end decides.
    [$.if_block],
  ],

  rules: {
    // Items are separated by line ends; the last one may end the file without one.
    source_file: $ => seq(
      repeat(choice($._newline, seq($._item, $._newline))),
      optional($._item),
    ),

    _item: $ => choice(
      $.report_declaration,
      $.prior_declaration,
      $.group_declaration,
      $.table_declaration,
      $.check_declaration,
      $.import_declaration,
      seq($._figure_start, $.figure),
      $._narrative,
    ),

    // What a block body may hold: no declarations, no figures.
    _narrative: $ => choice(
      $.heading,
      $.list_item,
      $.each_block,
      $.if_block,
      $.paragraph,
    ),

    // ------------------------------------------------------------------ names and values

    identifier: _ => /[_\p{XID_Start}][\p{XID_Continue}]*/,
    // `「因公出国(境)费」`: a name with characters a bare name cannot hold.
    quoted_name: _ => /「[^」\r\n]+」/,
    _name: $ => choice($.identifier, $.quoted_name),

    // A dotted name, as defined: `收入.合计`.
    path: $ => seq($._name, repeat(seq('.', $._name))),

    string: _ => /"([^"\\]|\\[\s\S])*"/,

    // A number as written in a formula: ASCII digits, an optional fraction.
    number: _ => /[0-9]+(\.[0-9]+)?/,
    // A number as printed (a stated value, a cell, a setting): signed, grouped by thousands,
    // or in full-width digits (`７２．８０％`).
    _signed_number: _ => /[-+]?[0-9]+(\.[0-9]+)?/,
    _grouped_number: _ => /[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?/,
    _wide_number: _ => /[-+]?[０-９]+([．.][０-９]+)?/,
    // Written directly after the digits: `1149.45万元`, `72.80%`, `0台(套)`.
    // A unit word is XID_Continue characters other than ASCII digits (`&&` is a class
    // intersection in tree-sitter's regex syntax), optionally with a bracketed second word.
    unit: _ => token.immediate(prec(1, choice(
      '%', '％', '‰',
      /[\p{XID_Continue}&&[^0-9]]+([(][\p{XID_Continue}&&[^0-9]]+[)]|（[\p{XID_Continue}&&[^0-9]]+）)?/,
    ))),
    // `0.5!`: an exact number, with no rounding interval.
    exact: _ => token.immediate('!'),

    literal: $ => seq(
      field('number', $.number),
      optional(field('unit', $.unit)),
      optional(field('exact', $.exact)),
    ),

    // A value as printed; aliased to `literal` where it is used.
    _printed: $ => seq(
      field('number', alias(choice($._signed_number, $._grouped_number, $._wide_number), $.number)),
      optional(field('unit', $.unit)),
      optional(field('exact', $.exact)),
    ),

    // A classification code: `2010301`.
    code: _ => /[0-9]+/,

    placeholder: _ => kw('placeholder'),
    unpublished: _ => kw('unpublished'),
    unknown: _ => choice('?', '？'),

    _comma: _ => choice(',', '，'),
    _colon: _ => choice(':', '：'),

    // ------------------------------------------------------------------ expressions

    _expression: $ => choice(
      $.binary_expression,
      $.unary_expression,
      $.parenthesized_expression,
      $.call,
      $.reference,
      $.literal,
      $.placeholder,
    ),

    binary_expression: $ => choice(
      ...[
        [PREC.compare, choice('==', '!=', '<=', '>=', '<', '>')],
        [PREC.add, choice('+', '-')],
        [PREC.mul, choice('*', '/', '×', '÷')],
      ].map(([p, operator]) => prec.left(p, seq(
        field('left', $._expression),
        field('operator', operator),
        field('right', $._expression),
      ))),
    ),

    unary_expression: $ => prec(PREC.neg, seq(
      field('operator', '-'),
      field('operand', $._expression),
    )),

    parenthesized_expression: $ => seq('(', $._expression, ')'),

    // `share(a, b)`, `占比(a, b)`, `sum(支出.决算数 其中 决算数 > 0)`.
    call: $ => seq(
      field('function', $._name),
      field('arguments', $.arguments),
    ),

    arguments: $ => seq(
      '(',
      optional(commaSep1(choice($._expression, $.filter), $._comma)),
      optional($._comma),
      ')',
    ),

    // `支出.决算数 其中 决算数 > 0`: the rows of a column that meet a condition.
    filter: $ => seq(
      field('value', $._expression),
      kw('where'),
      field('condition', $._expression),
    ),

    // `收入.合计`, `财政拨款支出[201].决算数`, `三公经费["公务接待费"].决算数`.
    reference: $ => seq(
      field('name', $._name),
      repeat(choice(
        seq('.', field('member', $._name)),
        field('row', $.row_selector),
      )),
    ),

    row_selector: $ => seq('[', choice($.code, $.string), ']'),

    // ------------------------------------------------------------------ declarations

    // 报告 "标题" { 单位 "…"  年度 2019  金额单位 万元 }
    report_declaration: $ => seq(
      kw('report'),
      field('title', $.string),
      '{',
      repeat(choice($.setting, $._newline, ';')),
      '}',
    ),

    setting: $ => seq(
      field('name', $._name),
      field('value', choice($.string, alias($._printed, $.literal), $.path)),
    ),

    // 上年 2018 { 收支总计 = 1084.35  财政拨款收入 = 914.09 }
    prior_declaration: $ => seq(
      kw('prior'),
      optional(field('year', $.literal)),
      '{',
      repeat($._figure_body_item),
      '}',
    ),

    // 组 三公 { 公务接待费 = 0.07 … }, also nested in another group.
    group_declaration: $ => seq(
      kw('group'),
      field('name', $.path),
      '{',
      repeat($._figure_body_item),
      '}',
    ),

    _figure_body_item: $ => choice($.figure, $.group_declaration, $._newline, ';'),

    // 收入.合计 = 收入.财政拨款 + 收入.其他 = 1149.45 "本年收入合计"
    figure: $ => seq(
      field('name', $.path),
      '=',
      choice(
        field('value', choice($.unpublished, $.unknown)),
        seq(
          field('value', $._expression),
          optional(seq('=', field('stated', $._expression))),
        ),
      ),
      optional(field('label', $.string)),
    ),

    // 检查 收入总计 == 支出总计 "收入总计应等于支出总计"
    check_declaration: $ => seq(
      kw('check'),
      field('condition', $._expression),
      optional(field('message', $.string)),
    ),

    // 导入 "../2018/report.jues" 为 上年
    import_declaration: $ => seq(
      kw('import'),
      field('path', $.string),
      optional(seq(kw('as'), field('alias', $._name))),
    ),

    // 表 名称 "标题" 来自 "file.csv" { 列 … ; rows }
    table_declaration: $ => seq(
      kw('table'),
      field('name', $._name),
      optional(field('title', $.string)),
      optional(seq(kw('from'), field('source', $.string))),
      '{',
      // A line of a table ends at a line end, `;` or the closing brace (so that a name after
      // a row's cells is a named cell, never a setting on the same line).
      repeat(choice(seq($._table_line, choice($._newline, ';')), $._newline, ';')),
      optional($._table_line),
      '}',
    ),

    _table_line: $ => choice($.columns, $.row, $.setting),

    // 列 年初预算: 金额, 决算数: 金额, 完成率 = completion(决算数, 年初预算)
    columns: $ => seq(
      kw('column'),
      commaSep1($.column, $._comma),
      optional($._comma),
    ),

    column: $ => seq(
      field('name', $._name),
      optional(field('label', $.string)),
      choice(
        seq($._colon, field('type', $.path)),
        seq('=', field('formula', $._expression)),
      ),
    ),

    // 2010301 "行政运行" 0 281.85 "说明" | "公务接待费" 0.5 0.07 | 其中 "购置费" 0 0 | 合计 _ 836.78
    // A row ends at its line end.
    // A string right after a code is the row's label, never its first cell.
    row: $ => seq(
      optional(field('part', $.part)),
      choice(
        seq(
          field('code', $.code),
          optional(choice(
            seq(field('label', $.string), repeat($._cell)),
            seq(alias($._unquoted_cell, $.cell), repeat($._cell)),
            seq($.named_cell, repeat($._cell)),
          )),
        ),
        seq(field('label', choice($.total, $.subtotal, $.string)), repeat($._cell)),
      ),
    ),

    // `其中 "公务用车购置费" …`: a part of the row above it.
    part: _ => seq(kw('part'), optional(token.immediate(choice(':', '：')))),
    total: _ => kw('total'),
    subtotal: _ => kw('subtotal'),

    _cell: $ => choice($.cell, $.named_cell),
    cell: $ => choice($._unquoted_cell, $.string),
    _unquoted_cell: $ => choice(alias($._printed, $.literal), $.placeholder, $.empty_cell),
    // `完成率=99.9%`: a cell given by its column's name.
    named_cell: $ => seq(field('column', $._name), '=', field('value', $.cell)),
    empty_cell: _ => choice('_', '-', '—'),

    // ------------------------------------------------------------------ narrative

    heading: $ => seq(field('marker', $.heading_marker), repeat1($._inline)),
    heading_marker: _ => /#{1,6}/,

    list_item: $ => seq(field('marker', $.list_marker), $._lines),
    list_marker: _ => /[-+]|[0-9]{1,3}\./,

    paragraph: $ => seq($._prose_start, $._lines),

    // Lines of prose, joined by soft breaks (comment lines between them are extras).
    _lines: $ => seq(
      repeat1($._inline),
      repeat(seq(repeat1($._soft_break), repeat1($._inline))),
    ),

    _inline: $ => choice(
      $.text,
      $.interpolation,
      $.strong,
      $.emphasis,
      $.escape,
      alias($._stray_star, $.text),
      $._inline_guard,
    ),

    text: _ => /[^{}*\\\r\n]+/,
    escape: _ => /\\[^\r\n]/,

    strong: $ => seq(alias($._strong_open, '**'), repeat1($._inner), '**'),
    emphasis: $ => seq(alias($._emphasis_open, '*'), repeat1($._inner), '*'),
    _inner: $ => choice($.text, $.interpolation, $.escape, $._inline_guard),

    // {expr}  {expr = 72.80%}  {expr 按 元 .2}  {change(a, b) = 持平}: a claim about a change in
    // words alone (`持平`, `无变化`, `增加`).
    interpolation: $ => seq(
      '{',
      field('value', $._expression),
      optional(seq('=', field('stated', choice(alias($._printed, $.literal), alias($.identifier, $.claim))))),
      optional(field('format', $.format)),
      '}',
    ),

    format: $ => seq(
      kw('format'),
      $.format_option,
      repeat(seq(optional($._comma), $.format_option)),
    ),
    format_option: _ => token(choice(/\.[0-9]{1,2}/, '%', '‰', /[\p{XID_Continue}]+/)),

    // @每行 支出 其中 年初预算 > 0 { … }
    each_block: $ => seq(
      '@',
      kw('each'),
      field('table', $.reference),
      optional(seq(kw('where'), field('condition', $._expression))),
      field('body', $.block),
    ),

    // @如果 条件 { … } 否则 { … }
    if_block: $ => seq(
      '@',
      kw('if'),
      field('condition', $._expression),
      field('consequence', $.block),
      // `} 否则 {`, or `否则 {` at the start of the next line.
      optional(seq(optional($._newline), kw('else'), field('alternative', $.block))),
    ),

    // `{` ends its line; `}` starts one.
    block: $ => seq(
      '{',
      $._newline,
      repeat(choice($._newline, seq($._narrative, $._newline))),
      '}',
    ),
  },
});
