#!/bin/sh
# Takes a screenshot of each view of the desktop application with the demo project, under Xvfb.
#   scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]      (defaults: build, BUILD_DIR/screenshots)
# Needs xvfb-run (Debian: xvfb). The application imports the demo inventory and the workshop
# answers into a fresh project, then saves a grab of its window (--screenshot, a hidden option).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-$build/screenshots}
landfall=$build/app/landfall
demo=$here/resources/demo
[ -x "$landfall" ] || { echo "no $landfall: build the target 'landfall' first" >&2; exit 2; }
inventory=$demo/demo-rvtools-vinfo.csv
answers=$demo/demo-workshop-answers.csv
if [ ! -f "$inventory" ]; then
    inventory=$here/tests/data/samples/rvtools-vinfo-sample.csv
    answers=$here/tests/data/samples/workshop-answers-sample.csv
fi
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A settings folder of its own, so the run neither reads nor changes the user's Landfall settings.
export XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"
xvfb-run -a -s '-screen 0 1600x1000x24' \
    "$landfall" "$work/demo.landfall" --import "$inventory" --import "$answers" \
    --screenshot "$out/inventory.png"
echo "screenshots in $out"
