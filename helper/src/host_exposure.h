// Whether a container config reaches into the host: bind mounts of host
// paths, kernel filesystems (proc, sysfs, cgroup, debugfs, ...), host
// filesystems or devices, remounts of Berth's own mounts, the host's
// network namespace, device access, hooks that run host programs, files
// written on the host. Such a config needs org.berth.host.bind-mount
// whoever asks (root aside); each reason names its line and its rule.
#pragma once

#include "berth/config.h"
#include "spec/container_spec.h"
#include "host_reason.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace berth::helper {

// One reason per way the config exposes the host; empty when it does not.
// `currentRootfs` is lxc.rootfs.path of the config being replaced: keeping
// it is fine, pointing the rootfs anywhere else is an exposure.
[[nodiscard]] HostReasons hostExposures(const Config& config, const ContainerSpec& spec,
                                        const std::optional<std::string>& currentRootfs);

// Answers whether a link is one of Berth's own bridges (net::isBerthBridge).
using BerthBridgeTest = std::function<bool(const std::string& link)>;

// Interfaces that put the container on a network of the host that Berth does
// not manage: a veth on another bridge (the LAN's, say), a macvlan on a host
// link. As lxc-usernet keeps unprivileged users to the bridges it lists, only
// an administrator gives a container those; Berth's own bridges are free.
// Forwards of privileged host ports (forwardExposure) are listed too.
[[nodiscard]] HostReasons hostNetworkExposures(const ContainerSpec& spec, const BerthBridgeTest& isBerthBridge);

// A forward of a privileged host port (model/host_ports.h) needs the admin
// action: the host's own services live there. Why, or none.
[[nodiscard]] std::optional<HostReason> forwardExposure(const net::PortForward& forward);

} // namespace berth::helper
