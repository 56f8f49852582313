#include "host_exposure.h"

#include "berth/model/host_ports.h"

#include <array>
#include <string_view>
#include <sys/mount.h>

namespace berth::helper {
namespace {

// Filesystems that come from the kernel, not from a host path or device.
bool isVirtualFs(std::string_view fstype)
{
    static constexpr std::array<std::string_view, 6> kVirtual{"proc", "sysfs", "tmpfs", "devpts", "mqueue", "cgroup2"};
    for (auto fs : kVirtual) {
        if (fs == fstype)
            return true;
    }
    return false;
}

void checkMounts(const ContainerSpec& spec, std::vector<std::string>& out)
{
    for (const auto& mount : spec.mounts) {
        if (mount.relativeSource)
            continue;   // resolved inside the container's rootfs
        if ((mount.flags & MS_BIND) || !isVirtualFs(mount.fstype))
            out.push_back(mount.where + ": lxc.mount.entry mounts '" + mount.source + "' from the host");
    }
    if (spec.mountAuto.proc == MountAuto::Proc::ReadWrite)
        out.push_back("lxc.mount.auto = proc:rw lets the container write the host's kernel settings");
    if (spec.mountAuto.sys == MountAuto::Sys::ReadWrite || spec.mountAuto.sys == MountAuto::Sys::Mixed)
        out.push_back("lxc.mount.auto with writable sys exposes the host's /sys");
    if (spec.mountAuto.cgroupFull || spec.mountAuto.cgroup == MountAuto::Cgroup::ReadWrite)
        out.push_back("lxc.mount.auto mounts the host's cgroup tree");
}

void checkNetwork(const ContainerSpec& spec, std::vector<std::string>& out)
{
    for (const auto& iface : spec.network) {
        if (iface.type == net::NetInterfaceSpec::Type::None)
            out.push_back(iface.where + ": lxc.net." + std::to_string(iface.index) +
                          ".type = none shares the host's network");
    }
}

// Keys whose mere presence reaches the host.
void checkKeys(const Config& config, std::vector<std::string>& out)
{
    static constexpr std::array<std::string_view, 6> kPrefixes{
        "lxc.cgroup.devices.", "lxc.cgroup2.devices.", "lxc.hook.", "lxc.console.logfile", "lxc.mount.fstab",
        "lxc.log.file"};
    for (const auto& entry : config.allEntries()) {
        if (entry.value.empty())
            continue;
        for (auto prefix : kPrefixes) {
            if (entry.key.starts_with(prefix))
                out.push_back(entry.where() + ": " + entry.key + " reaches the host");
        }
    }
}

} // namespace

std::optional<std::string> forwardExposure(const net::PortForward& forward)
{
    if (!model::isPrivilegedPort(forward.hostPort))
        return std::nullopt;
    return "berth.net.forward = " + forward.toConfigValue() + " takes the host's privileged port "
        + std::to_string(forward.hostPort) + " (below 1024, where the host's own services such as ssh listen)";
}

std::vector<std::string> hostNetworkExposures(const ContainerSpec& spec, const BerthBridgeTest& isBerthBridge)
{
    std::vector<std::string> out;
    for (const auto& iface : spec.network) {
        const std::string key = iface.where + ": lxc.net." + std::to_string(iface.index);
        if (iface.type == net::NetInterfaceSpec::Type::Macvlan)
            out.push_back(key + " is a macvlan on the host's link '" + iface.link + "'");
        else if (iface.type == net::NetInterfaceSpec::Type::Veth && !isBerthBridge(iface.link))
            out.push_back(key + " joins the host's bridge '" + iface.link + "', which is not one of Berth's");
    }
    for (const auto& forward : spec.forwards)
        if (auto why = forwardExposure(forward))
            out.push_back(*why);
    return out;
}

std::vector<std::string> hostExposures(const Config& config, const ContainerSpec& spec,
                                       const std::optional<std::string>& currentRootfs)
{
    std::vector<std::string> out;
    checkMounts(spec, out);
    checkNetwork(spec, out);
    checkKeys(config, out);
    if (config.get("lxc.rootfs.path") != currentRootfs)
        out.push_back("lxc.rootfs.path changes the container's root to another host directory");
    return out;
}

} // namespace berth::helper
