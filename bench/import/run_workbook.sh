#!/usr/bin/env bash
# Workbook import benchmark (issue 13): a 100,000-VM RVTools 4.7-style workbook (vInfo with Guest
# Detailed Data, vPartition, vDisk, vNetwork, vHost, vCluster, vMetaData; the x: prefix, empty
# shared-string cells), imported by landfall-cli into a new project, against `unzip -p` of the
# same workbook's sheet and shared-string parts, alternately in the same run. Prints the median
# of each over RUNS runs (default 3), their ratio (goal: 3.0 or less) and landfall-cli's peak
# memory (goal: 400 MiB or less), measured with /usr/bin/time -v.
#
#   bench/import/run_workbook.sh [BUILD_DIR]     (default: build-release, configured and built here)
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build-release}
runs=${RUNS:-3}
vms=${VMS:-100000}
work="$here/bench/import/data"
mkdir -p "$work"

if [ ! -x "$build/app/landfall-cli" ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLANDFALL_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" --target landfall-cli >/dev/null
fi
workbook="$work/rvtools47-$vms.xlsx"
[ -f "$workbook" ] || python3 "$here/bench/import/generate_workbook.py" --vms "$vms" --out "$workbook" --seed 11
parts=$(unzip -Z1 "$workbook" | grep -E '^xl/(worksheets/.*\.xml|sharedStrings\.xml)$' | tr '\n' ' ')
echo "input: $workbook ($(du -h "$workbook" | cut -f1) zipped, $(unzip -l "$workbook" | tail -1 | awk '{print int($1 / 1048576)}') MiB unpacked)"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
seconds_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
peak_of() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
# CPU time (user + system): on a shared machine it says more than the wall clock does.
cpu_of() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }

landfall_times=() unzip_times=() peaks=() landfall_cpus=() unzip_cpus=()
for run in $(seq "$runs"); do
    rm -f "$work/bench-wb.landfall"
    /usr/bin/time -v -o "$work/time.txt" "$build/app/landfall-cli" import "$work/bench-wb.landfall" "$workbook" >/dev/null
    seconds=$(seconds_of "$work/time.txt") peak=$(peak_of "$work/time.txt") cpu=$(cpu_of "$work/time.txt")
    landfall_times+=("$seconds") peaks+=("$peak") landfall_cpus+=("$cpu")
    # shellcheck disable=SC2086 # the part names are split on purpose
    /usr/bin/time -v -o "$work/time.txt" sh -c "unzip -p '$workbook' $parts >/dev/null"
    unzip_seconds=$(seconds_of "$work/time.txt") unzip_cpu=$(cpu_of "$work/time.txt")
    unzip_times+=("$unzip_seconds") unzip_cpus+=("$unzip_cpu")
    echo "run $run: landfall-cli import ${seconds} s wall, ${cpu} s CPU (peak $((peak / 1024)) MiB); unzip -p ${unzip_seconds} s wall, ${unzip_cpu} s CPU"
done

landfall=$(printf '%s\n' "${landfall_times[@]}" | median)
unzipped=$(printf '%s\n' "${unzip_times[@]}" | median)
peak=$(printf '%s\n' "${peaks[@]}" | median)
echo "summary: $("$build/app/landfall-cli" summary "$work/bench-wb.landfall" --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["vms"], "VMs,", s["hosts"]["count"], "hosts,", round(s["guestUsedGiB"]), "GiB used in the guests")')"
echo "median landfall-cli import: $landfall s"
echo "median unzip -p:            $unzipped s"
echo "ratio (wall):               $(awk -v a="$landfall" -v b="$unzipped" 'BEGIN { printf "%.2f", a / b }') (goal <= 3.0)"
landfall_cpu=$(printf '%s\n' "${landfall_cpus[@]}" | median)
unzip_cpu=$(printf '%s\n' "${unzip_cpus[@]}" | median)
echo "median CPU (user + sys):    landfall-cli $landfall_cpu s, unzip -p $unzip_cpu s"
echo "ratio (CPU):                $(awk -v a="$landfall_cpu" -v b="$unzip_cpu" 'BEGIN { printf "%.2f", a / b }') (goal <= 3.0)"
echo "landfall-cli peak memory:   $((peak / 1024)) MiB (goal <= 400)"
echo "load average:               $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
