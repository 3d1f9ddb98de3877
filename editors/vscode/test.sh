#!/usr/bin/env bash
# Tests and packages the VS Code extension, from anywhere: installs the locked dependencies if
# they are missing, runs the node tests, bundles the client with esbuild, packages the .vsix
# into a temporary folder and checks what it holds. Exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

npm test
npm run bundle

# The bundle loads outside VS Code (with a stand-in for the vscode module) and exports the
# extension's entry points.
node -e '
const { stub, install } = require("./test/stub-vscode");
install({ vscode: stub("vscode") });
const extension = require("./dist/extension.js");
for (const name of ["activate", "deactivate"]) {
  if (typeof extension[name] !== "function") throw new Error("dist/extension.js has no " + name);
}
'

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
vsix="$out/jues.vsix"
# No repository URL is stated (the project has none to give), so vsce is told not to ask.
npx vsce package --no-dependencies --allow-missing-repository --out "$vsix" </dev/null

# The .vsix is a zip: list it with unzip, or with Python where unzip is missing.
if command -v unzip >/dev/null; then
  contents="$(unzip -Z1 "$vsix")"
else
  contents="$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$vsix")"
fi

fail=0
for required in extension/package.json extension/dist/extension.js \
  extension/syntaxes/jues.tmLanguage.json extension/language-configuration.json \
  extension/package.nls.json extension/package.nls.zh-cn.json; do
  if ! grep -qxF "$required" <<<"$contents"; then
    echo "test.sh: $required is missing from the .vsix" >&2
    fail=1
  fi
done
# vsce stores LICENSE as LICENSE.txt.
if ! grep -qxE 'extension/LICENSE(\.txt)?' <<<"$contents"; then
  echo "test.sh: the LICENSE is missing from the .vsix" >&2
  fail=1
fi
if grep -q 'node_modules' <<<"$contents"; then
  echo "test.sh: the .vsix holds node_modules:" >&2
  grep 'node_modules' <<<"$contents" >&2
  fail=1
fi
if grep -qE '^extension/(test|scripts|src)/' <<<"$contents"; then
  echo "test.sh: the .vsix holds tests or sources:" >&2
  grep -E '^extension/(test|scripts|src)/' <<<"$contents" >&2
  fail=1
fi
[ "$fail" -eq 0 ] || exit 1

size="$(wc -c <"$vsix")"
echo "test.sh: ok, $(grep -c . <<<"$contents") entries, $size bytes"
