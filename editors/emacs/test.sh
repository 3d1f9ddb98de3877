#!/usr/bin/env bash
# Runs the ERT tests of jues-mode and byte-compiles jues-mode.el with every warning an
# error. Works from any directory; exits non-zero if a test fails or the compiler warns.
#
# The tests of `jues-check' and `jues-format-buffer' run jues: set JUES to the binary
# (for example target/debug/jues) or put `jues' on the PATH, else they are skipped.
# Packages installed by Debian's elpa-* packages (elpa-eglot, elpa-lsp-mode) are
# activated, so that the eglot and lsp-mode tests run on Emacs 28 too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
emacs="${EMACS:-emacs}"

"$emacs" --version | head -n 1

activate='(progn
  (require (quote package))
  (dolist (dir (list "/usr/share/emacs/site-lisp/elpa"))
    (when (file-directory-p dir) (add-to-list (quote package-directory-list) dir)))
  (package-activate-all))'

# Byte-compile into a temporary directory, so that no .elc is left next to the source
# (a stale one would be loaded by the tests instead of the source).
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cp "$here/jues-mode.el" "$out/"
"$emacs" --batch -Q --eval "$activate" -L "$out" \
  --eval '(setq byte-compile-error-on-warn t)' \
  -f batch-byte-compile "$out/jues-mode.el"
echo "byte-compile: jues-mode.el compiles without warnings"

cd "$here"
"$emacs" --batch -Q --eval "$activate" -L "$here" -l jues-mode-test.el \
  -f ert-run-tests-batch-and-exit
