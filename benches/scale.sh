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

# A large report: the example's narrative repeated 100 times after its declarations.
cut=$(grep -n '^# 第三部分' examples/lusong-hrss-2019/report.jues | cut -d: -f1)
head -n $((cut - 1)) examples/lusong-hrss-2019/report.jues > "$work/large.jues"
for i in $(seq 1 100); do tail -n +"$cut" examples/lusong-hrss-2019/report.jues >> "$work/large.jues"; done
cp examples/lusong-hrss-2019/report.jues "$work/small.jues"

echo "small: $(wc -c < "$work/small.jues") bytes; large: $(wc -c < "$work/large.jues") bytes"
hyperfine --warmup 1 --runs 5 --ignore-failure --export-markdown "$work/results.md" \
  --command-name "check 1,000 reports" "$jues check $work/reports --format short" \
  --command-name "check 1,000 reports, JSON" "$jues check $work/reports --format json" \
  --command-name "check the example" "$jues check $work/small.jues" \
  --command-name "check the 100x report" "$jues check $work/large.jues" || true
cat "$work/results.md"
"$jues" check "$work/reports" | tail -3
