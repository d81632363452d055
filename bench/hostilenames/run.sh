#!/usr/bin/env bash
# Report time against the length of one name (issue 21): the demo project, then the same with a
# scenario name or a VM name of LENGTH characters, each report timed once (wall clock).
#
#   bench/hostilenames/run.sh [BUILD_DIR]      (LENGTHS="0 10000 100000" by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
cli=$build/app/landfall-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
demo=$root/resources/demo
"$cli" import "$work/base.landfall" "$demo/demo-rvtools-vinfo.csv" "$demo/demo-workshop-answers.csv" >/dev/null
"$cli" classify "$work/base.landfall" >/dev/null
"$cli" scenario "$work/base.landfall" --add "$demo/scenarios/aks-16x64.json" >/dev/null
export QT_QPA_PLATFORM=offscreen
for length in ${LENGTHS:-0 10000 100000}; do
    # A scenario of that name (the demo's aks-16x64 renamed), reported on its own.
    cp "$work/base.landfall" "$work/s.landfall"
    python3 - "$demo/scenarios/aks-16x64.json" "$work/long.json" "$length" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["name"] = "s" * int(sys.argv[3]) if int(sys.argv[3]) else "aks-16x64"
json.dump(d, open(sys.argv[2], "w"))
PY
    name=$(python3 -c "import json; print(json.load(open('$work/long.json'))['name'])")
    "$cli" scenario "$work/s.landfall" --add "$work/long.json" >/dev/null
    start=$(date +%s.%N)
    "$cli" report "$work/s.landfall" --out "$work/s.pdf" --scenario "$name" >/dev/null 2>&1
    end=$(date +%s.%N)
    printf 'scenario name %6d characters: %6.2f s\n' "$length" "$(echo "$end - $start" | bc)"
    # A VM of that name.
    cp "$work/base.landfall" "$work/v.landfall"
    [[ $length -gt 0 ]] && python3 -c "import sqlite3; c = sqlite3.connect('$work/v.landfall'); c.execute('UPDATE vms SET name = ? WHERE id = 1', ('w' * $length,)); c.commit()"
    start=$(date +%s.%N)
    "$cli" report "$work/v.landfall" --out "$work/v.pdf" --scenario aks-16x64 >/dev/null 2>&1
    end=$(date +%s.%N)
    printf 'VM name       %6d characters: %6.2f s\n' "$length" "$(echo "$end - $start" | bc)"
done
