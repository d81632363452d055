#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS.
#
#   fuzz/run-fuzzers.sh SECONDS [TARGET...]     (default: every target, one after the other)
#   FUZZ_PARALLEL=1 fuzz/run-fuzzers.sh 600      (all targets at once, one process each)
#
# Each target starts from its committed seed corpus (fuzz/corpus/TARGET) and grows a working
# corpus in build-fuzz/corpus/TARGET, so the committed seeds stay small. A crash leaves its
# input in build-fuzz/artifacts/TARGET/; turn it into a regression test by copying it into
# tests/data/fuzz-regressions/ (see tests/models/io/tst_fuzzregressions.cpp).
# Environment: BUILD_DIR (default build-fuzz), JOBS (build parallelism, default 2);
# FUZZ_KEEP_GOING=1 runs libFuzzer's fork mode, which records a crash and carries on instead of
# stopping at the first one (for long unattended runs).
set -euo pipefail

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 SECONDS [TARGET...]" >&2
    exit 2
fi
seconds=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
all_targets=(fuzz_csvreader fuzz_inventory fuzz_xlsxreader fuzz_xlsxsheet fuzz_ruleset fuzz_scenario fuzz_projectfile)
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DLANDFALL_BUILD_FUZZERS=ON -DLANDFALL_BUILD_GUI=OFF -DLANDFALL_BUILD_TESTS=OFF \
    -DLANDFALL_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]}"

# Leaks are checked too: a parser that leaks per file leaks per row on a big import.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
    local target=$1
    local corpus=$build/corpus/$target artifacts=$build/artifacts/$target/
    mkdir -p "$corpus" "$artifacts"
    local extra=()
    [[ -f $root/fuzz/dict/$target.dict ]] && extra+=(-dict="$root/fuzz/dict/$target.dict")
    [[ ${FUZZ_KEEP_GOING:-0} == 1 ]] && extra+=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
    echo "== $target: ${seconds}s"
    # -rss_limit_mb and -timeout turn memory blow-ups and hangs into findings, as crashes are.
    local status=0
    "$build/fuzz/$target" "$corpus" "$root/fuzz/corpus/$target" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -max_len=65536 -artifact_prefix="$artifacts" -print_final_stats=1 \
        "${extra[@]}" >"$build/$target.log" 2>&1 || status=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^(==[0-9]+==ERROR|SUMMARY)' "$build/$target.log" || true
    echo "== $target: exit $status (log: $build/$target.log)"
    return $status
}

failed=0
if [[ ${FUZZ_PARALLEL:-0} == 1 ]]; then
    pids=()
    for target in "${targets[@]}"; do
        run_one "$target" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || failed=1
    done
else
    for target in "${targets[@]}"; do
        run_one "$target" || failed=1
    done
fi
exit $failed
