// Tests of the TextMate grammar (syntaxes/jues.tmLanguage.json), tokenized with vscode-textmate
// and vscode-oniguruma as VS Code does. Each `bug:` test failed with the grammar before it was
// rewritten; the others pin the scopes of the rest of the language (grammar/jues.pest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { tokenize, tokensOf, hasScope, dump } = require("./tm");

/** Asserts that every token covering `needle` in `line` has `scope` (or a sub-scope). */
function expectScope(t, line, needle, scope, nth = 0) {
  const tokens = tokensOf(t, line, needle, nth);
  assert.ok(tokens.length > 0, `no token for ${needle}`);
  for (const token of tokens) {
    assert.ok(
      hasScope(token.scopes, scope),
      `"${needle}" in line ${line} should be ${scope}:\n${dump(t, line)}`
    );
  }
}

/** Asserts that no token covering `needle` in `line` has `scope`. */
function expectNoScope(t, line, needle, scope, nth = 0) {
  for (const token of tokensOf(t, line, needle, nth)) {
    assert.ok(
      !hasScope(token.scopes, scope),
      `"${needle}" in line ${line} should not be ${scope}:\n${dump(t, line)}`
    );
  }
}

/** Asserts that no token of the line has `scope`. */
function expectLineWithout(t, line, scope) {
  for (const token of t.lines[line]) {
    assert.ok(
      !hasScope(token.scopes, scope),
      `line ${line} should have no ${scope}:\n${dump(t, line)}`
    );
  }
}

/** Asserts that every token of the line is plain text: no scope but `source.jues`. */
function expectPlain(t, line) {
  for (const token of t.lines[line]) {
    assert.deepEqual(token.scopes, ["source.jues"], `line ${line} should be plain:\n${dump(t, line)}`);
  }
}

/** Asserts that the rule stack after `line` is the initial one (nothing left open). */
function expectClosed(t, line) {
  const stack = t.stacks[line];
  assert.equal(stack.depth, 1, `something is still open after line ${line}:\n${dump(t, line)}`);
}

// ------------------------------------------------------------------ known bugs

test("bug: declaration bodies are not interpolations", async () => {
  const t = await tokenize(
    [
      '报告 "株洲市2019年度部门决算" { 单位 "某某局" }',
      '表 支出 "支出决算表" { 列 年初预算: 金额, 决算数: 金额 }',
      "上年 2018 { 收支总计 = 1084.35  财政拨款收入 = 914.09 }",
      "组 三公 { 公务接待费 = 0.07 }",
      'report "2019" {',
      '  单位     "某某局"',
      "  年度     2019",
      "  金额单位 万元",
      "}",
      "组 收入 {",
      "  财政拨款 = 836.78",
      "}",
    ].join("\n")
  );
  for (let line = 0; line < t.lines.length; line++) {
    expectLineWithout(t, line, "meta.interpolation");
  }
  expectScope(t, 0, "报告", "keyword.control.declaration");
  expectScope(t, 0, "{", "punctuation.section.block.begin");
  expectScope(t, 0, "}", "punctuation.section.block.end");
  expectScope(t, 0, "单位", "variable.other.property");
  expectScope(t, 0, '"某某局"', "string.quoted.double");
  expectScope(t, 1, "支出", "entity.name.type.table");
  expectScope(t, 1, "列", "keyword.other");
  expectScope(t, 1, "年初预算", "variable.other.property.column");
  expectScope(t, 1, "金额", "entity.name.type");
  expectScope(t, 2, "2018", "constant.numeric");
  expectScope(t, 2, "收支总计", "entity.name.variable.figure");
  expectScope(t, 2, "1084.35", "constant.numeric");
  expectScope(t, 3, "三公", "entity.name.namespace.group");
  expectScope(t, 3, "公务接待费", "entity.name.variable.figure");
  expectScope(t, 5, "单位", "variable.other.property.setting");
  expectScope(t, 6, "2019", "constant.numeric");
  expectScope(t, 7, "金额单位", "variable.other.property.setting");
  expectScope(t, 7, "万元", "variable.other");
  expectScope(t, 8, "}", "punctuation.section.block.end");
  expectScope(t, 10, "财政拨款", "entity.name.variable.figure");
  expectClosed(t, 8);
  expectClosed(t, 11);
});

