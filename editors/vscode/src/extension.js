// Starts `jues lsp` for .jues files: diagnostics, hover, definition, completion, formatting
// and quick fixes come from the language server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("jues").get("path", "jues");
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "jues",
    "jues",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "jues" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
