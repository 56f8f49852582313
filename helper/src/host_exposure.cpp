#include "host_exposure.h"

#include "berth/model/host_ports.h"
#include "config/values.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <sys/mount.h>

namespace berth::helper {
namespace {

// Kernel filesystems that show or change the host itself: sysctls, devices,
// every cgroup, tracing, firmware variables, other namespaces' objects.
// Berth's own confined /proc, /sys and cgroup trees come from lxc.mount.auto.
constexpr std::array<std::string_view, 19> kKernelFs{"proc",       "sysfs",     "cgroup",      "cgroup2",   "debugfs",
                                                     "securityfs", "tracefs",   "bpf",         "configfs",  "fusectl",
                                                     "pstore",     "efivarfs",  "binfmt_misc", "hugetlbfs", "nfsd",
                                                     "rpc_pipefs", "selinuxfs", "autofs",      "devtmpfs"};

bool isKernelFs(std::string_view fstype)
{
    return std::find(kKernelFs.begin(), kKernelFs.end(), fstype) != kKernelFs.end();
}

bool hasOption(std::string_view data, std::string_view option)
{
    while (!data.empty()) {
        const std::size_t comma = std::min(data.find(','), data.size());
        if (data.substr(0, comma) == option)
            return true;
        data.remove_prefix(std::min(comma + 1, data.size()));
    }
    return false;
}

// The only mounts a member may ask for: memory-backed filesystems of the
// container's own, and binds of paths inside its rootfs.
bool isHarmless(const MountEntry& mount)
{
    if (mount.flags & MS_BIND)
        return mount.relativeSource;
    if (mount.fstype == "devpts")
        return hasOption(mount.data, "newinstance"); // else the host's terminals
    return mount.fstype == "tmpfs" || mount.fstype == "mqueue";
}

HostReason mountReason(const MountEntry& mount)
{
    const std::string source = quoteForMessage(mount.source);
    if (mount.flags & MS_BIND)
        return {mount.where, "lxc.mount.entry binds " + source + " from the host", "a host path"};
    const std::string mounts = "lxc.mount.entry mounts " + quoteForMessage(mount.fstype);
    if (isKernelFs(mount.fstype))
        return {mount.where, mounts, "a kernel filesystem that reaches the host"};
    if (mount.fstype == "devpts")
        return {mount.where, mounts + " without newinstance", "the host's terminals"};
    return {mount.where, mounts + " from " + source,
            "a host device or filesystem; only tmpfs, mqueue, devpts with newinstance and binds inside the rootfs "
            "are a container's own"};
}

void checkMounts(const ContainerSpec& spec, HostReasons& out)
{
    for (const auto& mount : spec.mounts) {
        // A remount changes a mount that is already there: Berth's read-only /proc/sys, /sys.
        if (mount.flags & MS_REMOUNT)
            out.push_back({mount.where, "lxc.mount.entry remounts " + quoteForMessage(mount.target.string()),
                           "it could make Berth's read-only /proc/sys or /sys writable"});
        else if (!isHarmless(mount))
            out.push_back(mountReason(mount));
    }
}

void checkMountAuto(const Config& config, const ContainerSpec& spec, HostReasons& out)
{
    const auto entry = config.entry("lxc.mount.auto");
    const std::string where = entry ? entry->where() : std::string();
    const auto& mountAuto = spec.mountAuto;
    if (mountAuto.proc == MountAuto::Proc::ReadWrite)
        out.push_back({where, "lxc.mount.auto = proc:rw", "the host's kernel settings (/proc/sys) become writable"});
    // In a user namespace of its own, sysfs and the cgroup trees are host
    // root's files (unmapped): mounted writable, they stay read-only to the
    // container's root, but for the cgroup it was delegated (issue #15).
    const bool ownUserNamespace = !spec.privileged();
    if (!ownUserNamespace && (mountAuto.sys == MountAuto::Sys::ReadWrite || mountAuto.sys == MountAuto::Sys::Mixed))
        out.push_back({where, "lxc.mount.auto with a writable sys", "the host's /sys becomes writable"});
    // Any mode but ro is mounted writable; its devices files would let a
    // container with CAP_SYS_ADMIN allow itself the host's disks.
    const bool writableCgroup = !ownUserNamespace && mountAuto.cgroup != MountAuto::Cgroup::None &&
                                mountAuto.cgroup != MountAuto::Cgroup::ReadOnly;
    if (mountAuto.cgroupFull || writableCgroup)
        out.push_back({where, "lxc.mount.auto with a writable or full cgroup tree",
                       "cgroup files such as devices.allow reach the host"});
}

void checkNetwork(const ContainerSpec& spec, HostReasons& out)
{
    for (const auto& iface : spec.network) {
        if (iface.type == net::NetInterfaceSpec::Type::None)
            out.push_back(
                {iface.where, "lxc.net." + std::to_string(iface.index) + ".type = none", "shares the host's network"});
    }
}

// Keys whose mere presence reaches the host.
void checkKeys(const Config& config, HostReasons& out)
{
    struct Rule {
        std::string_view prefix;
        std::string_view why;
    };
    static constexpr std::array<Rule, 6> kRules{{
        {"lxc.cgroup.devices.", "device access on the host"},
        {"lxc.cgroup2.devices.", "device access on the host"},
        {"lxc.hook.", "runs a host program as root"},
        {"lxc.console.logfile", "writes a host file as root"},
        {"lxc.mount.fstab", "mounts from a host file"},
        {"lxc.log.file", "writes a host file as root"},
    }};
    for (const auto& entry : config.allEntries()) {
        if (entry.value.empty())
            continue;
        for (const Rule& rule : kRules) {
            if (entry.key.starts_with(rule.prefix))
                out.push_back({entry.where(), entry.key, std::string(rule.why)});
        }
    }
}

} // namespace

std::optional<HostReason> forwardExposure(const net::PortForward& forward)
{
    if (!model::isPrivilegedPort(forward.hostPort))
        return std::nullopt;
    return HostReason{"",
                      "berth.net.forward = " + forward.toString() + " takes the host's privileged port " +
                          std::to_string(forward.hostPort),
                      "below 1024, where the host's own services such as ssh listen"};
}

HostReasons hostNetworkExposures(const ContainerSpec& spec, const BerthBridgeTest& isBerthBridge)
{
    HostReasons out;
    for (const auto& iface : spec.network) {
        const std::string key = "lxc.net." + std::to_string(iface.index);
        if (iface.type == net::NetInterfaceSpec::Type::Macvlan)
            out.push_back({iface.where, key + " is a macvlan on the host's link " + quoteForMessage(iface.link),
                           "puts the container on the host's network"});
        else if (iface.type == net::NetInterfaceSpec::Type::Veth && !isBerthBridge(iface.link))
            out.push_back({iface.where, key + " joins the host's bridge " + quoteForMessage(iface.link),
                           "not one of Berth's bridges"});
    }
    for (const auto& forward : spec.forwards)
        if (auto why = forwardExposure(forward))
            out.push_back(*why);
    return out;
}

HostReasons hostExposures(const Config& config, const ContainerSpec& spec,
                          const std::optional<std::string>& currentRootfs)
{
    HostReasons out;
    checkMounts(spec, out);
    checkMountAuto(config, spec, out);
    checkNetwork(spec, out);
    checkKeys(config, out);
    if (config.get("lxc.rootfs.path") != currentRootfs) {
        const auto entry = config.entry("lxc.rootfs.path");
        out.push_back({entry ? entry->where() : std::string(), "lxc.rootfs.path changes the container's root",
                       "another host directory"});
    }
    return out;
}

} // namespace berth::helper
