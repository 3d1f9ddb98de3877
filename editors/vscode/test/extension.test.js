// Loads src/extension.js with stand-ins for `vscode` and the language client, activates it and
// checks that it registers what package.json contributes: the commands, and a provider of the
// `jues` tasks whose tasks run jues with the `$jues` problem matcher.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { stub, install } = require("./stub-vscode");
const manifest = require("../package.json");

function load(modules = {}) {
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
  const restore = install({ vscode, "vscode-languageclient/node": { LanguageClient }, ...modules });
  const modulePath = require.resolve("../src/extension.js");
  delete require.cache[modulePath];
  try {
    return { extension: require(modulePath), commands, providers, started, vscode };
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
  const fromTasksJson = providers.get("jues").resolveTask({
    definition: { type: "jues", file: "${file}" },
    scope: "workspace",
  });
  assert.deepEqual(fromTasksJson.execution.args.slice(0, 2), ["build", "${file}"]);
  assert.equal(fromTasksJson.execution.options.cwd, undefined);
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

test("the preview runs jues watch --serve 0 and opens the address it says", async () => {
  const { EventEmitter } = require("node:events");
  const spawned = [];
  const fakeSpawn = (command, args, options) => {
    const child = new EventEmitter();
    child.stdout = new EventEmitter();
    child.stderr = new EventEmitter();
    child.kill = () => child.emit("exit", null, "SIGTERM");
    spawned.push({ command, args, options, child });
    return child;
  };
  const childProcess = { ...require("node:child_process"), spawn: fakeSpawn };
  const { extension, commands, vscode } = load({ "node:child_process": childProcess });
  const opened = [];
  vscode.commands.executeCommand = async (name, ...args) => opened.push([name, ...args]);
  vscode.env.asExternalUri = async (uri) => uri;
  vscode.Uri.parse = (text) => ({ toString: () => text });
  vscode.window.createOutputChannel = () => ({ append() {}, appendLine() {}, show() {} });
  vscode.window.activeTextEditor = {
    document: { languageId: "jues", isDirty: false, uri: { scheme: "file", fsPath: "/w/r/report.jues" } },
  };
  await extension.activate({ subscriptions: [], storageUri: { fsPath: "/tmp/storage" } });
  await commands.get("jues.openPreview")();
  assert.equal(spawned.length, 1);
  const { command, args, options, child } = spawned[0];
  assert.equal(command, "jues");
  assert.deepEqual(args.slice(0, 4), ["watch", "/w/r/report.jues", "--serve", "0"]);
  assert.ok(args[args.indexOf("-o") + 1].startsWith("/tmp/storage/preview/"));
  assert.equal(options.cwd, "/w/r");
  child.stderr.emit("data", Buffer.from("已写出 /tmp/x/report.html\n正在提供网页：http://127.0.0.1:45823/\n"));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(opened, [["simpleBrowser.show", "http://127.0.0.1:45823/"]]);
  // A second time, the running preview is shown again, not started again.
  await commands.get("jues.openPreview")();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(spawned.length, 1);
  assert.equal(opened.length, 2);
  await extension.deactivate();
});
