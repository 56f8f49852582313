#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz with clang and runs each for a
# bounded time on a copy of its seed corpus. Fails when a target crashes,
# leaks, times out or breaks an invariant; the input that did it is kept.
#
# Environment:
#   BERTH_FUZZ_SECONDS    time per target (default 60)
#   BERTH_FUZZ_BUILD_DIR  build directory (default <source>/build-fuzz)
#   BERTH_FUZZ_CC/_CXX    compilers (default clang-16 / clang++-16: clang 14
#                         cannot use libstdc++ 12's std::expected)
#   BERTH_FUZZ_PARALLEL   targets run at once (default 2, one per core)
#   BERTH_FUZZ_TARGETS    which targets (default: all of them)
#   BERTH_FUZZ_CORPUS_DIR where the corpus grows from run to run (one
#                         folder per target); default: a temporary copy
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BERTH_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${BERTH_FUZZ_SECONDS:-60}
cc=${BERTH_FUZZ_CC:-clang-16}
cxx=${BERTH_FUZZ_CXX:-clang++-16}
parallel=${BERTH_FUZZ_PARALLEL:-2}
targets=${BERTH_FUZZ_TARGETS:-"fuzz_config_parser fuzz_archive_path fuzz_helper_validation fuzz_oci_manifest fuzz_monitor_protocol fuzz_registry_answers"}

case "$seconds$parallel" in
    *[!0-9]*) echo "test-fuzz: BERTH_FUZZ_SECONDS and BERTH_FUZZ_PARALLEL must be whole numbers" >&2; exit 2 ;;
esac
[ "$parallel" -ge 1 ] || parallel=1
for tool in "$cc" "$cxx" cmake ninja; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "test-fuzz: '$tool' not found; run scripts/install-deps.sh" >&2
        exit 1
    }
done

# The build directory keeps its compiler. ccache (picked up by the top-level
# CMakeLists) makes the rebuild of a fresh clone cheap, if paths inside the
# clone are hashed relative to it and its location does not count.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-20G}"
# Not -Werror: clang warns where GCC, which gates warnings, does not.
mkdir -p "$build"
cmake -G Ninja -S "$root" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DBERTH_BUILD_FUZZ=ON -DBERTH_BUILD_BENCH=OFF -DBERTH_WERROR=OFF >"$build/fuzz-configure.log" 2>&1 || {
    cat "$build/fuzz-configure.log" >&2
    exit 1
}
# shellcheck disable=SC2086 # the target list is meant to split into words
ninja -C "$build" -j2 $targets

# Reports name functions and lines only with a symbolizer the sanitizer
# runtime finds; clang 16's does not look for the versioned name.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
    ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer-16 || command -v llvm-symbolizer || true)
    export ASAN_SYMBOLIZER_PATH
fi

artifacts="$build/fuzz-artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
rm -rf "$artifacts"
mkdir -p "$artifacts"

# libFuzzer adds what it finds to the first corpus directory only, so the
# checked-in seeds come second and stay as they are.
run_target() {
    name=$1
    grown=${BERTH_FUZZ_CORPUS_DIR:-$work/corpus}/$name
    mkdir -p "$grown" "$artifacts/$name"
    rc=0
    UBSAN_OPTIONS=print_stacktrace=1 "$build/tests/fuzz/$name" \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$name/" "$grown" "$root/tests/fuzz/corpus/$name" \
        >"$work/$name.log" 2>&1 || rc=$?
    echo "$rc" >"$work/$name.rc"
}

running=0
for name in $targets; do
    run_target "$name" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then
        wait
        running=0
    fi
done
wait

failed=0
echo "test-fuzz: ${seconds}s per target"
for name in $targets; do
    rc=$(cat "$work/$name.rc")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
    cov=$(grep -o 'cov: [0-9]*' "$work/$name.log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        printf '  %-24s ok      %s runs, %s\n' "$name" "${runs:-?}" "${cov:-cov: ?}"
    else
        failed=1
        printf '  %-24s FAILED  exit %s; input kept in %s\n' "$name" "$rc" "$artifacts/$name/"
        cp "$work/$name.log" "$artifacts/$name/log.txt"
        grep -E 'ERROR|invariant|SUMMARY|detail:' "$work/$name.log" | head -n 10 | sed 's/^/      /'
    fi
done
exit "$failed"
