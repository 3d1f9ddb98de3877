// Tests of what the extension asks of the jues command line (src/jues.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { previewUrl, buildArgs, previewArgs } = require("../src/jues");

test("the preview address is found in what jues watch says, in English and Chinese", () => {
  const lines = fs
    .readFileSync(path.join(__dirname, "fixtures", "watch-stderr.txt"), "utf8")
    .split("\n");
  const found = lines.map(previewUrl).filter(Boolean);
  assert.deepEqual(found, ["http://127.0.0.1:43565/", "http://127.0.0.1:44037/"]);
  assert.equal(previewUrl("watching . (Ctrl-C stops)"), undefined);
  assert.equal(previewUrl("serving http://[::1]:8000/\n"), "http://[::1]:8000/");
});

test("build and check give short, uncoloured diagnostics for $jues", () => {
  assert.deepEqual(buildArgs("build", "/a/报告.jues"), [
    "build",
    "/a/报告.jues",
    "--format",
    "short",
    "--color",
    "never",
  ]);
  const args = previewArgs("/a/r.jues", "/tmp/p");
  assert.deepEqual(args.slice(0, 4), ["watch", "/a/r.jues", "--serve", "0"]);
  assert.ok(args.includes("--format") && args[args.indexOf("--format") + 1] === "short");
});
