#!/usr/bin/env bash
# Makes Landfall's .deb and .tar.gz from a configured and built tree, and checks them as a user
# meets them: the files and Depends of the .deb, the programs run from the unpacked package,
# and the desktop files against the freedesktop validators.
#
# usage: installer/check-package.sh BUILD_DIR [MIMECHECK]
#   MIMECHECK: the landfall_mimecheck program from tests/installer; without it the MIME type is
#   checked with update-mime-database and the magic bytes only.
# Needs (Debian): dpkg-dev desktop-file-utils appstream shared-mime-info sqlite3, and librsvg2-bin
# at build time for the PNG icons; uses libxml2-utils (xmllint) and groff when present.
# CTest runs it as the test "package".
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

build=$(cd "${1:?usage: $0 BUILD_DIR [MIMECHECK]}" && pwd)
mimecheck=${2:-}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
app_id=org.landfall.Landfall
sample=$source_dir/tests/data/samples/rvtools-vinfo-sample.csv

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli update-mime-database sqlite3; do
    command -v "$tool" >/dev/null || fail "$tool not found; apt-get install -y dpkg-dev desktop-file-utils \
appstream shared-mime-info sqlite3"
done

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
version=$(cache_value CMAKE_PROJECT_VERSION)
gui=$(cache_value LANDFALL_BUILD_GUI)
[[ -n $version ]] || fail "$build is not a configured Landfall build"
[[ -x $build/app/landfall-cli ]] || fail "$build/app/landfall-cli is missing: build first"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
root=$scratch/root

step "cpack -G DEB;TGZ"
(cd "$build" && cpack -G "DEB;TGZ" -B "$scratch/out") >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log"; fail "cpack"; }
deb=$(echo "$scratch"/out/*.deb)
tgz=$(echo "$scratch"/out/*.tar.gz)
[[ -f $deb && -f $tgz ]] || { cat "$scratch/cpack.log"; fail "cpack made no .deb or no .tar.gz"; }
echo "$(basename "$deb") $(du -h "$deb" | cut -f1), $(basename "$tgz") $(du -h "$tgz" | cut -f1)"

step "contents (dpkg-deb -c)"
dpkg-deb -c "$deb" | awk '{print $6}' >"$scratch/contents"
expected=(
    ./usr/bin/landfall-cli
    ./usr/share/man/man1/landfall-cli.1.gz
    "./usr/share/applications/$app_id.desktop"
    "./usr/share/metainfo/$app_id.metainfo.xml"
    ./usr/share/mime/packages/landfall.xml
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    ./usr/share/landfall/demo/demo-rvtools-vinfo.csv
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
[[ $gui == ON ]] && expected+=(./usr/bin/landfall)
for path in "${expected[@]}"; do
    grep -qxF "$path" "$scratch/contents" || fail "$path is not in the .deb"
done
# Nothing for developers: landfall_models is static and linked into the programs.
if grep -E '^\./usr/(include|lib)/' "$scratch/contents"; then fail "the .deb holds headers or libraries"; fi
# Listed to a file first: grep -q would close the pipe early, and pipefail fail tar.
tar -tzf "$tgz" >"$scratch/tgz-contents"
grep -q '/bin/landfall-cli$' "$scratch/tgz-contents" || fail "landfall-cli is not in the .tar.gz"
echo "${#expected[@]} expected files present"

step "Depends"
depends=$(dpkg-deb -f "$deb" Depends)
echo "$depends"
needed=(libc6 libstdc++6 libqt6core6 libqt6sql6 libqt6sql6-sqlite libminizip1 libxlsxwriter4 libglpk40)
[[ $gui == ON ]] && needed+=(libqt6widgets6 libqpdf29)
# The package names alone, one a line, without the version constraints.
sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends" >"$scratch/depends"
for package in "${needed[@]}"; do
    grep -qxF "$package" "$scratch/depends" || fail "Depends lacks $package"
done

step "unpack into a scratch root and run the installed landfall-cli"
dpkg-deb -x "$deb" "$root"
cli=$root/usr/bin/landfall-cli
for program in "$cli" "$root/usr/bin/landfall"; do
    [[ -e $program ]] || continue
    if ldd "$program" | grep 'not found'; then fail "$program misses libraries"; fi
done
[[ $("$cli" --version) == "landfall-cli $version" ]] || fail "--version says '$("$cli" --version)', not $version"
"$cli" --version
project=$scratch/work/sample.landfall
mkdir -p "$scratch/work"
"$cli" import "$project" "$sample" || fail "import of the sample"
"$cli" summary "$project" || fail "summary"
vms=$("$cli" summary "$project" --json | grep -oE '"vms": *[0-9]+' | grep -oE '[0-9]+$')
[[ ${vms:-0} -gt 0 ]] || fail "summary --json counts no VMs"

step "desktop entry and AppStream metainfo"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
grep -q '^MimeType=application/x-landfall-project;' "$root/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry does not claim application/x-landfall-project"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "the metainfo has no release $version"

step "MIME type application/x-landfall-project"
if command -v xmllint >/dev/null; then
    xmllint --noout "$root/usr/share/mime/packages/landfall.xml" || fail "xmllint"
fi
# update-mime-database checks the package file against the spec and compiles it.
update-mime-database "$root/usr/share/mime" >"$scratch/umd.log" 2>&1 || { cat "$scratch/umd.log"; fail "update-mime-database"; }
if grep -iE 'warning|error|invalid' "$scratch/umd.log"; then fail "update-mime-database complained"; fi
[[ -f $root/usr/share/mime/application/x-landfall-project.xml ]] || fail "update-mime-database made no type"
# The magic the type relies on: SQLite's header, and application_id 'LNDF' big-endian at offset 68.
printf 'SQLite format 3\0' | cmp -s -n 16 - "$project" || fail "the project does not start with the SQLite header"
[[ $(dd if="$project" bs=1 skip=68 count=4 status=none) == LNDF ]] || fail "no 'LNDF' application_id at offset 68"
if [[ -n $mimecheck ]]; then
    # As the shared-mime-info trigger does on a real install: one database compiled from the
    # system's types and ours, so the magic priorities compete in one place.
    mime=$scratch/share/mime
    mkdir -p "$mime/packages" "$scratch/empty"
    cp /usr/share/mime/packages/*.xml "$root/usr/share/mime/packages/landfall.xml" "$mime/packages/"
    update-mime-database "$mime" 2>/dev/null
    cp "$project" "$scratch/work/no-extension"
    sqlite3 "$scratch/work/plain" 'create table t(x); insert into t values (1);'
    types=$(XDG_DATA_HOME=$scratch/empty XDG_DATA_DIRS=$scratch/share \
        "$mimecheck" "$project" "$scratch/work/no-extension" "$scratch/work/plain" | tr '\n' ' ')
    echo "by glob, by magic, a plain SQLite file: $types"
    [[ $types == "application/x-landfall-project application/x-landfall-project application/vnd.sqlite3 " ]] ||
        fail "QMimeDatabase does not tell a project by glob and magic"
fi

step "man page"
man_page=$scratch/landfall-cli.1
zcat "$root/usr/share/man/man1/landfall-cli.1.gz" >"$man_page"
if command -v groff >/dev/null; then
    warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$man_page" 2>&1)
    [[ -z $warnings ]] || { echo "$warnings"; fail "groff warns about the man page"; }
fi
for command in import summary classify override rules export scenario density compare pricebook cost report; do
    grep -qE "^\.BI \"$command " "$man_page" || fail "the man page misses $command"
done

echo "package check passed: landfall $version"
