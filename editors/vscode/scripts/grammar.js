// Writes syntaxes/jues.tmLanguage.json, the TextMate grammar of jues, from the rules below.
//
// The grammar follows grammar/jues.pest, the one definition of the language: a file is read
// line by line; a line that starts with a declaration keyword and a space is a declaration,
// a line that starts with a name and `=` defines a figure, `#` starts a heading, `- ` a list
// item, `@` a block, and every other line is prose, where only `{…}` interpolations, `**…**`,
// `*…*` and `\` escapes mean something. Declaration bodies (`{ … }` after a declaration) are
// code, never interpolations, and may span many lines.
//
// Run `npm run grammar` after editing; a test checks that the JSON is up to date.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// ------------------------------------------------------------------ regex pieces

const S = "[ \\t\\u3000]"; // horizontal space, as `hspace` in the pest grammar
const XC = "[\\p{XID_Continue}]";
const IDENT = "[\\p{XID_Start}_][\\p{XID_Continue}]*";
const QUOTED = "「[^」\\n]+」";
const NAME = `(?:${QUOTED}|${IDENT})`;
const NAMEPATH = `${NAME}(?:\\.${NAME})*`;
const NOT_XC = `(?!${XC})`; // the end of a word
const NOT_AFTER_XC = `(?<!${XC})`; // the start of a word
const UNIT_WORD = `(?:(?![0-9])${XC})+`;
const UNIT = `(?:%|％|‰|${UNIT_WORD}(?:\\(${UNIT_WORD}\\)|（${UNIT_WORD}）)?)`;
const EXACT = "(?:!(?!=))";
const DIGITS = "(?:[0-9]+(?:\\.[0-9]+)?|[０-９]+(?:[．.][０-９]+)?)";
const GROUPED = "[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?";
const ROW_START = "(?:^|(?<=[{;]))";
const PART = `(?:其中[:：]?|part${NOT_XC})`;
const TOTAL = `(?:合计|合計|总计|總計|total|小计|小計|subtotal)${NOT_XC}`;
const FUNCTIONS = [
  "sum", "合计", "求和", "share", "占比", "growth", "增长率", "change", "增减",
  "completion", "完成率", "abs", "绝对值", "round", "舍入", "min", "最小", "max", "最大",
];
// A value ends with one of these: where a figure may follow on the same line (`{ a = 1  b = 2 }`).
const VALUE_END = `[0-9%‰％!"?？)\\]」\\p{XID_Continue}]`;

const keyword = (words) => `(?:${words.join("|")})`;
const declStart = (words) => `^${S}*(${keyword(words)})(?=${S})`;

const scope = (name) => `${name}.jues`;

// ------------------------------------------------------------------ rules

