#include "fixture_hosts.h"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <initializer_list>
#include <utility>

namespace berth::test {

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& root, const std::string& relative, const std::string& text, bool executable = false)
{
    const fs::path file = root / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    if (executable)
        fs::permissions(file, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add);
}

// The smallest ELF64 file isStaticElf accepts: a header, and one PT_INTERP
// program header when `dynamic`.
std::string fakeElf(bool dynamic)
{
    Elf64_Ehdr header{};
    std::memcpy(header.e_ident, ELFMAG, SELFMAG);
    header.e_ident[EI_CLASS] = ELFCLASS64;
    header.e_ident[EI_DATA] = ELFDATA2LSB;
    header.e_ident[EI_VERSION] = EV_CURRENT;
    header.e_type = ET_EXEC;
    header.e_phoff = sizeof header;
    header.e_phentsize = sizeof(Elf64_Phdr);
    header.e_phnum = dynamic ? 1 : 0;
    std::string bytes(reinterpret_cast<const char*>(&header), sizeof header);
    if (dynamic) {
        Elf64_Phdr interp{};
        interp.p_type = PT_INTERP;
        bytes.append(reinterpret_cast<const char*>(&interp), sizeof interp);
    }
    return bytes;
}

void writeNamespaces(const fs::path& root, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        writeText(root, std::string("proc/self/ns/") + name, "");
}

constexpr const char* kHybridMountinfo =
    "23 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw\n"
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
    "33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct\n"
    "34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n"
    "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices\n"
    "37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer\n"
    "38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio\n"
    "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
    "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n"
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

constexpr const char* kUnifiedMountinfo =
    "23 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw\n"
    "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw,nsdelegate\n";

// v1 with cpu and cpuacct co-mounted, and neither pids nor blkio.
constexpr const char* kBareMountinfo =
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n"
    "34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n"
    "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices\n"
    "37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer\n";

constexpr const char* kFilesystems = "nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tcgroup\nnodev\tcgroup2\n"
                                     "nodev\tdevpts\n\text4\nnodev\toverlay\nnodev\tmqueue\n";
constexpr const char* kFilesystemsWithoutOverlay = "nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tdevpts\n\text4\n";

constexpr const char* kStatus = "Name:\tcat\nUmask:\t0022\nState:\tR (running)\nCapEff:\t000001ffffffffff\n"
                                "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n";

void writeHybrid(const fs::path& root)
{
    writeNamespaces(root, {"pid", "mnt", "uts", "ipc", "net", "cgroup", "user"});
    writeText(root, "proc/sys/user/max_user_namespaces", "96365\n");
    writeText(root, "proc/self/mountinfo", kHybridMountinfo);
    writeText(root, "sys/fs/cgroup/unified/cgroup.controllers", "\n");
    writeText(root, "sys/fs/cgroup/memory/memory.memsw.limit_in_bytes", "9223372036854771712\n");
    // veth loaded, bridge built in, macvlan and 8021q loadable, overlay loaded.
    writeText(root, "proc/modules", "veth 40960 0 - Live 0x0000000000000000\n");
    writeText(root, "proc/sys/kernel/osrelease", "6.1.0-test\n");
    writeText(root, "lib/modules/6.1.0-test/modules.builtin", "kernel/net/bridge/bridge.ko\n");
    writeText(root, "lib/modules/6.1.0-test/modules.dep",
              "kernel/drivers/net/macvlan.ko.xz:\nkernel/net/8021q/8021q.ko.xz: kernel/net/802/garp.ko.xz\n");
    writeText(root, "sys/module/overlay/parameters/index", "N\n");
    writeText(root, "proc/filesystems", kFilesystems);
    writeText(root, "proc/self/status", kStatus);
    writeText(root, "proc/sys/kernel/seccomp/actions_avail",
              "kill_process kill_thread trap errno user_notif trace log allow\n");
    writeText(root, "proc/sys/kernel/cap_last_cap", "40\n");
    writeText(root, "usr/lib/x86_64-linux-gnu/libnftables.so.1", "");
    writeText(root, "usr/sbin/nft", "", true);
    writeText(root, "usr/sbin/dnsmasq", "", true);
    writeText(root, "usr/sbin/debootstrap", "", true);
    writeText(root, "usr/bin/gpgv", "", true);
    writeText(root, "usr/share/keyrings/debian-archive-keyring.gpg", "");
    writeText(root, "usr/share/keyrings/ubuntu-archive-keyring.gpg", "");
    writeText(root, "bin/busybox", fakeElf(false), true);
}

void writeUnified(const fs::path& root)
{
    writeNamespaces(root, {"pid", "mnt", "uts", "ipc", "net", "cgroup", "user"});
    writeText(root, "proc/sys/user/max_user_namespaces", "63431\n");
    writeText(root, "proc/sys/kernel/unprivileged_userns_clone", "0\n");
    writeText(root, "proc/self/mountinfo", kUnifiedMountinfo);
    writeText(root, "sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
    writeText(root, "sys/fs/cgroup/io.cost.qos", "");
    writeText(root, "sys/fs/cgroup/init.scope/cgroup.procs", "1\n");
    writeText(root, "sys/fs/cgroup/system.slice/memory.max", "max\n");
    writeText(root, "sys/fs/cgroup/system.slice/memory.swap.max", "max\n");
    // No module information but the distribution's kernel config; overlay
    // not registered yet.
    writeText(root, "proc/sys/kernel/osrelease", "6.12.0-v2\n");
    writeText(root, "boot/config-6.12.0-v2",
              "CONFIG_VETH=m\nCONFIG_BRIDGE=y\n# CONFIG_MACVLAN is not set\nCONFIG_VLAN_8021Q_GVRP=y\n"
              "CONFIG_OVERLAY_FS=m\nCONFIG_CGROUP_BPF=y\n");
    writeText(root, "proc/filesystems", kFilesystemsWithoutOverlay);
    writeText(root, "proc/self/status", kStatus);
    writeText(root, "proc/sys/kernel/seccomp/actions_avail", "kill_process kill_thread trap errno trace log allow\n");
    writeText(root, "proc/sys/kernel/cap_last_cap", "40\n");
    // nft only as a program; dnsmasq present but not executable.
    writeText(root, "usr/sbin/nft", "", true);
    writeText(root, "usr/sbin/dnsmasq", "");
    // Debian's keyring only (Debian 12 has no ubuntu-keyring).
    writeText(root, "usr/sbin/debootstrap", "", true);
    writeText(root, "usr/bin/gpgv", "", true);
    writeText(root, "usr/share/keyrings/debian-archive-keyring.gpg", "");
    writeText(root, "bin/busybox", fakeElf(true), true);
}

void writeBare(const fs::path& root)
{
    writeNamespaces(root, {"pid", "mnt", "uts", "ipc", "net"});
    writeText(root, "proc/self/mountinfo", kBareMountinfo);
    writeText(root, "proc/filesystems", kFilesystemsWithoutOverlay);
    writeText(root, "proc/self/status", "Name:\tcat\nState:\tR (running)\n");
    writeText(root, "proc/sys/kernel/cap_last_cap", "37\n");
    writeText(root, "bin/busybox", "#!/bin/sh\necho a shell script, not busybox\n", true);
}

} // namespace

void writeFixtureHost(FixtureHost host, const fs::path& root)
{
    switch (host) {
    case FixtureHost::Hybrid:
        writeHybrid(root);
        break;
    case FixtureHost::Unified:
        writeUnified(root);
        break;
    case FixtureHost::Bare:
        writeBare(root);
        break;
    }
}

} // namespace berth::test
