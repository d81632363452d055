#!/bin/sh
# Takes a screenshot of each view of the desktop application with the demo project, under Xvfb.
#   scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]      (defaults: build, BUILD_DIR/screenshots)
# Needs xvfb-run (Debian: xvfb). The application imports the demo inventory and the workshop
# answers into a fresh project and saves a grab of its window (--screenshot, a hidden option);
# then it opens that project once per view (--view NAME, hidden too) and saves a grab of each:
# start.png (the start page, no project open), inventory.png, plan.png, rules.png, scenarios.png, dashboard.png, waves.png, business-case.png at
# 1600x1000, the same in presenter mode at 1280x720 (presenter-VIEW-1280x720.png), and
# presenter-dashboard-1920x1080.png, dashboard-workshop.png (workshop mode, as on a projector). When landfall-cli is built too, the project gets two more
# density scenarios first, so that the comparison has something to compare.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-$build/screenshots}
landfall=$build/app/landfall
cli=$build/app/landfall-cli
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
screen=1600x1000
shoot() {
    xvfb-run -a -s "-screen 0 ${screen}x24" "$landfall" "$@"
}
# The start page: no project open.
shoot --screenshot "$out/start.png"
shoot "$work/demo.landfall" --import "$inventory" --import "$answers" --screenshot "$out/inventory.png"

if [ -x "$cli" ]; then
    cat > "$work/large-nodes.json" <<'JSON'
{"name": "32 vCPU nodes", "node": {"vcpu": 32, "memoryGiB": 128},
 "nodeSizes": [{"vcpu": 32, "memoryGiB": 128}, {"vcpu": 48, "memoryGiB": 192}, {"vcpu": 64, "memoryGiB": 256},
               {"vcpu": 96, "memoryGiB": 384}]}
JSON
    cat > "$work/dense.json" <<'JSON'
{"name": "64 vCPU, no N+1", "node": {"vcpu": 64, "memoryGiB": 256, "headroomPct": 10, "nPlusOne": false},
 "host": {"nPlusOne": false},
 "nodeSizes": [{"vcpu": 32, "memoryGiB": 128}, {"vcpu": 64, "memoryGiB": 256}, {"vcpu": 96, "memoryGiB": 384}]}
JSON
    "$cli" scenario "$work/demo.landfall" --add "$work/large-nodes.json" >/dev/null
    "$cli" scenario "$work/demo.landfall" --add "$work/dense.json" >/dev/null
    # The demo's network dependencies, for the move groups of the Waves view.
    if [ -f "$demo/demo-dependencies.csv" ]; then
        "$cli" dependencies "$work/demo.landfall" --import "$demo/demo-dependencies.csv" >/dev/null
    fi
fi

for view in plan rules scenarios dashboard waves; do
    shoot "$work/demo.landfall" --view "$view" --screenshot "$out/$view.png"
done
shoot "$work/demo.landfall" --view "business case" --screenshot "$out/business-case.png"
# Presenter mode (F5) on a projector's 1280×720: every view again, as a room would see it.
screen=1280x720
for view in inventory plan rules scenarios dashboard waves "business case"; do
    shoot "$work/demo.landfall" --presenter --view "$view" --screenshot "$out/presenter-$(echo "$view" | tr " " -)-1280x720.png"
done
# And the dashboard on a 1080-line projector: the charts' fonts grow with the screen.
screen=1920x1080
shoot "$work/demo.landfall" --presenter --view dashboard --screenshot "$out/presenter-dashboard-1920x1080.png"
# Workshop mode is a saved setting: switch it on for one more picture of the dashboard.
screen=1600x1000
mkdir -p "$XDG_CONFIG_HOME/Landfall"
printf '[mainWindow]\nworkshopMode=true\n' >> "$XDG_CONFIG_HOME/Landfall/Landfall.conf"
shoot "$work/demo.landfall" --view dashboard --screenshot "$out/dashboard-workshop.png"
echo "screenshots in $out"
