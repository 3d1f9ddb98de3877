#!/usr/bin/env bash
# Times the jues command line on the example report with hyperfine (Debian: `hyperfine`).
# Usage: benches/cli.sh            Results are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
jues=target/release/jues
report=examples/lusong-hrss-2019/report.jues
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
hyperfine -N --warmup 3 --min-runs 30 --export-markdown "$out/results.md" \
  --command-name "check" "$jues check $report" \
  --command-name "build html+md" "$jues build $report --to html,md -o $out" \
  --command-name "build pdf" "$jues build $report --to pdf -o $out" \
  --command-name "build all" "$jues build $report -o $out"
cat "$out/results.md"
