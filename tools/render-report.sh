#!/usr/bin/env bash
# Renders the demo customer report to PNG pages for a look: imports the bundled demo
# inventory, adds two scenarios, writes the PDF with landfall-cli report, and rasterises each
# page with pdftoppm (poppler-utils).
#
#   tools/render-report.sh [BUILD_DIR] [OUT_DIR]   (defaults: build, build/report-pages)
#   PAPER=letter DPI=110 FIRST=1 LAST=12 APPENDIX=full tools/render-report.sh ...
# tools/report_pages.sh renders any report PDF (the 10,000-VM one, for instance) the same way.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-$build/report-pages}
cli="$build/app/landfall-cli"
demo="$here/resources/demo"
[ -x "$cli" ] || { echo "no $cli: build landfall-cli first" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install poppler-utils" >&2; exit 2; }

mkdir -p "$out"
project="$out/demo.landfall"
rm -f "$project" "$out"/page-*.png
"$cli" import "$project" "$demo/demo-rvtools-vinfo.csv" "$demo/demo-workshop-answers.csv" >/dev/null
echo '{"name": "baseline", "node": {"vcpu": 32, "memoryGiB": 128}, "nodeSizes": [{"vcpu": 16, "memoryGiB": 64}, {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]}' >"$out/baseline.json"
echo '{"name": "large-nodes", "node": {"vcpu": 64, "memoryGiB": 256}, "nodeSizes": [{"vcpu": 16, "memoryGiB": 64}, {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]}' >"$out/large.json"
"$cli" scenario "$project" --add "$out/baseline.json" >/dev/null
"$cli" scenario "$project" --add "$out/large.json" >/dev/null
"$cli" dependencies "$project" --import "$demo/demo-dependencies.csv" >/dev/null
"$cli" scenario "$project" --recommend baseline --why "${WHY:-It buys the least capacity for the same workloads.}" >/dev/null
"$cli" report "$project" --out "$out/report.pdf" --paper "${PAPER:-a4}" \
    --customer "${CUSTOMER:-Northwind Traders}" --consultant "${CONSULTANT:-Jane Doe, Contoso Consulting}" \
    --appendix "${APPENDIX:-exceptions}"
pdftoppm -png -r "${DPI:-90}" -f "${FIRST:-1}" ${LAST:+-l "$LAST"} "$out/report.pdf" "$out/page"
ls "$out"/page-*.png | head -3
echo "$(ls "$out"/page-*.png | wc -l) pages rendered into $out"
