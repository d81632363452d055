#!/usr/bin/env bash
# Runs Landfall on the bundled demo inventory: the desktop application where a display
# exists; otherwise the batch tool imports the demo into a new project and prints the plan.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
cli="$build/app/landfall-cli"
project="$build/demo.landfall"
demo="$here/resources/demo"

rm -f "$project"
"$cli" import "$project" "$demo/demo-rvtools-vinfo.csv" "$demo/demo-rvtools-vhost.csv" "$demo/demo-workshop-answers.csv"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/app/landfall" ]; then
    exec "$build/app/landfall" "$project"
fi

echo
"$cli" summary "$project"
# The advisor and the density engine, where this build has them.
if "$cli" --help | grep -q '^  classify'; then
    echo
    "$cli" classify "$project" >/dev/null
    "$cli" summary "$project" --json | python3 -c 'import json,sys; print("Migration paths:", json.load(sys.stdin).get("paths"))'
fi
if "$cli" --help | grep -q '^  density'; then
    # Two what-if scenarios on the like-for-like basis of density.md: provisioned sizing (the demo
    # has no utilisation data), one CPU overcommit, target utilisation and spare policy for hosts
    # and nodes, against the customer's hosts of vHost; one with Azure Hybrid Benefit, one with
    # licence-included nodes.
    for scenario in "$demo"/scenarios/*.json; do
        "$cli" scenario "$project" --add "$scenario" >/dev/null
    done
    echo
    "$cli" density "$project" --scenario aks-16x64
    echo
    "$cli" compare "$project" aks-16x64 aks-32x128-licence-included
fi
if "$cli" --help | grep -q '^  waves'; then
    echo
    "$cli" dependencies "$project" --import "$demo/demo-dependencies.csv"
    "$cli" waves "$project" | head -n 1
fi
echo
echo "The demo project is $project; open it with: $build/app/landfall $project"
