#!/bin/sh
# Runs a test binary inside a user-mode-linux kernel (Debian's linux.uml)
# whose cgroup2 hierarchy has the cpu, io, memory and pids controllers, and
# exits with the binary's status. The host's filesystem is the guest's root,
# read-only; /tmp and /run are tmpfs inside. The guest has one block device,
# a 1 MiB scratch disk of zeros (ubd0: /dev/ubda, 98:0), thrown away after.
#
#   run-in-uml.sh BINARY [ARGS...]
#
# Environment: BERTH_UML_KERNEL (default /usr/bin/linux.uml),
# BERTH_UML_TIMEOUT in seconds (default 300), BERTH_UML_MEM (default 512M).
set -eu

if [ $# -lt 1 ]; then
    echo "usage: $0 BINARY [ARGS...]" >&2
    exit 2
fi
kernel=${BERTH_UML_KERNEL:-/usr/bin/linux.uml}
limit=${BERTH_UML_TIMEOUT:-300}
mem=${BERTH_UML_MEM:-512M}
binary=$(realpath "$1")
shift
[ -x "$kernel" ] || { echo "run-in-uml: no kernel at $kernel (package user-mode-linux)" >&2; exit 1; }
[ -x "$binary" ] || { echo "run-in-uml: $binary is not executable" >&2; exit 1; }

work=$(mktemp -d /tmp/berth-uml-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
marker="BERTH-UML-EXIT"

# The guest's PID 1. It sees the host's files, so the test's arguments are
# quoted into it here.
# The guest's /tmp is a fresh tmpfs. A build below the host's /tmp (a CI
# clone, say) is bound back at its own path, so the paths compiled into
# it (libexec's berth-monitor, the source tree) hold in the guest too.
keep_tmp=""
case "$binary" in
    /tmp/*)
        top=${binary#/tmp/}
        keep_tmp=${top%%/*}
        ;;
esac
args=""
for arg in "$@"; do
    args="$args '$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")'"
done
cat > "$work/init" <<INIT
#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp QT_QPA_PLATFORM=offscreen
mount -t proc proc /proc
mount -t sysfs sysfs /sys
# The host's /dev seen through hostfs holds no usable nodes: the guest's own
# devices, and ptys for the containers' consoles.
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs tmpfs /run
mkdir /run/host-tmp
mount --bind /tmp /run/host-tmp
mount -t tmpfs tmpfs /tmp
if [ -n '$keep_tmp' ]; then
    if [ -d '/run/host-tmp/$keep_tmp' ]; then mkdir '/tmp/$keep_tmp'; else touch '/tmp/$keep_tmp'; fi
    mount --bind '/run/host-tmp/$keep_tmp' '/tmp/$keep_tmp'
fi
mount -t cgroup2 cgroup2 /sys/fs/cgroup
echo "+cpu +io +memory +pids" > /sys/fs/cgroup/cgroup.subtree_control
echo "BERTH-UML-BEGIN kernel \$(uname -r), controllers: \$(cat /sys/fs/cgroup/cgroup.subtree_control)"
'$binary'$args
echo "$marker \$?"
# Power off at once: PID 1 must not exit (the kernel would panic).
echo o > /proc/sysrq-trigger
sleep 30
INIT
chmod 755 "$work/init"

# A disk the device tests may try to read and write from a container.
truncate -s 1M "$work/disk"

status=0
timeout --kill-after=10 "$limit" "$kernel" mem="$mem" uml_dir="$work" rootfstype=hostfs rootflags=/ ro \
    ubd0="$work/disk" init="$work/init" con=null con0=fd:0,fd:1 < /dev/null > "$work/console" 2>&1 || status=$?

tr -d '\r' < "$work/console" > "$work/log"
if ! grep -q "^$marker [0-9]*\$" "$work/log"; then
    tail -n 60 "$work/log"
    if [ "$status" -eq 124 ]; then
        echo "run-in-uml: timed out after ${limit}s" >&2
    fi
    echo "run-in-uml: the guest never reported the test's exit status (kernel exit $status)" >&2
    exit 1
fi
# The test's own output: from the guest's banner to the marker.
sed -n '/^BERTH-UML-BEGIN/,/^'"$marker"' /p' "$work/log"
exit "$(sed -n 's/^'"$marker"' \([0-9]*\)$/\1/p' "$work/log" | tail -n 1)"
