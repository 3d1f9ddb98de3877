#!/usr/bin/env bash
# Captures what `jues check --format short` prints, the fixtures of the compilation tests in
# ../jues-mode-test.el:
#
#   check-short-en.txt, check-short-zh.txt  sample.jues (an error, warnings and a note),
#                                           in English and in Chinese
#   check-short-color.txt                   sample.jues with `--color always`, as jues prints
#                                           it on a terminal (M-x compile runs it on one)
#   unit-typo-en.txt, unit-typo-zh.txt      tests/cases/eval/unit_typo.jues of the repository,
#                                           run from the repository's root
#
# Usage: JUES=/path/to/jues editors/emacs/test/make-fixtures.sh   (JUES defaults to `jues`)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
jues="${JUES:-jues}"

# `jues check` exits 1 when it reports an error, as it does for both documents.
capture() { # OUT DIR COLOR ARGS...
  local out="$1" dir="$2" color="$3" status=0
  shift 3
  (cd "$dir" && "$jues" check --format short --color "$color" "$@") >"$out" || status=$?
  if [ "$status" -ne 1 ]; then
    echo "make-fixtures.sh: jues check $* exited with $status, expected 1" >&2
    exit 1
  fi
}
for lang in en zh; do
  capture "$here/check-short-$lang.txt" "$here" never sample.jues --lang "$lang"
  capture "$here/unit-typo-$lang.txt" "$root" never tests/cases/eval/unit_typo.jues --lang "$lang"
done
capture "$here/check-short-color.txt" "$here" always sample.jues --lang en
