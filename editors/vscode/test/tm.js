// Loads the extension's TextMate grammar with vscode-textmate and vscode-oniguruma (the same
// engine VS Code uses) and tokenizes text with it, for the tests.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const oniguruma = require("vscode-oniguruma");
const vsctm = require("vscode-textmate");

const GRAMMAR = path.join(__dirname, "..", "syntaxes", "jues.tmLanguage.json");

let loading;

/** The grammar `source.jues`, loaded once. */
function grammar() {
  if (!loading) {
    const wasm = fs.readFileSync(
      path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm")
    );
    const onigLib = oniguruma.loadWASM(wasm.buffer).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) =>
        scopeName === "source.jues"
          ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, "utf8"), GRAMMAR)
          : null,
    });
    loading = registry.loadGrammar("source.jues");
  }
  return loading;
}

/**
 * Tokenizes `text` line by line, as VS Code does. Returns `lines` (for each line, its tokens:
 * `{ text, start, end, scopes }`) and `stacks` (the rule stack after each line).
 */
async function tokenize(text) {
  const g = await grammar();
  let stack = vsctm.INITIAL;
  const lines = [];
  const stacks = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const result = g.tokenizeLine(line, stack);
    lines.push(
      result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        scopes: t.scopes,
      }))
    );
    stack = result.ruleStack;
    stacks.push(stack);
  }
  return { lines, stacks, text: text.split(/\r\n|\r|\n/) };
}

/**
 * The tokens that cover the `nth` (0-based) occurrence of `needle` in line `line` (0-based) of
 * a tokenized text; throws if the needle is not there.
 */
function tokensOf(tokenized, line, needle, nth = 0) {
  const text = tokenized.text[line];
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not in line ${line}: ${text}`);
  }
  const end = at + needle.length;
  return tokenized.lines[line].filter((t) => t.start < end && t.end > at);
}

/** Whether a scope list has a scope equal to `scope` or starting with `scope + "."`. */
function hasScope(scopes, scope) {
  return scopes.some((s) => s === scope || s.startsWith(scope + "."));
}

/** A readable dump of a line's tokens, for assertion messages. */
function dump(tokenized, line) {
  return tokenized.lines[line]
    .map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(" ")}`)
    .join("\n");
}

module.exports = { grammar, tokenize, tokensOf, hasScope, dump, GRAMMAR };
