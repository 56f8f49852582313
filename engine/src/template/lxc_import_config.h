// The lxc-import template's config conversion: an LXC container's config,
// as lxc-create writes it under /var/lib/lxc/<name>/config, turned into a
// Berth config for the copy. Pure text work, so unit tests need no root.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::templates {

struct LxcImportTarget {
    std::string name;             // the new container
    std::string hostname;         // empty: the name
    std::filesystem::path rootfs; // where the copied rootfs will live
    // The config Berth gives a new container of this request: its
    // lxc.mount.auto fills in a missing one; its network (lxc.net.*) replaces
    // the old one when the request names a network, or when none of the old
    // interfaces can be imported.
    std::string baseConfig;
    bool networkRequested = false;
    // Whether a veth's link is one of Berth's bridges (net::isBerthBridge).
    std::function<bool(std::string_view)> isBerthBridge;
};

struct LxcImportPlan {
    std::string config;  // the converted config text
    std::string oldName; // recorded as berth.imported-from
    // The rootfs to copy, relative to the LXC container directory.
    std::string rootfsInDirectory;
    // What was not carried over, for people (also comments atop `config`).
    std::vector<std::string> notes;
};

// `directory` is where the LXC container directory is now (its real path);
// its last component is the old container's name. The old rootfs must be a
// directory inside it: either by its current path, or by the path LXC wrote
// before the directory was moved (".../<old name>/rootfs"). Refused, with
// the key and line named: LXC 2 key names, user namespaces (lxc.idmap),
// lxc.mount.fstab, includes other than LXC's common configs, rootfs types
// other than a directory, and anything ContainerSpec::fromConfig refuses.
// The network: each lxc.net.N Berth can express is kept (a veth on one of
// Berth's bridges, macvlan, empty, none; with name, flags, hwaddr, mtu,
// ipv4.address, ipv4.gateway, macvlan.mode); the rest is left out with a
// note naming it (a veth on LXC's lxcbr0, other types, other keys).
[[nodiscard]] Result<LxcImportPlan> convertLxcConfig(std::string_view text, const std::filesystem::path& directory,
                                                     const LxcImportTarget& target);

} // namespace berth::templates