test("bug: figure lines are scoped", async () => {
  const t = await tokenize(
    [
      '收入.合计 = 收入.财政拨款 + 收入.其他 = 1149.45 "本年收入合计"',
      "「因公出国(境)费」 = 0 // not published",
      "收入.事业 = 未公开",
      "年初预算 = ?",
      "占比 = share(收入.财政拨款, 收入.合计) * 100%",
    ].join("\n")
  );
  expectScope(t, 0, "收入", "entity.name.variable.figure");
  expectScope(t, 0, "合计", "entity.name.variable.figure");
  expectNoScope(t, 0, "合计", "keyword");
  expectScope(t, 0, ".", "punctuation.accessor");
  expectScope(t, 0, "=", "keyword.operator.assignment");
  expectScope(t, 0, "财政拨款", "variable.other");
  expectScope(t, 0, "+", "keyword.operator.arithmetic");
  expectScope(t, 0, "其他", "variable.other");
  expectScope(t, 0, "=", "keyword.operator", 1);
  expectScope(t, 0, "1149.45", "constant.numeric");
  expectScope(t, 0, '"本年收入合计"', "string.quoted.double");
  expectScope(t, 1, "「因公出国(境)费」", "entity.name.variable.figure");
  expectScope(t, 1, "// not published", "comment.line.double-slash");
  expectScope(t, 2, "未公开", "constant.language.unpublished");
  expectScope(t, 3, "?", "constant.language.unknown");
  expectScope(t, 4, "share", "support.function");
  expectScope(t, 4, "*", "keyword.operator.arithmetic");
  expectScope(t, 4, "100%", "constant.numeric");
  for (let line = 0; line < t.lines.length; line++) {
    expectLineWithout(t, line, "meta.interpolation");
    expectClosed(t, line);
  }
});

test("bug: 合计, 总计 and 小计 inside longer names are not keywords", async () => {
  const t = await tokenize(
    [
      "检查 收入合计 == 支出总计 \"收支平衡\"",
      "检查 合计(支出.决算数) == 小计数",
      "组 g {",
      "  收入合计 = 1",
      "  支出总计 = 收入合计",
      "}",
      "表 三公经费 {",
      "  列 预算数: 金额, 决算数: 金额",
      '  "公务接待费" 1.20 0.45',
      "  小计 1.20 0.45",
      "  合计 13.20 10.15",
      "}",
      "收入合计是 {收入合计} 万元，支出总计 {支出总计}。",
    ].join("\n")
  );
  expectScope(t, 0, "收入合计", "variable.other");
  expectNoScope(t, 0, "收入合计", "keyword");
  expectScope(t, 0, "支出总计", "variable.other");
  expectNoScope(t, 0, "支出总计", "keyword");
  expectScope(t, 0, "==", "keyword.operator.comparison");
  expectScope(t, 1, "合计", "support.function");
  expectScope(t, 1, "小计数", "variable.other");
  expectNoScope(t, 1, "小计数", "keyword");
  expectScope(t, 3, "收入合计", "entity.name.variable.figure");
  expectNoScope(t, 4, "收入合计", "keyword");
  expectScope(t, 9, "小计", "keyword.other.total");
  expectScope(t, 10, "合计", "keyword.other.total");
  expectScope(t, 12, "收入合计", "variable.other", 1);
  expectNoScope(t, 12, "收入合计", "keyword", 1);
  expectNoScope(t, 12, "收入合计", "meta.interpolation", 0);
  expectNoScope(t, 12, "支出总计", "keyword", 1);
});

