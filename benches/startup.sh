#!/usr/bin/env bash
# How much of `jues check` of the example is more than starting the process: the check against
# `jues --version`, whole process, timed in alternating rounds with hyperfine so that both see
# the same state of the machine (a shared machine's speed drifts within minutes). Each round
# times each command ROUNDS_RUNS times; the ratio is taken per round, and the medians over the
# rounds are reported. With valgrind, the instructions of each are counted too: they do not
# drift. Usage: benches/startup.sh [rounds] [runs per round]   Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-10}"
runs="${2:-40}"
cargo build --release --quiet
jues="$PWD/target/release/jues"
report=examples/lusong-hrss-2019/report.jues
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for round in $(seq 1 "$rounds"); do
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/version-$round.json" \
    "$jues --version" > /dev/null 2>&1
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/check-$round.json" \
    "$jues check $report" > /dev/null 2>&1
done

python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def median(name, key="median"):
    return [json.load(open(f"{work}/{name}-{r}.json"))["results"][0][key] * 1000
            for r in range(1, rounds + 1)]
version, check = median("version"), median("check")
ratios = [c / v for c, v in zip(check, version)]
for name, times in (("jues --version", version), ("jues check (example)", check)):
    print(f"{name}: median {statistics.median(times):.2f} ms "
          f"(rounds {min(times):.2f}-{max(times):.2f})")
print(f"check / --version: median {statistics.median(ratios):.2f} "
      f"(rounds {min(ratios):.2f}-{max(ratios):.2f})")
# CPU time (user + system), which a busy neighbour disturbs less than wall time.
def cpu(name):
    return [sum(json.load(open(f"{work}/{name}-{r}.json"))["results"][0][k] for k in ("user", "system")) * 1000
            for r in range(1, rounds + 1)]
cpu_ratios = [c / v for c, v in zip(cpu("check"), cpu("version"))]
print(f"check / --version, CPU time: median {statistics.median(cpu_ratios):.2f}")
PY

if command -v valgrind > /dev/null; then
  for args in "--version" "check $report"; do
    # shellcheck disable=SC2086
    count=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind" "$jues" $args 2>&1 \
      > /dev/null | sed -n 's/.*Collected : //p')
    echo "jues $args: $count instructions"
  done
fi
