#!/usr/bin/env bash
# Import benchmark (issue 3): a 100,000-VM RVTools vInfo CSV with every column, imported by
# landfall-cli into a new project, against sqlite3 importing the same file into a plain table
# (.mode csv, .import), in the same run on the same machine. Prints the median of each over
# RUNS runs (default 3), their ratio (goal: 1.0 or less) and landfall-cli's peak memory.
#
#   bench/import/run.sh [BUILD_DIR]     (default: build-release, configured and built here)
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
csv="$work/rvtools-vinfo-$vms.csv"
[ -f "$csv" ] || python3 "$here/tools/generate_inventory.py" --vms "$vms" --rvtools "$csv" --seed 11
echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1-2), cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $csv ($(du -h "$csv" | cut -f1), $(($(wc -l <"$csv") - 1)) rows, $(head -1 "$csv" | tr ',' '\n' | wc -l) columns)"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

landfall_times=() sqlite_times=() peaks=() landfall_cpus=() sqlite_cpus=()
for run in $(seq "$runs"); do
    rm -f "$work/bench.landfall" "$work/plain.db"
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$build/app/landfall-cli" import "$work/bench.landfall" "$csv" >/dev/null
    read -r seconds peak user sys <"$work/time.txt"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    landfall_times+=("$seconds") peaks+=("$peak") landfall_cpus+=("$cpu")
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" sqlite3 "$work/plain.db" ".mode csv" ".import '$csv' vinfo"
    read -r sqlite_seconds user sys <"$work/time.txt"
    sqlite_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    sqlite_times+=("$sqlite_seconds") sqlite_cpus+=("$sqlite_cpu")
    echo "run $run: landfall-cli import ${seconds} s wall, ${cpu} s CPU (peak ${peak} KiB); sqlite3 .import ${sqlite_seconds} s wall, ${sqlite_cpu} s CPU"
done

landfall=$(printf '%s\n' "${landfall_times[@]}" | median)
sqlite=$(printf '%s\n' "${sqlite_times[@]}" | median)
peak=$(printf '%s\n' "${peaks[@]}" | median)
echo "vms in project: $("$build/app/landfall-cli" summary "$work/bench.landfall" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["vms"])')"
echo "median landfall-cli import: $landfall s"
echo "median sqlite3 .import:     $sqlite s"
echo "ratio (wall):               $(awk -v a="$landfall" -v b="$sqlite" 'BEGIN { printf "%.2f", a / b }') (goal <= 1.0)"
landfall_cpu=$(printf '%s\n' "${landfall_cpus[@]}" | median)
sqlite_cpu=$(printf '%s\n' "${sqlite_cpus[@]}" | median)
echo "median CPU (user + sys):    landfall-cli $landfall_cpu s, sqlite3 $sqlite_cpu s"
echo "ratio (CPU):                $(awk -v a="$landfall_cpu" -v b="$sqlite_cpu" 'BEGIN { printf "%.2f", a / b }') (goal <= 1.0)"
echo "load average:               $(cut -d' ' -f1-3 /proc/loadavg)"
echo "landfall-cli peak memory:   $((peak / 1024)) MiB"