test("bug: nested @如果 inside @每行, with 否则, and the closing braces", async () => {
  const t = await tokenize(
    [
      "@每行 财政拨款支出 其中 年初预算 > 0 {",
      "@如果 年初预算 > 0 {",
      "{序号}、{全称}。完成年初预算的 {完成率}。",
      "} 否则 {",
      "{序号}、{全称}。决算数大于年初预算数。",
      "}",
      "}",
      "其后是正文。",
    ].join("\n")
  );
  expectScope(t, 0, "@", "punctuation.definition.block");
  expectScope(t, 0, "每行", "keyword.control.block");
  expectScope(t, 0, "财政拨款支出", "variable.other");
  expectScope(t, 0, "其中", "keyword.other");
  expectScope(t, 0, ">", "keyword.operator.comparison");
  expectScope(t, 0, "0", "constant.numeric");
  expectScope(t, 0, "{", "punctuation.section.block.begin");
  expectLineWithout(t, 0, "meta.interpolation");
  expectScope(t, 1, "如果", "keyword.control.block");
  expectScope(t, 1, "如果", "meta.block.each");
  expectScope(t, 1, "{", "punctuation.section.block.begin");
  expectLineWithout(t, 1, "meta.interpolation");
  expectScope(t, 2, "序号", "meta.interpolation");
  expectScope(t, 2, "序号", "meta.block.if");
  expectScope(t, 2, "序号", "meta.block.each");
  expectNoScope(t, 2, "。完成年初预算的", "meta.interpolation");
  expectScope(t, 3, "}", "punctuation.section.block.end");
  expectScope(t, 3, "否则", "keyword.control.else");
  expectScope(t, 3, "{", "punctuation.section.block.begin");
  expectScope(t, 3, "否则", "meta.block.if");
  expectScope(t, 4, "全称", "meta.interpolation");
  expectScope(t, 4, "全称", "meta.block.if");
  expectScope(t, 5, "}", "punctuation.section.block.end");
  expectScope(t, 5, "}", "meta.block.if");
  expectScope(t, 6, "}", "punctuation.section.block.end");
  expectScope(t, 6, "}", "meta.block.each");
  expectNoScope(t, 6, "}", "meta.block.if");
  expectClosed(t, 6);
  expectPlain(t, 7);
});

test("bug: a table over many lines keeps its scopes until its closing brace", async () => {
  const t = await tokenize(
    [
      '表 财政拨款支出 "一般公共预算财政拨款支出决算表" 来自 "公开表.xlsx" {',
      "  列 年初预算: 金额, 决算数: 金额, 说明: 文本",
      "  // 功能分类",
      '  201      "一般公共服务支出"  0       1,234.56',
      '  2010301  "行政运行"          0       281.85  "说明 {不是插值}"',
      '  其中 "公务用车购置费"       待填    -',
      "  金额单位 万元",
      "  合计                        658.97  1075.27!",
      "}",
      "正文 {合计} 万元。",
    ].join("\n")
  );
  for (let line = 1; line <= 8; line++) {
    const tokens = t.lines[line].filter((tok) => tok.text.trim() !== "");
    for (const token of tokens) {
      assert.ok(hasScope(token.scopes, "meta.declaration.table"), `line ${line}:\n${dump(t, line)}`);
    }
    expectLineWithout(t, line, "meta.interpolation");
  }
  expectScope(t, 0, "来自", "keyword.other");
  expectScope(t, 0, '"公开表.xlsx"', "string.quoted.double");
  expectScope(t, 2, "// 功能分类", "comment.line.double-slash");
  expectScope(t, 3, "201", "constant.other.code");
  expectScope(t, 3, '"一般公共服务支出"', "string.quoted.double");
  expectScope(t, 3, "1,234.56", "constant.numeric");
  expectScope(t, 4, "2010301", "constant.other.code");
  expectScope(t, 4, "281.85", "constant.numeric");
  expectScope(t, 4, "{不是插值}", "string.quoted.double");
  expectScope(t, 5, "其中", "keyword.other.part");
  expectScope(t, 5, "待填", "constant.language.placeholder");
  expectScope(t, 5, "-", "constant.language.empty");
  expectScope(t, 6, "金额单位", "variable.other.property.setting");
  expectScope(t, 7, "合计", "keyword.other.total");
  expectScope(t, 7, "1075.27!", "constant.numeric");
  expectScope(t, 7, "!", "keyword.operator.exact");
  expectScope(t, 8, "}", "punctuation.section.block.end");
  expectClosed(t, 8);
  expectScope(t, 9, "合计", "meta.interpolation");
  expectNoScope(t, 9, "正文", "meta.declaration");
});