const repository = {
  // ---------------------------------------------------------------- comments and literals
  "comment-line": {
    match: `^${S}*(//).*$`,
    name: scope("comment.line.double-slash"),
    captures: { 1: { name: scope("punctuation.definition.comment") } },
  },
  comment: {
    match: "(//).*$",
    name: scope("comment.line.double-slash"),
    captures: { 1: { name: scope("punctuation.definition.comment") } },
  },
  string: {
    begin: '"',
    end: '"',
    name: scope("string.quoted.double"),
    beginCaptures: { 0: { name: scope("punctuation.definition.string.begin") } },
    endCaptures: { 0: { name: scope("punctuation.definition.string.end") } },
    patterns: [{ match: "\\\\.", name: scope("constant.character.escape") }],
  },
  "quoted-name": {
    match: "(「)[^」\\n]+(」)",
    name: scope("variable.other.quoted"),
    captures: {
      1: { name: scope("punctuation.definition.variable.begin") },
      2: { name: scope("punctuation.definition.variable.end") },
    },
  },
  // A number in a formula: digits, an optional unit word, an optional `!` (exact).
  number: {
    match: `${NOT_AFTER_XC}(${DIGITS})(${UNIT})?(${EXACT})?`,
    name: scope("constant.numeric"),
    captures: {
      2: { name: scope("keyword.other.unit") },
      3: { name: scope("keyword.operator.exact") },
    },
  },
  // A value as printed (a cell, a stated value): also a sign and thousands separators.
  printed: {
    match: `${NOT_AFTER_XC}([+\\-]?)(${GROUPED}|${DIGITS})(${UNIT})?(${EXACT})?`,
    name: scope("constant.numeric"),
    captures: {
      3: { name: scope("keyword.other.unit") },
      4: { name: scope("keyword.operator.exact") },
    },
  },
  placeholder: {
    match: `${NOT_AFTER_XC}(?:待填|todo)${NOT_XC}`,
    name: scope("constant.language.placeholder"),
  },
  unpublished: {
    match: `${NOT_AFTER_XC}(?:未公开|unpublished)${NOT_XC}`,
    name: scope("constant.language.unpublished"),
  },
  unknown: { match: "[?？]", name: scope("constant.language.unknown") },
  separator: { match: "[,，]", name: scope("punctuation.separator") },
  terminator: { match: ";", name: scope("punctuation.terminator") },

  // ---------------------------------------------------------------- expressions
  expression: {
    patterns: [
      { include: "#string" },
      { include: "#selector-code" },
      { include: "#number" },
      { include: "#placeholder" },
      { include: "#call" },
      {
        match: `${NOT_AFTER_XC}(?:其中|where)${NOT_XC}`,
        name: scope("keyword.other.where"),
      },
      { include: "#names" },
      { match: "\\[", name: scope("punctuation.section.brackets.begin") },
      { match: "\\]", name: scope("punctuation.section.brackets.end") },
      { match: "\\(", name: scope("punctuation.section.parens.begin") },
      { match: "\\)", name: scope("punctuation.section.parens.end") },
      { include: "#separator" },
      { include: "#operator" },
    ],
  },
  // `表[2010301]`: a row's code.
  "selector-code": {
    match: `(?<=\\[)${S}*[0-9]+(?=${S}*\\])`,
    name: scope("constant.other.code"),
  },
  call: {
    patterns: [
      {
        match: `${NOT_AFTER_XC}${keyword(FUNCTIONS)}(?=${S}*\\()`,
        name: scope("support.function"),
      },
      { match: `${NOT_AFTER_XC}${NAME}(?=${S}*\\()`, name: scope("entity.name.function") },
    ],
  },
  // Names and paths of names (`收入.合计`): the dots are accessors.
  names: {
    patterns: [
      { include: "#quoted-name" },
      { match: `${NOT_AFTER_XC}${IDENT}`, name: scope("variable.other") },
      { match: "\\.", name: scope("punctuation.accessor") },
    ],
  },
  operator: {
    patterns: [
      { match: "==|!=|<=|>=|<|>", name: scope("keyword.operator.comparison") },
      { match: "=", name: scope("keyword.operator.assignment") },
      { match: "[+\\-*/×÷]", name: scope("keyword.operator.arithmetic") },
    ],
  },

  // ---------------------------------------------------------------- declarations
  declaration: {
    patterns: [
      { include: "#report" },
      { include: "#table" },
      { include: "#prior" },
      { include: "#group" },
      { include: "#check" },
      { include: "#import" },
      { include: "#figure-line" },
    ],
  },
  // 报告 "标题" { 单位 "…"  年度 2019  金额单位 万元 }
  report: {
    begin: declStart(["报告", "report"]),
    end: "$",
    name: scope("meta.declaration.report"),
    beginCaptures: { 1: { name: scope("keyword.control.declaration") } },
    patterns: [
      { include: "#comment" },
      { include: "#string" },
      { include: "#settings-body" },
    ],
  },
  "settings-body": {
    begin: "\\{",
    end: "\\}",
    name: scope("meta.block"),
    beginCaptures: { 0: { name: scope("punctuation.section.block.begin") } },
    endCaptures: { 0: { name: scope("punctuation.section.block.end") } },
    patterns: [{ include: "#comment" }, { include: "#setting" }, { include: "#terminator" }],
  },
  // `名称 值`: a setting of a report or a table; the value is a string, a number or a name.
  setting: {
    patterns: [
      {
        match: `(${NAME})${S}+(${NAMEPATH})(?!${S}*=)`,
        captures: {
          1: { name: scope("variable.other.property.setting") },
          2: { patterns: [{ include: "#names" }] },
        },
      },
      { match: `${NAME}(?=${S}+["+\\-0-9])`, name: scope("variable.other.property.setting") },
      { include: "#string" },
      { include: "#number" },
      { include: "#names" },
    ],
  },
  // 上年 2018 { 收支总计 = 1084.35  财政拨款收入 = 914.09 }
  prior: {
    begin: declStart(["上年", "prior"]),
    end: "$",
    name: scope("meta.declaration.prior"),
    beginCaptures: { 1: { name: scope("keyword.control.declaration") } },
    patterns: [{ include: "#comment" }, { include: "#number" }, { include: "#figure-body" }],
  },
  // 组 三公 { 公务接待费 = 0.07 … }
  group: {
    begin: `${declStart(["组", "group"])}(?:${S}+(${NAMEPATH}))?`,
    end: "$",
    name: scope("meta.declaration.group"),
    beginCaptures: {
      1: { name: scope("keyword.control.declaration") },
      2: { name: scope("entity.name.namespace.group") },
    },
    patterns: [{ include: "#comment" }, { include: "#figure-body" }],
  },
  "figure-body": {
    begin: "\\{",
    end: "\\}",
    name: scope("meta.block"),
    beginCaptures: { 0: { name: scope("punctuation.section.block.begin") } },
    endCaptures: { 0: { name: scope("punctuation.section.block.end") } },
    patterns: [{ include: "#figure-items" }],
  },
  "figure-items": {
    patterns: [
      { include: "#comment" },
      { include: "#nested-group" },
      { include: "#figure-definition" },
      { include: "#figure-value" },
      { include: "#terminator" },
    ],
  },
  "nested-group": {
    begin: `${ROW_START}${S}*(组|group)${S}+(${NAMEPATH})${S}*(\\{)`,
    end: "\\}",
    name: scope("meta.declaration.group"),
    beginCaptures: {
      1: { name: scope("keyword.control.declaration") },
      2: { name: scope("entity.name.namespace.group") },
      3: { name: scope("punctuation.section.block.begin") },
    },
    endCaptures: { 0: { name: scope("punctuation.section.block.end") } },
    contentName: scope("meta.block"),
    patterns: [{ include: "#figure-items" }],
  },
  // The name and `=` of a figure in a body: at the start of a line, after `{` or `;`, or after
  // the value of the figure before it on the same line.
  "figure-definition": {
    match: `(?:${ROW_START}|(?<=${VALUE_END}${S}+))${S}*(${NAMEPATH})${S}*(=)(?!=)`,
    captures: {
      1: { name: scope("entity.name.variable.figure"), patterns: [{ include: "#names" }] },
      2: { name: scope("keyword.operator.assignment") },
    },
  },
  // What follows `=`: a formula, `= stated`, `未公开`, `?`, and a label.
  "figure-value": {
    patterns: [
      { include: "#unpublished" },
      { include: "#unknown" },
      { include: "#expression" },
    ],
  },
  // 收入.合计 = 收入.财政拨款 + 收入.其他 = 1149.45 "本年收入合计"
  "figure-line": {
    begin: `^${S}*(${NAMEPATH})${S}*(=)(?!=)`,
    end: "$",
    name: scope("meta.figure"),
    beginCaptures: {
      1: { name: scope("entity.name.variable.figure"), patterns: [{ include: "#names" }] },
      2: { name: scope("keyword.operator.assignment") },
    },
    patterns: [{ include: "#comment" }, { include: "#figure-value" }],
  },
  // 检查 收入总计 == 支出总计 "收入总计应等于支出总计"
  check: {
    begin: declStart(["检查", "check"]),
    end: "$",
    name: scope("meta.declaration.check"),
    beginCaptures: { 1: { name: scope("keyword.control.declaration") } },
    patterns: [{ include: "#comment" }, { include: "#expression" }],
  },
  // 导入 "../2018/report.jues" 为 上年
  import: {
    begin: declStart(["导入", "import"]),
    end: "$",
    name: scope("meta.declaration.import"),
    beginCaptures: { 1: { name: scope("keyword.control.declaration") } },
    patterns: [
      { include: "#comment" },
      { include: "#string" },
      {
        match: `${NOT_AFTER_XC}(为|as)${S}+(${NAME})`,
        captures: {
          1: { name: scope("keyword.other") },
          2: { name: scope("entity.name.namespace.import") },
        },
      },
    ],
  },
  // 表 名称 "标题" 来自 "file.csv" { 列 … ; rows }
  table: {
    begin: `${declStart(["表", "table"])}(?:${S}+(${NAME}))?`,
    end: "$",
    name: scope("meta.declaration.table"),
    beginCaptures: {
      1: { name: scope("keyword.control.declaration") },
      2: { name: scope("entity.name.type.table") },
    },
    patterns: [
      { include: "#comment" },
      { include: "#string" },
      { match: `${NOT_AFTER_XC}(?:来自|from)${NOT_XC}`, name: scope("keyword.other") },
      { include: "#table-body" },
    ],
  },
  "table-body": {
    begin: "\\{",
    end: "\\}",
    name: scope("meta.block"),
    beginCaptures: { 0: { name: scope("punctuation.section.block.begin") } },
    endCaptures: { 0: { name: scope("punctuation.section.block.end") } },
    patterns: [
      { include: "#comment" },
      { include: "#columns" },
      {
        match: `${ROW_START}${S}*(?:(${PART})${S}*)?(${TOTAL})`,
        captures: {
          1: { name: scope("keyword.other.part") },
          2: { name: scope("keyword.other.total") },
        },
      },
      {
        match: `${ROW_START}${S}*(?:(${PART})${S}*)?([0-9]+)${NOT_XC}`,
        captures: {
          1: { name: scope("keyword.other.part") },
          2: { name: scope("constant.other.code") },
        },
      },
      { match: `${ROW_START}${S}*(${PART})`, captures: { 1: { name: scope("keyword.other.part") } } },
      {
        match: `${ROW_START}${S}*(${NAME})(?=${S})(?!${S}*=)`,
        captures: { 1: { name: scope("variable.other.property.setting") } },
      },
      // `名称 = 值`: a named cell.
      {
        match: `(${NAME})${S}*(=)(?!=)`,
        captures: {
          1: { name: scope("variable.other.property.cell") },
          2: { name: scope("keyword.operator.assignment") },
        },
      },
      { include: "#string" },
      { include: "#placeholder" },
      { include: "#printed" },
      {
        match: `${NOT_AFTER_XC}[_\\-—](?![0-9]|${XC})`,
        name: scope("constant.language.empty"),
      },
      { include: "#names" },
      { include: "#terminator" },
    ],
  },
  // 列 年初预算: 金额, 决算数: 金额, 完成率 "完成率" = share(决算数, 年初预算)
  columns: {
    begin: `${ROW_START}${S}*(列|columns|column)${NOT_XC}`,
    end: "(?=[;}])|$",
    name: scope("meta.columns"),
    beginCaptures: { 1: { name: scope("keyword.other") } },
    patterns: [
      { include: "#comment" },
      {
        match: `([:：])${S}*(${NAMEPATH})`,
        captures: {
          1: { name: scope("punctuation.separator.key-value") },
          2: { name: scope("entity.name.type") },
        },
      },
      {
        // A column's name: before its title, `:` and its type, or `=` and its formula.
        match: `${NOT_AFTER_XC}${NAME}(?=${S}*(?:"(?:[^"\\\\]|\\\\.)*"${S}*)?(?:[:：]|=(?!=)))`,
        name: scope("variable.other.property.column"),
      },
      { include: "#expression" },
    ],
  },

  // ---------------------------------------------------------------- narrative
  heading: {
    begin: `^${S}*(#{1,6})(?=${S})`,
    end: "$",
    name: scope("markup.heading"),
    beginCaptures: { 1: { name: scope("punctuation.definition.heading") } },
    contentName: scope("entity.name.section"),
    patterns: [{ include: "#inline" }],
  },
  "list-item": {
    match: `^${S}*([\\-+]|[0-9]{1,3}\\.)(?=${S})`,
    captures: { 1: { name: scope("punctuation.definition.list.begin") } },
  },
  inline: {
    patterns: [
      { include: "#interpolation" },
      { include: "#strong" },
      { include: "#emphasis" },
      { include: "#escape" },
    ],
  },
  escape: { match: "\\\\.", name: scope("constant.character.escape") },
  strong: {
    begin: "\\*\\*(?=(?:\\\\.|[^*\\\\])+\\*\\*)",
    end: "\\*\\*|$",
    name: scope("markup.bold"),
    beginCaptures: { 0: { name: scope("punctuation.definition.bold") } },
    endCaptures: { 0: { name: scope("punctuation.definition.bold") } },
    patterns: [{ include: "#interpolation" }, { include: "#escape" }],
  },
  emphasis: {
    begin: "\\*(?!\\*)(?=(?:\\\\.|[^*\\\\])+\\*)",
    end: "\\*|$",
    name: scope("markup.italic"),
    beginCaptures: { 0: { name: scope("punctuation.definition.italic") } },
    endCaptures: { 0: { name: scope("punctuation.definition.italic") } },
    patterns: [{ include: "#interpolation" }, { include: "#escape" }],
  },
  // {expr}  {expr = 72.80%}  {change(a, b) = 持平}  {expr 按 元 .2}. An interpolation lies on
  // one line: the end of the line ends it, so a stray `{` does not colour what follows.
  interpolation: {
    begin: "\\{",
    end: "\\}|$",
    name: scope("meta.interpolation"),
    beginCaptures: { 0: { name: scope("punctuation.section.interpolation.begin") } },
    endCaptures: { 0: { name: scope("punctuation.section.interpolation.end") } },
    patterns: [{ include: "#stated" }, { include: "#format" }, { include: "#expression" }],
  },
  stated: {
    match: `(=)(?!=)${S}*(?:([+\\-]?(?:${GROUPED}|${DIGITS})${UNIT}?${EXACT}?)|((?:(?![0-9])${XC})+))`,
    captures: {
      1: { name: scope("keyword.operator.assignment") },
      2: { patterns: [{ include: "#printed" }] },
      3: { name: scope("constant.language.claim") },
    },
  },
  format: {
    begin: `${NOT_AFTER_XC}(按|as)(?=${S})`,
    end: "(?=\\})|$",
    beginCaptures: { 1: { name: scope("keyword.other.format") } },
    patterns: [
      { match: `\\.[0-9]{1,2}|%|‰|${XC}+`, name: scope("constant.other.format") },
      { include: "#separator" },
    ],
  },
  // @每行 表名 其中 条件 {   …   }
  each: {
    begin: `^${S}*(@)(每行|each)${S}+(.*?)(\\{)${S}*$`,
    end: `^${S}*(\\})`,
    name: scope("meta.block.each"),
    beginCaptures: {
      1: { name: scope("punctuation.definition.block") },
      2: { name: scope("keyword.control.block") },
      3: { patterns: [{ include: "#expression" }] },
      4: { name: scope("punctuation.section.block.begin") },
    },
    endCaptures: { 1: { name: scope("punctuation.section.block.end") } },
    patterns: [{ include: "#block-items" }],
  },
  // @如果 条件 {   …   } 否则 {   …   }
  if: {
    begin: `^${S}*(@)(如果|if)${S}+(.*?)(\\{)${S}*$`,
    end: `^${S}*(\\})(?!${S}*(?:否则|else)${NOT_XC})`,
    name: scope("meta.block.if"),
    beginCaptures: {
      1: { name: scope("punctuation.definition.block") },
      2: { name: scope("keyword.control.block") },
      3: { patterns: [{ include: "#expression" }] },
      4: { name: scope("punctuation.section.block.begin") },
    },
    endCaptures: { 1: { name: scope("punctuation.section.block.end") } },
    patterns: [
      {
        match: `^${S}*(\\})${S}*(否则|else)${S}*(\\{)`,
        captures: {
          1: { name: scope("punctuation.section.block.end") },
          2: { name: scope("keyword.control.else") },
          3: { name: scope("punctuation.section.block.begin") },
        },
      },
      { include: "#block-items" },
    ],
  },
  // What a block's body holds: the narrative (no declarations).
  "block-items": {
    patterns: [
      { include: "#comment-line" },
      { include: "#heading" },
      { include: "#list-item" },
      { include: "#each" },
      { include: "#if" },
      { include: "#inline" },
    ],
  },
};

const grammar = {
  name: "jues",
  scopeName: "source.jues",
  comment: "Generated by scripts/grammar.js from the rules there: edit those, then run `npm run grammar`.",
  fileTypes: ["jues"],
  patterns: [
    { include: "#comment-line" },
    { include: "#declaration" },
    { include: "#heading" },
    { include: "#list-item" },
    { include: "#each" },
    { include: "#if" },
    { include: "#inline" },
  ],
  repository,
};

const OUT = path.join(__dirname, "..", "syntaxes", "jues.tmLanguage.json");

/** The grammar's JSON text. */
function text() {
  return JSON.stringify(grammar, null, 2) + "\n";
}

if (require.main === module) {
  fs.writeFileSync(OUT, text());
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

module.exports = { text, OUT };
