#!/usr/bin/env bash
# Scale: batch-checks 1,000 generated reports, and checks a report 100 times the example's size,
# with hyperfine. Usage: benches/scale.sh     Figures are recorded in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
jues="$PWD/target/release/jues"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1,000 reports: the example under 1,000 department names, so each is its own document.
mkdir -p "$work/reports"
for i in $(seq 1 1000); do
  sed "s/单位     \"株洲市芦淞区人力资源和社会保障局\"/单位     \"第${i}局\"/" examples/lusong-hrss-2019/report.jues \
    > "$work/reports/report-$i.jues"
done

# Large reports: the example's metadata, then 10 or 100 copies of its declarations, tables and
# narrative with their names renamed (`收入_7.合计`), made by the criterion bench's generator.
JUES_WRITE_SCALED_REPORTS="$work" cargo bench --quiet --bench compile -- --list > /dev/null
cp examples/lusong-hrss-2019/report.jues "$work/x1.jues"

for n in 1 10 100; do echo "x$n: $(wc -c < "$work/x$n.jues") bytes"; done
hyperfine -N --warmup 3 --runs 30 --ignore-failure --export-markdown "$work/results.md" \
  --export-json "$work/results.json" \
  --command-name "check 1,000 reports" "$jues check $work/reports --format short" \
  --command-name "check 1,000 reports, JSON" "$jues check $work/reports --format json" \
  --command-name "check the example" "$jues check $work/x1.jues" \
  --command-name "check the 10x report" "$jues check $work/x10.jues" \
  --command-name "check the 100x report" "$jues check $work/x100.jues" || true
cat "$work/results.md"
# Medians: this machine has short stalls that pull the means up.
if command -v python3 > /dev/null; then
  python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("{}: median {:.1f} ms".format(r["command"], r["median"] * 1000))' "$work/results.json"
fi
"$jues" check "$work/reports" | tail -3