test("bug: numbers take any unit word, full-width digits and thousands separators", async () => {
  const t = await tokenize(
    [
      "组 城居保 {",
      "  实际 = 34272人",
      "  人次 = 1.5万人次",
      "  征缴 = 2亿",
      "  比例 = 72.80%",
      "}",
      "参保 {城居保.实际 = 34,272人}，完成 {比例 = ７２．８０％}，服务 {人次 = 1.5万人次}。",
    ].join("\n")
  );
  expectScope(t, 1, "34272人", "constant.numeric");
  expectScope(t, 1, "人", "keyword.other.unit");
  expectScope(t, 2, "1.5万人次", "constant.numeric");
  expectScope(t, 2, "万人次", "keyword.other.unit");
  expectScope(t, 3, "2亿", "constant.numeric");
  expectScope(t, 4, "72.80%", "constant.numeric");
  expectScope(t, 6, "34,272人", "constant.numeric");
  expectScope(t, 6, "７２．８０％", "constant.numeric");
  expectScope(t, 6, "1.5万人次", "constant.numeric");
});

// ------------------------------------------------------------------ the rest of the language

test("prose stays plain text", async () => {
  const t = await tokenize(
    [
      "本年收入合计 1149.45万元，其中：财政拨款收入 836.78 万元，占 72.80%。",
      '网址 https://example.org/a，"引号" 与 = 号、表 与 报告 都是正文。',
      "上年度 2018 年（表 1）。",
    ].join("\n")
  );
  expectPlain(t, 0);
  expectPlain(t, 1);
  expectPlain(t, 2);
});

test("headings, strong, emphasis and escapes", async () => {
  const t = await tokenize(
    [
      "# 第一部分 概况",
      "### 三、{报告.单位} 收支",
      "这是 **重点 {收入.合计} 万元** 和 *强调* 的文字，\\*不是强调\\*，\\{不是插值\\}。",
      "单独的 * 号是正文。",
      "二 ** 号也是。",
    ].join("\n")
  );
  expectScope(t, 0, "#", "punctuation.definition.heading");
  expectScope(t, 0, "第一部分 概况", "markup.heading");
  expectScope(t, 1, "###", "markup.heading");
  expectScope(t, 1, "单位", "meta.interpolation");
  expectScope(t, 1, "单位", "markup.heading");
  expectScope(t, 2, "重点", "markup.bold");
  expectScope(t, 2, "合计", "meta.interpolation");
  expectScope(t, 2, "合计", "markup.bold");
  expectScope(t, 2, "强调", "markup.italic");
  expectNoScope(t, 2, "的文字", "markup.italic");
  expectScope(t, 2, "\\*", "constant.character.escape");
  expectScope(t, 2, "\\{", "constant.character.escape");
  expectNoScope(t, 2, "不是插值", "meta.interpolation");
  for (const line of [3, 4]) {
    expectLineWithout(t, line, "markup.bold");
    expectLineWithout(t, line, "markup.italic");
  }
});

test("comments at the start of a line and after code; not in prose", async () => {
  const t = await tokenize(
    [
      "// a comment",
      "  // an indented comment",
      '检查 收入.合计 >= 支出.合计 "不超支" // after code',
      "导入 \"../2018/report.jues\" 为 上年 // the year before",
      "正文里的 // 不是注释。",
    ].join("\n")
  );
  expectScope(t, 0, "// a comment", "comment.line.double-slash");
  expectScope(t, 1, "// an indented comment", "comment.line.double-slash");
  expectScope(t, 2, "检查", "keyword.control.declaration");
  expectScope(t, 2, ">=", "keyword.operator.comparison");
  expectScope(t, 2, "// after code", "comment.line.double-slash");
  expectScope(t, 3, "导入", "keyword.control.declaration");
  expectScope(t, 3, "为", "keyword.other");
  expectScope(t, 3, "上年", "entity.name.namespace");
  expectScope(t, 3, "// the year before", "comment.line.double-slash");
  expectPlain(t, 4);
});

test("strings with escapes and quoted names", async () => {
  const t = await tokenize(
    [
      '检查 「因公出国(境)费」 == 0 "说 \\"零\\" 元"',
      '组 g { 「公务用车购置及运行费」 = 0 "a \\\\ b" }',
    ].join("\n")
  );
  expectScope(t, 0, "「因公出国(境)费」", "variable.other.quoted");
  expectScope(t, 0, '"说 \\"零\\" 元"', "string.quoted.double");
  expectScope(t, 0, '\\"', "constant.character.escape");
  expectScope(t, 1, "「公务用车购置及运行费」", "entity.name.variable.figure");
  expectScope(t, 1, "\\\\", "constant.character.escape");
  expectClosed(t, 0);
  expectClosed(t, 1);
});

