// Loads src/extension.js with stand-ins for `vscode` and the language client, activates it and
// checks that it registers what package.json contributes: the commands, and a provider of the
// `jues` tasks whose tasks run jues with the `$jues` problem matcher.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { stub, install } = require("./stub-vscode");
const manifest = require("../package.json");

function load() {
  const commands = new Map();
  const providers = new Map();
  const vscode = stub("vscode");
  vscode.commands.registerCommand = (name, fn) => {
    commands.set(name, fn);
    return { dispose() {} };
  };
  vscode.tasks.registerTaskProvider = (type, provider) => {
    providers.set(type, provider);
    return { dispose() {} };
  };
  vscode.workspace.getConfiguration = () => ({ get: (key, fallback) => fallback });
  vscode.ProcessExecution = class {
    constructor(process, args, options) {
      Object.assign(this, { process, args, options });
    }
  };
  vscode.Task = class {
    constructor(definition, scope, name, source, execution, problemMatchers) {
      Object.assign(this, { definition, scope, name, source, execution, problemMatchers });
    }
  };
  const started = [];
  class LanguageClient {
    constructor(id, name, server, options) {
      Object.assign(this, { id, name, server, options });
    }
    start() {
      started.push(this);
      return Promise.resolve();
    }
    stop() {
      return Promise.resolve();
    }
    isRunning() {
      return true;
    }
    dispose() {}
  }
  const restore = install({ vscode, "vscode-languageclient/node": { LanguageClient } });
  const modulePath = require.resolve("../src/extension.js");
  delete require.cache[modulePath];
  try {
    return { extension: require(modulePath), commands, providers, started };
  } finally {
    restore();
  }
}

test("activation registers every contributed command, the task provider and starts jues lsp", async () => {
  const { extension, commands, providers, started } = load();
  const context = { subscriptions: [] };
  await extension.activate(context);
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual([...commands.keys()].sort(), contributed);
  assert.deepEqual(contributed, ["jues.build", "jues.openPreview", "jues.restartServer"]);
  const types = manifest.contributes.taskDefinitions.map((d) => d.type);
  assert.deepEqual([...providers.keys()], types);
  assert.equal(started.length, 1);
  assert.equal(started[0].server.run.command, "jues");
  assert.deepEqual(started[0].server.run.args, ["lsp"]);
  assert.ok(context.subscriptions.length >= 5);
  await extension.deactivate();
});

test("a jues task from tasks.json runs jues with the $jues problem matcher", async () => {
  const { extension, providers } = load();
  await extension.activate({ subscriptions: [] });
  const task = providers.get("jues").resolveTask({
    definition: { type: "jues", command: "check", file: "/w/r/report.jues", args: ["--strict"] },
    scope: "workspace",
  });
  assert.equal(task.execution.process, "jues");
  assert.deepEqual(task.execution.args, [
    "check",
    "/w/r/report.jues",
    "--format",
    "short",
    "--color",
    "never",
    "--strict",
  ]);
  assert.equal(task.execution.options.cwd, "/w/r");
  assert.deepEqual(task.problemMatchers, ["$jues"]);
  assert.equal(providers.get("jues").resolveTask({ definition: { type: "jues" } }), undefined);
});

test("every command has a title in English and Chinese", () => {
  const en = require("../package.nls.json");
  const zh = require("../package.nls.zh-cn.json");
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const { title } of manifest.contributes.commands) {
    const key = /^%(.+)%$/.exec(title)[1];
    assert.ok(en[key] && zh[key], key);
    assert.match(zh[key], /\p{Script=Han}/u);
  }
  assert.equal(zh["command.restartServer"], "重启语言服务器");
  assert.equal(en["command.restartServer"], "Restart Language Server");
});
