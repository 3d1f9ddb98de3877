#!/usr/bin/env bash
# Tests of tree-sitter-jues; run from anywhere. It never modifies the tree.
#
# 1. The committed parser (src/parser.c, src/grammar.json, src/node-types.json,
#    src/tree_sitter/*.h) is what `tree-sitter generate --abi 14` makes of grammar.js.
# 2. The corpus tests (test/corpus) and highlight assertions (test/highlight) pass.
# 3. Every valid .jues file of the repository parses without an ERROR or MISSING node, with its
#    own line ends and with CRLF line ends. Valid files are those under examples/, stdlib/ and
#    docs/, and the case files under tests/cases/ whose snapshot reports no syntax error (no
#    `J000x` code: J0001 to J0009): tests/cases/<dir>/<name>.jues has the snapshot
#    tests/snapshots/case@<dir>__<name>.jues.snap.
# 4. queries/highlights.scm (and the other queries) compile against the grammar and run over
#    those files.
#
# Needs tree-sitter 0.25.10 on the PATH (the version that generated src/parser.c):
#   cargo install tree-sitter-cli --version 0.25.10 --locked
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
expected_version="0.25.10"

if ! command -v tree-sitter > /dev/null 2>&1; then
  cat >&2 << EOF
test.sh: tree-sitter is not on the PATH. Install the CLI version $expected_version with
  cargo install tree-sitter-cli --version $expected_version --locked
(it installs ~/.cargo/bin/tree-sitter; put ~/.cargo/bin on the PATH). The npm package
tree-sitter-cli works too where it can download its binary.
EOF
  exit 127
fi
version="$(tree-sitter --version | awk '{print $2}')"
if [[ "$version" != "$expected_version" ]]; then
  echo "test.sh: tree-sitter $version found, $expected_version expected (it generated src/parser.c):" >&2
  echo "  cargo install tree-sitter-cli --version $expected_version --locked" >&2
  exit 1
fi

export RUST_BACKTRACE=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# An empty parser directory: tree-sitter uses the grammar of the current directory, and does
# not warn that none is configured.
mkdir -p "$work/parsers"
printf '{"parser-directories": ["%s"]}\n' "$work/parsers" > "$work/config.json"
ts() { tree-sitter "$@" --config-path "$work/config.json"; }

cd "$here"

# ---------------------------------------------------------------- 1. generated parser

mkdir -p "$work/generate/src"
cp grammar.js package.json tree-sitter.json "$work/generate/"
cp src/scanner.c src/unicode_xid.h "$work/generate/src/"
(cd "$work/generate" && tree-sitter generate --abi 14 > "$work/generate.log" 2>&1) || {
  cat "$work/generate.log" >&2
  echo "test.sh: tree-sitter generate failed" >&2
  exit 1
}
stale=0
for f in parser.c grammar.json node-types.json tree_sitter/parser.h tree_sitter/alloc.h tree_sitter/array.h; do
  if ! cmp -s "$work/generate/src/$f" "src/$f"; then
    echo "test.sh: src/$f is not what grammar.js generates: run \`tree-sitter generate --abi 14\` and commit src/" >&2
    stale=1
  fi
done
[[ $stale == 0 ]] || exit 1
echo "generated parser: up to date (ABI 14, $(wc -c < src/parser.c) bytes)"

# ---------------------------------------------------------------- 2. corpus and highlight tests

if ! ts test > "$work/test.log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$work/test.log" | grep -v '✓' >&2
  echo "test.sh: tree-sitter test failed" >&2
  exit 1
fi
plain="$(sed 's/\x1b\[[0-9;]*m//g' "$work/test.log")"
corpus="$(grep -cE '^ *[0-9]+\. ✓' <<< "$plain" || true)"
assertions="$(sed -n 's/.*(\([0-9]*\) assertions).*/\1/p' <<< "$plain" | awk '{n += $1} END {print n + 0}')"
echo "tree-sitter test: $corpus corpus tests and $assertions highlight assertions passed"

# ---------------------------------------------------------------- 3. the repository's files

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
  cd "$repo" && find -L examples stdlib docs -name '*.jues' -print0 2> /dev/null | sort -z
)
while IFS= read -r -d '' f; do
  rel="${f#tests/cases/}"
  dir="${rel%%/*}"
  name="${rel#*/}"
  snapshot="tests/snapshots/case@${dir}__${name%.jues}.jues.snap"
  if [[ -f "$repo/$snapshot" ]] && grep -q 'J000[0-9]' "$repo/$snapshot"; then
    continue # a syntax error, on purpose
  fi
  files+=("$f")
done < <(cd "$repo" && find tests/cases -name '*.jues' -print0 | sort -z)

: > "$work/paths.txt"
: > "$work/crlf-paths.txt"
for f in "${files[@]}"; do
  printf '%s\n' "$repo/$f" >> "$work/paths.txt"
  # The same text with CRLF line ends (lone CRs and CRLFs are kept as they are).
  copy="$work/crlf/$f"
  mkdir -p "$(dirname "$copy")"
  perl -pe 's/(?<!\r)\n/\r\n/g' "$repo/$f" > "$copy"
  printf '%s\n' "$copy" >> "$work/crlf-paths.txt"
done

failed=()
for list in paths.txt crlf-paths.txt; do
  # `parse -q` prints one line for each file whose tree has an ERROR or MISSING node.
  ts parse -q --paths "$work/$list" > "$work/parse.log" 2>&1 || true
  while IFS= read -r line; do
    file="${line%%[[:space:]]*}"
    file="${file#"$work/crlf/"}"
    file="${file#"$repo/"}"
    [[ $list == crlf-paths.txt ]] && file="$file (with CRLF line ends)"
    failed+=("$file: ${line##*	}")
  done < <(grep -E 'ERROR|MISSING' "$work/parse.log" || true)
  if grep -qvE 'ERROR|MISSING|^$' "$work/parse.log"; then
    cat "$work/parse.log" >&2
    echo "test.sh: tree-sitter parse failed" >&2
    exit 1
  fi
done

# ---------------------------------------------------------------- 4. highlights

for query in queries/*.scm; do
  if ! ts query -q "$query" --paths "$work/paths.txt" > "$work/query.log" 2>&1; then
    cat "$work/query.log" >&2
    echo "test.sh: $query does not compile against the grammar" >&2
    exit 1
  fi
done
echo "queries ($(cd queries && echo *.scm)): compile, run over every file"

# ---------------------------------------------------------------- result

total="${#files[@]}"
if ((${#failed[@]} > 0)); then
  echo "files whose tree has an ERROR or MISSING node:" >&2
  printf '  %s\n' "${failed[@]}" >&2
fi
bad="$(printf '%s\n' "${failed[@]+"${failed[@]}"}" | sed 's/ (with CRLF line ends)//; s/: .*//' | sort -u | grep -c . || true)"
echo "parsed ${total} valid .jues files, each also with CRLF line ends"
echo "$((total - bad)) passed, ${bad} failed"
((bad == 0))