test("interpolations: stated values, claims, formats, calls and selectors", async () => {
  const t = await tokenize(
    "增长 {growth(收入.合计, 上年.收支总计) = 6.00%}，{change(a, b) = 持平}，{支出[2010301].决算数 按 元 .2}，{表[\"行政运行\"].决算数}，{待填}。"
  );
  expectScope(t, 0, "growth", "support.function");
  expectScope(t, 0, ",", "punctuation.separator");
  expectScope(t, 0, "6.00%", "constant.numeric");
  expectScope(t, 0, "持平", "constant.language.claim");
  expectScope(t, 0, "2010301", "constant.other.code");
  expectScope(t, 0, "按", "keyword.other.format");
  expectScope(t, 0, "元", "constant.other.format");
  expectScope(t, 0, ".2", "constant.other.format");
  expectScope(t, 0, '"行政运行"', "string.quoted.double");
  expectScope(t, 0, "待填", "constant.language.placeholder");
  expectNoScope(t, 0, "增长", "meta.interpolation");
  expectClosed(t, 0);
});

test("list items", async () => {
  const t = await tokenize(["- 第一项 {a}", "12. 第十二项"].join("\n"));
  expectScope(t, 0, "-", "punctuation.definition.list.begin");
  expectScope(t, 1, "12.", "punctuation.definition.list.begin");
  expectNoScope(t, 1, "第十二项", "punctuation");
});

test("English keywords", async () => {
  const t = await tokenize(
    [
      'report "r" {',
      "  年度 2019",
      "}",
      "prior 2018 { total = 1 }",
      "group income {",
      "  group grants { a = 1 }",
      "  b = todo",
      "  c = unpublished",
      "}",
      'table t "T" from "t.csv" {',
      "  columns budget: amount, actual: amount",
      "  part \"sub\" 1 2",
      "  total 1 2",
      "}",
      "check income.b == 1",
      "@each t where budget > 0 {",
      "@if budget > 0 {",
      "x",
      "} else {",
      "y",
      "}",
      "}",
    ].join("\n")
  );
  for (const [line, word] of [
    [0, "report"],
    [3, "prior"],
    [4, "group"],
    [9, "table"],
    [14, "check"],
  ]) {
    expectScope(t, line, word, "keyword.control.declaration");
  }
  expectScope(t, 5, "group", "keyword.control.declaration");
  expectScope(t, 5, "grants", "entity.name.namespace.group");
  expectScope(t, 6, "todo", "constant.language.placeholder");
  expectScope(t, 7, "unpublished", "constant.language.unpublished");
  expectScope(t, 9, "from", "keyword.other");
  expectScope(t, 10, "columns", "keyword.other");
  expectScope(t, 11, "part", "keyword.other.part");
  expectScope(t, 12, "total", "keyword.other.total");
  expectScope(t, 15, "each", "keyword.control.block");
  expectScope(t, 15, "where", "keyword.other");
  expectScope(t, 16, "if", "keyword.control.block");
  expectScope(t, 18, "else", "keyword.control.else");
  expectClosed(t, 21);
});

test("syntaxes/jues.tmLanguage.json is what scripts/grammar.js writes", () => {
  const fs = require("node:fs");
  const { text, OUT } = require("../scripts/grammar");
  assert.equal(fs.readFileSync(OUT, "utf8"), text(), "run `npm run grammar`");
});

test("columns: types, titles and formulas", async () => {
  const t = await tokenize(
    [
      "表 支出 {",
      '  列 年初预算: 金额, 决算数 "决算数（万元）"：金额, 完成率 = completion(决算数, 年初预算), 说明: 文本',
      "}",
    ].join("\n")
  );
  expectScope(t, 1, "年初预算", "variable.other.property.column");
  expectScope(t, 1, "决算数", "variable.other.property.column");
  expectScope(t, 1, '"决算数（万元）"', "string.quoted.double");
  expectScope(t, 1, "完成率", "variable.other.property.column");
  expectScope(t, 1, "completion", "support.function");
  expectScope(t, 1, "决算数", "variable.other", 2);
  expectNoScope(t, 1, "决算数", "variable.other.property", 2);
  expectNoScope(t, 1, "年初预算", "variable.other.property", 1);
  expectScope(t, 1, "说明", "variable.other.property.column");
  expectScope(t, 1, "文本", "entity.name.type");
  expectClosed(t, 2);
});
