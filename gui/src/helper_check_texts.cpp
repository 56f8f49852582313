// The English of the engine's system check texts
// (engine/src/check/check_text.cpp), marked for translation. The test
// gui_helper_texts fails when the engine's wording and this copy part.
#include "helper_texts.h"

namespace berth::gui {

std::span<const HelperTexts::SourceText> HelperTexts::checkTexts()
{
    static constexpr SourceText kTexts[] = {
        {"ns.pid", QT_TR_NOOP("PID namespace"),
         QT_TR_NOOP("Containers get their own process tree: PIDs inside start at 1.")},
        {"ns.mount", QT_TR_NOOP("Mount namespace"),
         QT_TR_NOOP("Containers see their own file system tree and cannot change the host's mounts.")},
        {"ns.uts", QT_TR_NOOP("UTS namespace"), QT_TR_NOOP("Containers can have a host name of their own.")},
        {"ns.ipc", QT_TR_NOOP("IPC namespace"),
         QT_TR_NOOP("Containers get their own shared memory and message queues, apart from the host's.")},
        {"ns.net", QT_TR_NOOP("Network namespace"),
         QT_TR_NOOP("Containers get their own network interfaces, addresses and routes.")},
        {"ns.cgroup", QT_TR_NOOP("Cgroup namespace"),
         QT_TR_NOOP("Containers see their own control group as the root, which systemd inside a container needs.")},
        {"ns.user", QT_TR_NOOP("User namespace"),
         QT_TR_NOOP("Root inside a container can be an ordinary user on the host; unprivileged containers need this.")},
        {"userns.range", QT_TR_NOOP("Berth's ID range"),
         QT_TR_NOOP("Each unprivileged container gets 65536 user and group IDs of its own from this range "
                    "(/etc/subuid, /etc/subgid).")},
        {"userns.rootfs", QT_TR_NOOP("Root file system owners"),
         QT_TR_NOOP("With idmapped mounts, containers share template files unchanged; without them, each new rootfs "
                    "is chowned into its container's IDs once.")},
        {"userns.mapped", QT_TR_NOOP("Mapped user namespaces"),
         QT_TR_NOOP("Berth runs each unprivileged container in a user namespace that maps its root to an ordinary "
                    "host ID.")},
        {"cgroup.mode", QT_TR_NOOP("Control group version"),
         QT_TR_NOOP("Berth limits memory, CPU and processes through control groups; version 1, version 2 and hybrid "
                    "hosts all work.")},
        {"cgroup.cpu", QT_TR_NOOP("CPU controller"), QT_TR_NOOP("Sets a container's CPU weight and quota.")},
        {"cgroup.cpuacct", QT_TR_NOOP("CPU accounting"), QT_TR_NOOP("Measures how much CPU time a container uses.")},
        {"cgroup.cpuset", QT_TR_NOOP("CPU set controller"),
         QT_TR_NOOP("Pins a container to chosen CPUs and memory nodes.")},
        {"cgroup.memory", QT_TR_NOOP("Memory controller"),
         QT_TR_NOOP("Limits a container's memory and reports how much it uses.")},
        {"cgroup.pids", QT_TR_NOOP("Process count controller"),
         QT_TR_NOOP("Caps how many processes a container may run, which stops fork bombs.")},
        {"cgroup.io", QT_TR_NOOP("Block IO controller"),
         QT_TR_NOOP("Sets a container's disk weight and bandwidth limits.")},
        {"cgroup.freezer", QT_TR_NOOP("Freezer"), QT_TR_NOOP("Lets a container be paused and resumed.")},
        {"cgroup.devices", QT_TR_NOOP("Device controller"),
         QT_TR_NOOP("Keeps a container from opening host devices it was not given.")},
        {"cgroup.swap", QT_TR_NOOP("Swap accounting"),
         QT_TR_NOOP("Lets a container's swap use be limited, not only its memory.")},
        {"cgroup.device_control", QT_TR_NOOP("Device control method"),
         QT_TR_NOOP("How the kernel is told which devices each container may open: the cgroup v1 devices controller "
                    "or a cgroup v2 BPF program.")},
        {"cgroup.delegation", QT_TR_NOOP("Cgroup delegation"),
         QT_TR_NOOP("Where each container's control group comes from (Berth's own parent or a systemd scope) and "
                    "which of its files an unprivileged container's root may write.")},
        {"net.veth", QT_TR_NOOP("Virtual Ethernet pairs (veth)"),
         QT_TR_NOOP("Connects a container's network to the host or to a bridge.")},
        {"net.bridge", QT_TR_NOOP("Network bridges"),
         QT_TR_NOOP("Joins containers and the host into one local network.")},
        {"net.macvlan", QT_TR_NOOP("MACVLAN"),
         QT_TR_NOOP("Gives a container an address of its own directly on a host network card.")},
        {"net.vlan", QT_TR_NOOP("VLAN (802.1Q)"), QT_TR_NOOP("Puts a container on a tagged virtual LAN.")},
        {"fs.overlay", QT_TR_NOOP("OverlayFS"),
         QT_TR_NOOP("Makes quick clones that share the original's files and store only the changes.")},
        {"fs.tmpfs", QT_TR_NOOP("tmpfs"),
         QT_TR_NOOP("Memory-backed file systems for a container's /dev, /run and /dev/shm.")},
        {"fs.devpts", QT_TR_NOOP("devpts"), QT_TR_NOOP("Gives each container terminals of its own.")},
        {"sec.seccomp", QT_TR_NOOP("Seccomp"), QT_TR_NOOP("Blocks dangerous system calls inside containers.")},
        {"sec.no_new_privs", QT_TR_NOOP("No new privileges"),
         QT_TR_NOOP("Keeps programs in a container from gaining privileges through setuid files.")},
        {"sec.capabilities", QT_TR_NOOP("Capabilities"),
         QT_TR_NOOP("Lets a container keep only the parts of root's power it needs.")},
        {"tool.nftables", QT_TR_NOOP("nftables"),
         QT_TR_NOOP("Provides address translation and port forwarding for container networks.")},
        {"tool.dnsmasq", QT_TR_NOOP("dnsmasq"),
         QT_TR_NOOP("Hands out addresses (DHCP) and names (DNS) on container bridges.")},
        {"tool.debootstrap", QT_TR_NOOP("debootstrap"), QT_TR_NOOP("Builds Debian and Ubuntu containers.")},
        {"tool.busybox", QT_TR_NOOP("BusyBox (static)"),
         QT_TR_NOOP("Builds small BusyBox containers from the host's statically linked busybox.")},
    };
    return kTexts;
}

std::span<const HelperTexts::SourceText> HelperTexts::groupTexts()
{
    static constexpr SourceText kTexts[] = {
        {"ns", QT_TR_NOOP("Namespaces"), nullptr},
        {"userns", QT_TR_NOOP("User namespaces"), nullptr},
        {"cgroup", QT_TR_NOOP("Control groups"), nullptr},
        {"net", QT_TR_NOOP("Networking"), nullptr},
        {"fs", QT_TR_NOOP("File systems"), nullptr},
        {"sec", QT_TR_NOOP("Security"), nullptr},
        {"tool", QT_TR_NOOP("Tools"), nullptr},
    };
    return kTexts;
}

} // namespace berth::gui
