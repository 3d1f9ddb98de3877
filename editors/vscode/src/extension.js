// The jues extension: starts `jues lsp` for .jues files (diagnostics, hover, definition,
// completion, formatting and quick fixes come from the language server), and adds three
// commands: restart the server, build the current document in a task whose output the `$jues`
// problem matcher reads, and preview it with `jues watch --serve 0`.
//
// Bundled into dist/extension.js by esbuild (`npm run bundle`); `vscode` is provided by VS Code.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { spawn } = require("node:child_process");
const path = require("node:path");
const { createHash } = require("node:crypto");
const { previewUrl, buildArgs, previewArgs } = require("./jues");

/** @type {LanguageClient | undefined} */
let client;
/** Running previews, by document path: `{ child, url }`. */
const previews = new Map();
/** @type {vscode.OutputChannel | undefined} */
let previewOutput;

const TASK_TYPE = "jues";

function juesPath() {
  return vscode.workspace.getConfiguration("jues").get("path", "jues") || "jues";
}

function createClient() {
  const server = { command: juesPath(), args: ["lsp"] };
  return new LanguageClient(
    "jues",
    "jues",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "jues" }],
    }
  );
}

async function startClient() {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    notFound(error);
  }
}

async function restartServer() {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch {
      // A server that failed to start cannot be stopped; a new one is started anyway.
    }
    await old.dispose();
  }
  await startClient();
  if (client && client.isRunning()) {
    vscode.window.setStatusBarMessage(vscode.l10n.t("jues: language server restarted"), 3000);
  }
}

function notFound(error) {
  const message = error && error.message ? error.message : String(error);
  vscode.window
    .showErrorMessage(
      vscode.l10n.t(
        "jues: cannot run `{0}` ({1}). Install jues or set `jues.path`.",
        juesPath(),
        message
      ),
      vscode.l10n.t("Open Settings")
    )
    .then((choice) => {
      if (choice) vscode.commands.executeCommand("workbench.action.openSettings", "jues.path");
    });
}

/** The .jues document the command is about: the one given (explorer menu), else the active one. */
async function targetDocument(uri) {
  let document;
  if (uri instanceof vscode.Uri) {
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    document = vscode.window.activeTextEditor && vscode.window.activeTextEditor.document;
  }
  if (!document || document.languageId !== "jues" || document.uri.scheme !== "file") {
    vscode.window.showWarningMessage(vscode.l10n.t("jues: open a saved .jues file first."));
    return undefined;
  }
  if (document.isDirty) await document.save();
  return document;
}

/** A task running `jues <command> <file>`, its output read by the `$jues` problem matcher. */
function juesTask(definition, scope) {
  const file = definition.file;
  // An absolute path (the build command's) runs in the file's folder, so that `out/` is next
  // to it; a path from tasks.json (`${file}`, `report.jues`) in the workspace folder, as
  // tasks do: VS Code replaces the variables when it runs the task.
  const cwd = path.isAbsolute(file) && !file.includes("${") ? path.dirname(file) : undefined;
  const execution = new vscode.ProcessExecution(
    juesPath(),
    buildArgs(definition.command || "build", file, definition.args || []),
    cwd ? { cwd } : {}
  );
  const task = new vscode.Task(
    definition,
    scope || vscode.TaskScope.Workspace,
    `${definition.command || "build"} ${path.basename(file)}`,
    "jues",
    execution,
    ["$jues"]
  );
  if ((definition.command || "build") === "build") task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
  return task;
}

async function build(uri) {
  const document = await targetDocument(uri);
  if (!document) return;
  const file = document.uri.fsPath;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) {
    // VS Code runs an extension's tasks only in a workspace folder: outside one, run jues in a
    // terminal (its problems are then not collected).
    const terminal = vscode.window.createTerminal({
      name: `jues build ${path.basename(file)}`,
      cwd: path.dirname(file),
      shellPath: juesPath(),
      shellArgs: buildArgs("build", file),
    });
    terminal.show();
    return;
  }
  await vscode.tasks.executeTask(juesTask({ type: TASK_TYPE, command: "build", file }, folder));
}

const taskProvider = {
  provideTasks() {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "jues" || editor.document.uri.scheme !== "file") {
      return [];
    }
    const file = editor.document.uri.fsPath;
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    return ["build", "check"].map((command) =>
      juesTask({ type: TASK_TYPE, command, file }, folder)
    );
  },
  resolveTask(task) {
    const definition = task.definition;
    if (!definition.file) return undefined;
    return juesTask(definition, task.scope);
  },
};

async function openPreview(uri) {
  const document = await targetDocument(uri);
  if (!document) return;
  const file = document.uri.fsPath;
  const running = previews.get(file);
  if (running && running.url) {
    await show(running.url);
    return;
  }
  if (running) return; // starting: it opens the page when the server says where it is
  if (!previewOutput) previewOutput = vscode.window.createOutputChannel("jues preview");
  const output = previewOutput;
  const storage = context.storageUri || context.globalStorageUri;
  // The outputs go to the extension's storage, one folder per document: not next to the file.
  const id = createHash("sha256").update(file).digest("hex").slice(0, 16);
  const out = path.join(storage.fsPath, "preview", id);
  const child = spawn(juesPath(), previewArgs(file, out), { cwd: path.dirname(file) });
  const entry = { child, url: undefined };
  previews.set(file, entry);
  output.appendLine(`$ ${juesPath()} ${previewArgs(file, out).join(" ")}`);
  const onData = (chunk) => {
    const text = chunk.toString();
    output.append(text);
    const url = entry.url ? undefined : previewUrl(text);
    if (url) {
      entry.url = url;
      show(url);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  child.on("error", (error) => {
    previews.delete(file);
    notFound(error);
  });
  child.on("exit", (code, signal) => {
    if (previews.get(file) === entry) previews.delete(file);
    output.appendLine(`[jues watch exited: ${signal || code}]`);
    if (!entry.url && code) {
      output.show(true);
      vscode.window.showErrorMessage(
        vscode.l10n.t("jues: the preview stopped (see the output of jues preview).")
      );
    }
  });
}

/** Opens the preview page beside the editor (Simple Browser), else in the default browser. */
async function show(url) {
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(url));
  try {
    await vscode.commands.executeCommand("simpleBrowser.show", external.toString());
  } catch {
    await vscode.env.openExternal(external);
  }
}

function stopPreviews() {
  for (const { child } of previews.values()) child.kill();
  previews.clear();
}

/** @type {vscode.ExtensionContext} */
let context;

function activate(ctx) {
  context = ctx;
  ctx.subscriptions.push(
    vscode.commands.registerCommand("jues.restartServer", restartServer),
    vscode.commands.registerCommand("jues.build", build),
    vscode.commands.registerCommand("jues.openPreview", openPreview),
    vscode.tasks.registerTaskProvider(TASK_TYPE, taskProvider),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const running = previews.get(document.uri.fsPath);
      if (running) running.child.kill();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("jues.path")) restartServer();
    }),
    { dispose: stopPreviews }
  );
  return startClient();
}

function deactivate() {
  stopPreviews();
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
