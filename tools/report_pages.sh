#!/usr/bin/env bash
# Renders every page of a report PDF to PNG (poppler's pdftoppm), to look at the layout page by
# page: tools/report_pages.sh REPORT.pdf OUT_DIR [DPI] [FIRST LAST]
#   DPI defaults to 60 (enough to judge the layout); FIRST and LAST limit the pages.
# Prints the pages written and the page count.
set -euo pipefail
pdf=${1:?usage: report_pages.sh REPORT.pdf OUT_DIR [DPI] [FIRST LAST]}
out=${2:?usage: report_pages.sh REPORT.pdf OUT_DIR [DPI] [FIRST LAST]}
dpi=${3:-60}
command -v pdftoppm >/dev/null || { echo "pdftoppm (poppler-utils) is needed" >&2; exit 1; }
mkdir -p "$out"
range=()
if [ $# -ge 5 ]; then range=(-f "$4" -l "$5"); fi
pdftoppm -png -r "$dpi" "${range[@]}" "$pdf" "$out/page"
ls "$out"/page-*.png
echo "$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') pages in $pdf"
