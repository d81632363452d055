#!/usr/bin/env bash
# Report benchmark (issues 7 and 17): a 10,000-VM project (generated inventory and workshop
# answers, imported and classified by landfall-cli, two scenarios), then `landfall-cli report`
# timed over RUNS runs (default 3). Each run writes the PDF with its outline and contents links
# (QPDF) and the annex workbook beside it (report-annex.xlsx, every VM, a sheet per path). Prints each run (wall clock, and the CPU time it used: on a
# shared machine the wall clock also counts other programs' turns), the medians (goal: 5 s or
# less of wall clock), the pages and landfall-cli's peak memory.
#
#   bench/report/run.sh [BUILD_DIR]     (default: build-release, configured and built here)
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build-release}
runs=${RUNS:-3}
vms=${VMS:-10000}
work="$here/bench/report/data"
mkdir -p "$work"

if [ ! -x "$build/app/landfall-cli" ]; then
    # ccache when installed; JOBS compile jobs (default 2: the development machine is shared).
    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLANDFALL_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
    cmake --build "$build" --target landfall-cli --parallel "${JOBS:-2}" >/dev/null
fi
cli="$build/app/landfall-cli"
csv="$work/rvtools-vinfo-$vms.csv"
answers="$work/answers-$vms.csv"
[ -f "$csv" ] || python3 "$here/tools/generate_inventory.py" --vms "$vms" --rvtools "$csv" --answers "$answers" --seed 7

project="$work/bench-$vms.landfall"
rm -f "$project"
"$cli" import "$project" "$csv" "$answers" >/dev/null
echo '{"name": "baseline", "node": {"vcpu": 32, "memoryGiB": 128}, "nodeSizes": [{"vcpu": 16, "memoryGiB": 64}, {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]}' >"$work/baseline.json"
echo '{"name": "large-nodes", "node": {"vcpu": 64, "memoryGiB": 256}, "nodeSizes": [{"vcpu": 16, "memoryGiB": 64}, {"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}]}' >"$work/large.json"
"$cli" scenario "$project" --add "$work/baseline.json" >/dev/null
"$cli" scenario "$project" --add "$work/large.json" >/dev/null
"$cli" classify "$project" >/dev/null
echo "project: $vms VMs, scenarios baseline and large-nodes, classified"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
times=() peaks=() cpus=()
for run in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$cli" report "$project" --out "$work/report.pdf" \
        --customer "Benchmark Customer" --consultant "Landfall" >"$work/report.txt"
    read -r seconds peak user system <"$work/time.txt"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    times+=("$seconds") peaks+=("$peak") cpus+=("$cpu")
    [ -s "$work/report-annex.xlsx" ] || { echo "FAIL: no annex workbook beside the PDF"; exit 1; }
    echo "run $run: ${seconds} s wall, ${cpu} s CPU, peak ${peak} KiB: $(tr '\n' ' ' <"$work/report.txt")"
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v qpdf >/dev/null 2>&1; then
    bookmarks=$(qpdf --json --json-key=outlines "$work/report.pdf" | grep -c '"title"' || true)
    echo "outline: $bookmarks bookmarks; annex: $(du -h "$work/report-annex.xlsx" | cut -f1)"
fi
# The annex alone, as `export --xlsx` writes it, for the share of the whole it takes.
/usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$cli" export "$project" --xlsx "$work/annex-alone.xlsx" >/dev/null
read -r seconds user system <"$work/time.txt"
echo "export --xlsx alone: ${seconds} s wall, $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }') s CPU"
median_s=$(printf '%s\n' "${times[@]}" | median)
echo "median CPU time: $(printf '%s\n' "${cpus[@]}" | median) s"
echo "median: ${median_s} s for $vms VMs ($(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(du -h "$work/report.pdf" | cut -f1)); goal: 5 s or less"
awk -v s="$median_s" 'BEGIN { exit !(s <= 5.0) }' && echo "PASS" || { echo "FAIL: over 5 s"; exit 1; }
