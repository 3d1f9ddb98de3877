#!/usr/bin/env bash
# Builds the example report and takes screenshots of its HTML (the first screen, and the
# audit view of the published report) with headless Chromium, so a person can look at them.
# Usage: tests/scripts/screenshot.sh [OUT_DIR]   (default: out/)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cargo build --release --quiet
target/release/jues build examples/lusong-hrss-2019/report.jues --to html -o "$out"
target/release/jues build examples/lusong-hrss-2019/as-published.jues --annotate --to html -o "$out" || true
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for page in report as-published; do
  "${JUES_CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1100,1500 \
    --screenshot="$out/$page.png" "file://$out/$page.html" 2>/dev/null
  [ -s "$out/$page.png" ] || { echo "error: no screenshot of $page" >&2; exit 1; }
  echo "wrote $out/$page.png"
done
