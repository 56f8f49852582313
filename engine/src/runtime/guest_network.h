// A system container's own network stack told what Berth made: a
// systemd-networkd .network file per interface (DHCP, or the configured
// address and gateway), rewritten at every start from the config as it
// stands. Busybox containers need none: their rcS runs udhcpc.
#pragma once

#include "runtime/container_network.h"

#include <string>
#include <string_view>

namespace berth::runtime {

// The first line of every file Berth owns in /etc/systemd/network. A file
// without it is the user's: never rewritten nor removed.
inline constexpr std::string_view kGuestNetworkHeader =
    "# Written by Berth at every start from the container's lxc.net keys; "
    "delete this line to keep your own edits.";

// "10-berth-<interface>.network": read before the distribution's own files.
[[nodiscard]] std::string guestNetworkFileName(std::string_view interface);

// The .network text for one interface (pure, for tests).
[[nodiscard]] std::string guestNetworkUnit(const InterfacePlan& iface);

// In the container, on its rootfs before pivot_root (files are created by
// the container's root): writes a Berth file per interface that is up,
// removes Berth's files of interfaces the config no longer has, and leaves
// the user's files alone. Does nothing when the rootfs has no
// /etc/systemd/network (no networkd).
[[nodiscard]] Status writeGuestNetwork(int rootFd, const NetworkPlan& plan);

} // namespace berth::runtime
