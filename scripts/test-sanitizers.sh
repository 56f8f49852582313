#!/bin/sh
# The second half of .ci/run: a build with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan/ (or $BERTH_ASAN_BUILD_DIR) that
# runs the unit and integration tests. Needs root, as test.sh does.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

build_dir=${BERTH_ASAN_BUILD_DIR:-$BERTH_SOURCE_DIR/build-asan}

# LeakSanitizer stops the world with ptrace; under a debugger, strace or a
# sandbox that forbids ptrace it dies instead of testing. Ask a leaking
# probe program whether it works here before relying on it.
leak_checks_work() {
    probe_dir=$(mktemp -d)
    printf '#include <stdlib.h>\nvoid *p;\nint main(void) { p = malloc(7); p = 0; return 0; }\n' \
        >"$probe_dir/leak.c"
    result=1
    if cc -fsanitize=address -g -o "$probe_dir/leak" "$probe_dir/leak.c" 2>/dev/null; then
        ASAN_OPTIONS=detect_leaks=1 "$probe_dir/leak" 2>"$probe_dir/err" || true
        if grep -q "ERROR: LeakSanitizer: detected memory leaks" "$probe_dir/err"; then
            result=0
        fi
    fi
    rm -rf "$probe_dir"
    return "$result"
}

berth_require_root
berth_install_deps
berth_configure "$build_dir" -DCMAKE_BUILD_TYPE=Debug \
    -DBERTH_SANITIZE=ON -DBERTH_WERROR=ON -DBERTH_BUILD_BENCH=OFF \
    -DBERTH_TEST_LABELS="unit;integration"
berth_build "$build_dir"

if leak_checks_work; then
    ASAN_OPTIONS=detect_leaks=1
else
    echo "test-sanitizers: LeakSanitizer does not work here; leak checks are off" >&2
    ASAN_OPTIONS=detect_leaks=0
fi
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS
berth_ctest "$build_dir" --label-regex '^(unit|integration)$'
berth_log "sanitizer build: all tests passed"
