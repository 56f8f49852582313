#include "check/check_text.h"

#include <algorithm>
#include <array>

namespace berth::check {

namespace {

// Plain English, one short sentence each: what the feature gives a container.
constexpr std::array kTexts{
    CheckText{"ns.pid", "PID namespace", "Containers get their own process tree: PIDs inside start at 1."},
    CheckText{"ns.mount", "Mount namespace",
              "Containers see their own file system tree and cannot change the host's mounts."},
    CheckText{"ns.uts", "UTS namespace", "Containers can have a host name of their own."},
    CheckText{"ns.ipc", "IPC namespace",
              "Containers get their own shared memory and message queues, apart from the host's."},
    CheckText{"ns.net", "Network namespace", "Containers get their own network interfaces, addresses and routes."},
    CheckText{"ns.cgroup", "Cgroup namespace",
              "Containers see their own control group as the root, which systemd inside a container needs."},
    CheckText{"ns.user", "User namespace",
              "Root inside a container can be an ordinary user on the host; unprivileged containers need this."},
    CheckText{"userns.range", "Berth's ID range",
              "Each unprivileged container gets 65536 user and group IDs of its own from this range (/etc/subuid, "
              "/etc/subgid)."},
    CheckText{"userns.rootfs", "Root file system owners",
              "With idmapped mounts, containers share template files unchanged; without them, each new rootfs is "
              "chowned into its container's IDs once."},
    CheckText{"userns.mapped", "Mapped user namespaces",
              "Berth runs each unprivileged container in a user namespace that maps its root to an ordinary host ID."},
    CheckText{"cgroup.mode", "Control group version",
              "Berth limits memory, CPU and processes through control groups; version 1, version 2 and hybrid hosts "
              "all work."},
    CheckText{"cgroup.cpu", "CPU controller", "Sets a container's CPU weight and quota."},
    CheckText{"cgroup.cpuacct", "CPU accounting", "Measures how much CPU time a container uses."},
    CheckText{"cgroup.cpuset", "CPU set controller", "Pins a container to chosen CPUs and memory nodes."},
    CheckText{"cgroup.memory", "Memory controller", "Limits a container's memory and reports how much it uses."},
    CheckText{"cgroup.pids", "Process count controller",
              "Caps how many processes a container may run, which stops fork bombs."},
    CheckText{"cgroup.io", "Block IO controller", "Sets a container's disk weight and bandwidth limits."},
    CheckText{"cgroup.freezer", "Freezer", "Lets a container be paused and resumed."},
    CheckText{"cgroup.devices", "Device controller", "Keeps a container from opening host devices it was not given."},
    CheckText{"cgroup.swap", "Swap accounting", "Lets a container's swap use be limited, not only its memory."},
    CheckText{"cgroup.device_control", "Device control method",
              "How the kernel is told which devices each container may open: the cgroup v1 devices controller or a "
              "cgroup v2 BPF program."},
    CheckText{"cgroup.delegation", "Cgroup delegation",
              "Where each container's control group comes from (Berth's own parent or a systemd scope) and which of "
              "its files an unprivileged container's root may write."},
    CheckText{"net.veth", "Virtual Ethernet pairs (veth)",
              "Connects a container's network to the host or to a bridge."},
    CheckText{"net.bridge", "Network bridges", "Joins containers and the host into one local network."},
    CheckText{"net.macvlan", "MACVLAN", "Gives a container an address of its own directly on a host network card."},
    CheckText{"net.vlan", "VLAN (802.1Q)", "Puts a container on a tagged virtual LAN."},
    CheckText{"fs.overlay", "OverlayFS",
              "Makes quick clones that share the original's files and store only the changes."},
    CheckText{"fs.tmpfs", "tmpfs", "Memory-backed file systems for a container's /dev, /run and /dev/shm."},
    CheckText{"fs.devpts", "devpts", "Gives each container terminals of its own."},
    CheckText{"sec.seccomp", "Seccomp", "Blocks dangerous system calls inside containers."},
    CheckText{"sec.no_new_privs", "No new privileges",
              "Keeps programs in a container from gaining privileges through setuid files."},
    CheckText{"sec.capabilities", "Capabilities", "Lets a container keep only the parts of root's power it needs."},
    CheckText{"tool.nftables", "nftables", "Provides address translation and port forwarding for container networks."},
    CheckText{"tool.dnsmasq", "dnsmasq", "Hands out addresses (DHCP) and names (DNS) on container bridges."},
    CheckText{"tool.debootstrap", "debootstrap", "Builds Debian and Ubuntu containers."},
    CheckText{"tool.busybox", "BusyBox (static)",
              "Builds small BusyBox containers from the host's statically linked busybox."},
};

struct GroupText {
    std::string_view id;
    std::string_view title;
};

constexpr std::array kGroups{
    GroupText{"ns", "Namespaces"},  GroupText{"userns", "User namespaces"}, GroupText{"cgroup", "Control groups"},
    GroupText{"net", "Networking"}, GroupText{"fs", "File systems"},        GroupText{"sec", "Security"},
    GroupText{"tool", "Tools"},
};

} // namespace

std::span<const CheckText> allCheckTexts()
{
    return kTexts;
}

CheckText checkText(std::string_view id)
{
    const auto it = std::find_if(kTexts.begin(), kTexts.end(), [id](const CheckText& t) { return t.id == id; });
    return it == kTexts.end() ? CheckText{id, {}, {}} : *it;
}

std::string_view groupTitle(std::string_view groupId)
{
    const auto it =
        std::find_if(kGroups.begin(), kGroups.end(), [groupId](const GroupText& g) { return g.id == groupId; });
    return it == kGroups.end() ? std::string_view{} : it->title;
}

} // namespace berth::check
