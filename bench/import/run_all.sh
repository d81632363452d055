#!/usr/bin/env bash
# Both import benchmarks in one run, on one machine state: the RVTools 4.7 workbook against
# `unzip -p` (run_workbook.sh), then the vInfo CSV against `sqlite3 .import` (run.sh).
#
#   bench/import/run_all.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
echo "== workbook"
"$here/run_workbook.sh" "$@"
echo "== CSV"
"$here/run.sh" "$@"
