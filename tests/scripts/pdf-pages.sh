#!/usr/bin/env bash
# Builds the example report's PDF and writes a PNG of every page with poppler's pdftoppm, so a
# person can look at the pages. Usage: tests/scripts/pdf-pages.sh [OUT_DIR] (default: out/)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-out}"
mkdir -p "$out"
cargo build --release --quiet
target/release/jues build examples/lusong-hrss-2019/report.jues --to pdf -o "$out"
pdftoppm -png -r 80 "$out/report.pdf" "$out/report-page"
ls "$out"/report-page-*.png
