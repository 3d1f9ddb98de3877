// Tests of the `$jues` problem matcher (package.json, contributes.problemMatchers) against the
// real output of `jues check --format short`, captured in test/fixtures (see its README).
// VS Code compiles a matcher's `regexp` with JavaScript's RegExp, as done here.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const manifest = require("../package.json");
const ROOT = path.resolve(__dirname, "..", "..", "..");
const fixture = (name) =>
  fs
    .readFileSync(path.join(__dirname, "fixtures", name), "utf8")
    .split("\n")
    .filter((line) => line !== "");

const matcher = manifest.contributes.problemMatchers.find((m) => m.name === "jues");

test("the $jues matcher is contributed with a one-line pattern", () => {
  assert.ok(matcher, "no problem matcher named jues");
  assert.equal(matcher.owner, "jues");
  assert.deepEqual(matcher.fileLocation, ["autoDetect", "${cwd}"]);
  assert.equal(typeof matcher.pattern.regexp, "string");
});

test("every line of `jues check --format short` is matched, field by field", () => {
  const regexp = new RegExp(matcher.pattern.regexp);
  const lines = fixture("check-short.txt");
  assert.ok(lines.length > 100, "the fixture is too small");
  const severities = new Set();
  for (const line of lines) {
    const m = regexp.exec(line);
    assert.ok(m, `not matched: ${line}`);
    const p = matcher.pattern;
    const file = m[p.file];
    assert.ok(fs.existsSync(path.join(ROOT, file)), `no such file ${file} in: ${line}`);
    assert.match(m[p.line], /^[1-9][0-9]*$/);
    assert.match(m[p.column], /^[1-9][0-9]*$/);
    assert.match(m[p.code], /^J[0-9]{4}$/);
    assert.ok(m[p.message].length > 0, line);
    assert.ok(line.endsWith(m[p.message]), line);
    severities.add(m[p.severity]);
  }
  assert.deepEqual([...severities].sort(), ["error", "note", "warning"]);
});

test("a message that holds colons and brackets is kept whole", () => {
  const regexp = new RegExp(matcher.pattern.regexp);
  const p = matcher.pattern;
  const m = regexp.exec("C:\\work\\报告 2019.jues:12:3: warning[J0201]: stated `a: 1` [x] differs: 2");
  assert.ok(m);
  assert.equal(m[p.file], "C:\\work\\报告 2019.jues");
  assert.equal(m[p.line], "12");
  assert.equal(m[p.column], "3");
  assert.equal(m[p.severity], "warning");
  assert.equal(m[p.message], "stated `a: 1` [x] differs: 2");
});

test("the human format is not matched", () => {
  const regexp = new RegExp(matcher.pattern.regexp);
  const lines = fixture("check-human.txt");
  assert.ok(lines.length > 20);
  for (const line of lines) {
    assert.equal(regexp.exec(line), null, `matched: ${line}`);
  }
});
