// Tokenizes every .jues file of the repository (examples/, stdlib/, tests/cases/) with the
// TextMate grammar and checks that the grammar closes what it opens.
//
// The check. vscode-textmate keeps, between lines, a stack of the begin/end rules that are
// open; a file whose declarations and blocks are all closed must end with only the root
// (`source.jues`) on it. Three things are asserted for every valid file:
//
// 1. after the last line the stack is the root alone (depth 1): no declaration, body, block,
//    string or interpolation was left open, which would colour the rest of the file wrongly;
// 2. before every line that starts a top-level declaration (`报告 `, `表 `, `上年 `, `检查 `,
//    `导入 ` or the English words; `组` is left out, as groups nest) the stack is the root:
//    the previous item was closed where the pest grammar closes it, not later;
// 3. every line that is a closing brace (`}`, or `} 否则 {`) has its `}` scoped as the end of
//    a body or block: the grammar did not close the construct early (a `}` left as prose
//    would mean the body ended before it).
//
// A file is valid unless its first line expects a syntax error (`// expect: error J00…`, the
// reading and parsing codes) or it is not UTF-8: those may legitimately leave things open.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { tokenize, hasScope, dump } = require("./tm");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIRS = ["examples", "stdlib", path.join("tests", "cases")];

function juesFiles(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".jues")) found.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found.sort();
}

/** The file's text if it is a valid document, `null` if it is a case of a syntax error. */
function validText(file) {
  const bytes = fs.readFileSync(file);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  text = text.replace(/^\uFEFF/, "");
  const first = text.split(/\r\n|\r|\n/, 1)[0];
  if (/^\/\/ expect:.*\bJ00\d\d\b/.test(first)) return null;
  return text;
}

const TOP_LEVEL = /^[ \t\u3000]*(报告|表|上年|检查|导入|report|table|prior|check|import)[ \t\u3000](?![ \t\u3000]*=)/;
const CLOSING = /^[ \t\u3000]*\}[ \t\u3000]*((否则|else)[ \t\u3000]*\{[ \t\u3000]*)?$/;

const files = DIRS.flatMap((d) => juesFiles(path.join(ROOT, d)));

test("the repository has .jues files to tokenize", () => {
  assert.ok(files.length > 50, `found only ${files.length} files under ${ROOT}`);
});

let checked = 0;
for (const file of files) {
  const name = path.relative(ROOT, file);
  const text = validText(file);
  if (text === null) continue;
  checked++;
  test(`closes what it opens: ${name}`, async () => {
    const t = await tokenize(text);
    const last = t.lines.length - 1;
    assert.equal(
      t.stacks[last].depth,
      1,
      `${name}: still open at the end of the file; last line:\n${dump(t, last)}`
    );
    for (let line = 0; line < t.lines.length; line++) {
      const source = t.text[line];
      if (TOP_LEVEL.test(source) && line > 0) {
        assert.equal(
          t.stacks[line - 1].depth,
          1,
          `${name}:${line + 1}: a declaration starts while something is open:\n${dump(t, line - 1)}`
        );
      }
      if (CLOSING.test(source)) {
        const brace = t.lines[line].find((tok) => tok.text === "}");
        assert.ok(
          brace && hasScope(brace.scopes, "punctuation.section.block.end"),
          `${name}:${line + 1}: this } closes nothing:\n${dump(t, line)}`
        );
      }
    }
  });
}

test("most files are valid documents", () => {
  assert.ok(checked > files.length / 2, `only ${checked} of ${files.length} are checked`);
});

test("the check sees what is left open: an unclosed table, an unclosed block", async () => {
  const table = await tokenize('表 支出 "支出决算表" {\n  列 决算数: 金额\n  2010301 "行政运行" 281.85\n');
  assert.ok(table.stacks[table.stacks.length - 1].depth > 1);
  const block = await tokenize("@如果 1 > 0 {\n正文\n} 否则 {\n正文\n");
  assert.ok(block.stacks[block.stacks.length - 1].depth > 1);
  const unclosed = fs.readFileSync(path.join(ROOT, "tests", "cases", "syntax", "unclosed_block.jues"), "utf8");
  const t = await tokenize(unclosed);
  assert.ok(t.stacks[t.stacks.length - 1].depth > 1, "tests/cases/syntax/unclosed_block.jues");
});
