#!/usr/bin/env bash
# Sets up a Debian 12 machine for Landfall, builds it, then either runs it on the bundled demo
# inventory ("demo") or runs the whole test suite ("test"). Run as root (or with sudo) from
# the repository. It installs only the Debian packages that are missing.
set -euo pipefail

mode=${1:-demo}
here=$(cd "$(dirname "$0")/.." && pwd)
build=${LANDFALL_BUILD_DIR:-$here/build}

packages=(
    # toolchain
    cmake ninja-build g++ pkg-config
    # Qt 6 as Debian 12 ships it, with the SQLite driver, Charts (which needs Qt's OpenGL module) and SVG
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-svg-dev libgl-dev libegl-dev
    libxkbcommon-dev
    # the zip inside .xlsx, and .xlsx writing
    libminizip-dev libxlsxwriter-dev
    # the PDF report's bookmarks and links (QPDF), and qpdf to check them
    libqpdf-dev qpdf
    # the LP / integer solver of the density packer's arc-flow model
    libglpk-dev
    # tests and benchmarks: sqlite3 for the import benchmark, python3-yaml to parse generated
    # manifests, Xvfb for screenshots, poppler-utils for the PDF report
    sqlite3 python3 python3-yaml xvfb xauth poppler-utils
    # packaging checks
    dpkg-dev file desktop-file-utils appstream shared-mime-info librsvg2-bin libxml2-utils groff-base
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# A developer's ccache, where one is installed, makes rebuilds of a fresh clone cheap; CI has none.
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${LANDFALL_BUILD_TYPE:-RelWithDebInfo} "${launcher[@]}"
cmake --build "$build" --parallel "$(nproc)"

case "$mode" in
demo)
    exec "$here/tools/run-demo.sh" "$build"
    ;;
test)
    # The Kubernetes schema validator for the generated manifests (npm's kubernetes-models, run
    # by nodejs), installed from the committed lock file into the build tree, not the repository.
    if ! command -v npm >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends nodejs npm
    fi
    validator="$build/k8s-validate"
    mkdir -p "$validator"
    cp "$here/tests/tools/k8s-validate/package.json" "$here/tests/tools/k8s-validate/package-lock.json" "$validator/"
    if ! cmp -s "$validator/package-lock.json" "$validator/node_modules/.landfall-installed-lock" 2>/dev/null; then
        (cd "$validator" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$validator/package-lock.json" "$validator/node_modules/.landfall-installed-lock"
    fi
    cd "$build"
    exec ctest --output-on-failure --parallel "$(nproc)" --timeout 600
    ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
