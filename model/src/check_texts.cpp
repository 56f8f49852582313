// The system check's English (engine/src/check/check_text.cpp reports
// these): plain English, one short sentence each, saying what the feature
// gives a container.
#include "berth/model/texts.h"

#include <array>

namespace berth::model {
namespace {

constexpr std::array kChecks{
    Text{"ns.pid", BERTH_TEXT("berth::model", "PID namespace"),
         BERTH_TEXT("berth::model", "Containers get their own process tree: PIDs inside start at 1.")},
    Text{"ns.mount", BERTH_TEXT("berth::model", "Mount namespace"),
         BERTH_TEXT("berth::model", "Containers see their own file system tree and cannot change the host's mounts.")},
    Text{"ns.uts", BERTH_TEXT("berth::model", "UTS namespace"),
         BERTH_TEXT("berth::model", "Containers can have a host name of their own.")},
    Text{"ns.ipc", BERTH_TEXT("berth::model", "IPC namespace"),
         BERTH_TEXT("berth::model",
                    "Containers get their own shared memory and message queues, apart from the host's.")},
    Text{"ns.net", BERTH_TEXT("berth::model", "Network namespace"),
         BERTH_TEXT("berth::model", "Containers get their own network interfaces, addresses and routes.")},
    Text{"ns.cgroup", BERTH_TEXT("berth::model", "Cgroup namespace"),
         BERTH_TEXT("berth::model",
                    "Containers see their own control group as the root, which systemd inside a container needs.")},
    Text{"ns.user", BERTH_TEXT("berth::model", "User namespace"),
         BERTH_TEXT("berth::model",
                    "Root inside a container can be an ordinary user on the host; unprivileged containers need this.")},
    Text{
        "userns.range", BERTH_TEXT("berth::model", "Berth's ID range"),
        BERTH_TEXT("berth::model",
                   "Each unprivileged container gets 65536 user and group IDs of its own from this range (/etc/subuid, "
                   "/etc/subgid).")},
    Text{"userns.rootfs", BERTH_TEXT("berth::model", "Root file system owners"),
         BERTH_TEXT("berth::model",
                    "With idmapped mounts, containers share template files unchanged; without them, each new rootfs is "
                    "chowned into its container's IDs once.")},
    Text{"userns.mapped", BERTH_TEXT("berth::model", "Mapped user namespaces"),
         BERTH_TEXT(
             "berth::model",
             "Berth runs each unprivileged container in a user namespace that maps its root to an ordinary host ID.")},
    Text{"cgroup.mode", BERTH_TEXT("berth::model", "Control group version"),
         BERTH_TEXT(
             "berth::model",
             "Berth limits memory, CPU and processes through control groups; version 1, version 2 and hybrid hosts "
             "all work.")},
    Text{"cgroup.cpu", BERTH_TEXT("berth::model", "CPU controller"),
         BERTH_TEXT("berth::model", "Sets a container's CPU weight and quota.")},
    Text{"cgroup.cpuacct", BERTH_TEXT("berth::model", "CPU accounting"),
         BERTH_TEXT("berth::model", "Measures how much CPU time a container uses.")},
    Text{"cgroup.cpuset", BERTH_TEXT("berth::model", "CPU set controller"),
         BERTH_TEXT("berth::model", "Pins a container to chosen CPUs and memory nodes.")},
    Text{"cgroup.memory", BERTH_TEXT("berth::model", "Memory controller"),
         BERTH_TEXT("berth::model", "Limits a container's memory and reports how much it uses.")},
    Text{"cgroup.pids", BERTH_TEXT("berth::model", "Process count controller"),
         BERTH_TEXT("berth::model", "Caps how many processes a container may run, which stops fork bombs.")},
    Text{"cgroup.io", BERTH_TEXT("berth::model", "Block IO controller"),
         BERTH_TEXT("berth::model", "Sets a container's disk weight and bandwidth limits.")},
    Text{"cgroup.freezer", BERTH_TEXT("berth::model", "Freezer"),
         BERTH_TEXT("berth::model", "Lets a container be paused and resumed.")},
    Text{"cgroup.devices", BERTH_TEXT("berth::model", "Device controller"),
         BERTH_TEXT("berth::model", "Keeps a container from opening host devices it was not given.")},
    Text{"cgroup.swap", BERTH_TEXT("berth::model", "Swap accounting"),
         BERTH_TEXT("berth::model", "Lets a container's swap use be limited, not only its memory.")},
    Text{"cgroup.device_control", BERTH_TEXT("berth::model", "Device control method"),
         BERTH_TEXT(
             "berth::model",
             "How the kernel is told which devices each container may open: the cgroup v1 devices controller or a "
             "cgroup v2 BPF program.")},
    Text{"cgroup.delegation", BERTH_TEXT("berth::model", "Cgroup delegation"),
         BERTH_TEXT(
             "berth::model",
             "Where each container's control group comes from (Berth's own parent or a systemd scope) and which of "
             "its files an unprivileged container's root may write.")},
    Text{"net.veth", BERTH_TEXT("berth::model", "Virtual Ethernet pairs (veth)"),
         BERTH_TEXT("berth::model", "Connects a container's network to the host or to a bridge.")},
    Text{"net.bridge", BERTH_TEXT("berth::model", "Network bridges"),
         BERTH_TEXT("berth::model", "Joins containers and the host into one local network.")},
    Text{"net.macvlan", BERTH_TEXT("berth::model", "MACVLAN"),
         BERTH_TEXT("berth::model", "Gives a container an address of its own directly on a host network card.")},
    Text{"net.vlan", BERTH_TEXT("berth::model", "VLAN (802.1Q)"),
         BERTH_TEXT("berth::model", "Puts a container on a tagged virtual LAN.")},
    Text{"fs.overlay", BERTH_TEXT("berth::model", "OverlayFS"),
         BERTH_TEXT("berth::model", "Makes quick clones that share the original's files and store only the changes.")},
    Text{"fs.tmpfs", BERTH_TEXT("berth::model", "tmpfs"),
         BERTH_TEXT("berth::model", "Memory-backed file systems for a container's /dev, /run and /dev/shm.")},
    Text{"fs.devpts", BERTH_TEXT("berth::model", "devpts"),
         BERTH_TEXT("berth::model", "Gives each container terminals of its own.")},
    Text{"sec.seccomp", BERTH_TEXT("berth::model", "Seccomp"),
         BERTH_TEXT("berth::model", "Blocks dangerous system calls inside containers.")},
    Text{"sec.no_new_privs", BERTH_TEXT("berth::model", "No new privileges"),
         BERTH_TEXT("berth::model", "Keeps programs in a container from gaining privileges through setuid files.")},
    Text{"sec.capabilities", BERTH_TEXT("berth::model", "Capabilities"),
         BERTH_TEXT("berth::model", "Lets a container keep only the parts of root's power it needs.")},
    Text{"tool.nftables", BERTH_TEXT("berth::model", "nftables"),
         BERTH_TEXT("berth::model", "Provides address translation and port forwarding for container networks.")},
    Text{"tool.dnsmasq", BERTH_TEXT("berth::model", "dnsmasq"),
         BERTH_TEXT("berth::model", "Hands out addresses (DHCP) and names (DNS) on container bridges.")},
    Text{"tool.debootstrap", BERTH_TEXT("berth::model", "debootstrap"),
         BERTH_TEXT("berth::model", "Builds Debian and Ubuntu containers.")},
    Text{"tool.busybox", BERTH_TEXT("berth::model", "BusyBox (static)"),
         BERTH_TEXT("berth::model", "Builds small BusyBox containers from the host's statically linked busybox.")},
};

constexpr std::array kGroups{
    Text{"ns", BERTH_TEXT("berth::model", "Namespaces")},
    Text{"userns", BERTH_TEXT("berth::model", "User namespaces")},
    Text{"cgroup", BERTH_TEXT("berth::model", "Control groups")},
    Text{"net", BERTH_TEXT("berth::model", "Networking")},
    Text{"fs", BERTH_TEXT("berth::model", "File systems")},
    Text{"sec", BERTH_TEXT("berth::model", "Security")},
    Text{"tool", BERTH_TEXT("berth::model", "Tools")},
};

} // namespace

std::span<const Text> checkTexts()
{
    return kChecks;
}

std::span<const Text> checkGroupTexts()
{
    return kGroups;
}

} // namespace berth::model
