// Tests of language-configuration.json: its regular expressions, as VS Code compiles them
// (JavaScript RegExp, no flags).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const config = require("../language-configuration.json");

const words = (text) => text.match(new RegExp(config.wordPattern, "g"));

test("a word is a name, a quoted name or a number with its unit", () => {
  assert.deepEqual(words("收入.合计 = 1149.45万元，占 72.80%。"), [
    "收入",
    "合计",
    "1149.45万元",
    "占",
    "72.80%",
  ]);
  assert.deepEqual(words("{「因公出国(境)费」 + 三公.决算}"), ["「因公出国(境)费」", "三公", "决算"]);
});

test("declaration bodies indent; closing braces and blocks fold", () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('报告 "2019年度部门决算" {'));
  assert.ok(increase.test("  组 用车 {"));
  assert.ok(!increase.test("@如果 年初预算 > 0 {"));
  assert.ok(!increase.test("收入 {收入.合计} 万元"));
  assert.ok(decrease.test("  }"));
  const start = new RegExp(config.folding.markers.start);
  const end = new RegExp(config.folding.markers.end);
  assert.ok(start.test("@每行 支出 {") && start.test("表 支出 {"));
  assert.ok(!start.test("收入 {收入.合计} 万元"));
  assert.ok(end.test("}"));
});
