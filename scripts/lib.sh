# shellcheck shell=sh
# Shared by run.sh, test.sh and test-sanitizers.sh; sourced, never run.
# The sourcing script sets BERTH_SOURCE_DIR to the checkout's root first.

# Build parallelism: every core unless BERTH_JOBS says otherwise.
BERTH_JOBS=${BERTH_JOBS:-$(nproc 2>/dev/null || echo 2)}
# ccache (when CMake finds it) keys on paths relative to the checkout, so a
# fresh clone elsewhere reuses what an earlier build compiled.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$BERTH_SOURCE_DIR}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
# Three builds (normal, sanitizers, fuzzers) do not fit ccache's default 5 GB.
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-20G}"
# Tests share the machine's kernel; one at a time unless asked.
BERTH_TEST_JOBS=${BERTH_TEST_JOBS:-1}

berth_log() {
    printf '\n== %s\n' "$*"
}

berth_require_root() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "$0: run this as root: the integration tests create namespaces, mounts and cgroups" >&2
        exit 1
    fi
}

berth_install_deps() {
    berth_log "checking Debian packages"
    "$BERTH_SOURCE_DIR/scripts/install-deps.sh"
}

# berth_configure BUILD_DIR [cmake options...]
berth_configure() {
    dir=$1
    shift
    berth_log "configuring $dir"
    cmake -G Ninja -S "$BERTH_SOURCE_DIR" -B "$dir" "$@"
}

berth_build() {
    berth_log "building $1"
    cmake --build "$1" --parallel "$BERTH_JOBS"
}

# berth_ctest BUILD_DIR [ctest label options...]
# Fails when a test fails and when the selection holds no test at all.
berth_ctest() {
    dir=$1
    shift
    berth_log "running tests in $dir ($*)"
    ctest --test-dir "$dir" --output-on-failure --no-tests=error \
        --parallel "$BERTH_TEST_JOBS" "$@"
}
