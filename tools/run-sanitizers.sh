#!/usr/bin/env bash
# Builds Landfall with AddressSanitizer + UndefinedBehaviorSanitizer (the `asan` CMake preset)
# and runs the whole test suite under them. Too slow for CI's time limit, so run by hand before
# a release and after any change to the importers or the store:
#
#   tools/run-sanitizers.sh [CTEST ARGS...]      e.g. tools/run-sanitizers.sh -R tst_csvreader
#
# Environment: JOBS (build and test parallelism, default 2); BUILD_DIR (default build-asan, the
# preset's); SKIP_RELIABILITY=1 leaves out the kill -9 and concurrency tests (minutes under ASan);
# COMPILER=clang builds with clang instead of g++ (its runtime is Debian's libclang-rt-14-dev), at
# -O1 (as AddressSanitizer's documentation advises) with line tables only.
# A leak or undefined behaviour fails the test that hit it. Qt's own leaks at exit are
# suppressed in tests/sanitizers/lsan.supp, one commented entry each. tests/sanitizers/README.md
# records each whole run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-asan}
jobs=${JOBS:-2}
cd "$root"

compiler=()
if [[ ${COMPILER:-gcc} == clang ]]; then
    compiler=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only")
fi
cmake --preset asan -B "$build" -DLANDFALL_BUILD_BENCHMARKS=OFF "${compiler[@]}" >/dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/sanitizers/ubsan.supp"
# Qt's offscreen platform and QtTest; a test that hangs under ASan's slower pace still ends.
export QT_QPA_PLATFORM=offscreen
# Every wait in the tests is six times as long: a sanitizer build runs several times slower.
export LANDFALL_TEST_TIMEOUT_SCALE=${LANDFALL_TEST_TIMEOUT_SCALE:-6}
# QtTest ends a test function after 300 s; the brute-force checks take longer under ASan.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-1800000}

extra=()
[[ ${SKIP_RELIABILITY:-0} == 1 ]] && extra+=(-LE reliability)
ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 1200 "${extra[@]}" "$@"
