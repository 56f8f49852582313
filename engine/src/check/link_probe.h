// Asking the kernel itself whether it can make each kind of link the
// network code uses, by making one in a network namespace that is thrown
// away at once.
#pragma once

#include "berth/error.h"

#include <array>
#include <string>

namespace berth::check {

enum class LinkKind { Veth, Bridge, Macvlan, Vlan };
inline constexpr std::array kLinkKinds{LinkKind::Veth, LinkKind::Bridge, LinkKind::Macvlan, LinkKind::Vlan};

// Per kind: 0 when the link was created, else a (negative) libnl error code.
struct LinkProbeReport {
    std::array<int, kLinkKinds.size()> results{};

    [[nodiscard]] int result(LinkKind kind) const { return results[static_cast<size_t>(kind)]; }
};

// Forks a child that unshares a new network namespace, creates a veth
// pair, a bridge, and a macvlan and a vlan on the veth, writes what worked
// to a pipe and exits; its namespace and links vanish with it. Needs
// CAP_SYS_ADMIN (unshare) and CAP_NET_ADMIN; an error when the child could
// not even set up (EPERM without root).
[[nodiscard]] Result<LinkProbeReport> probeLinkKinds();

// "Operation not supported" for a libnl error code.
[[nodiscard]] std::string linkProbeErrorText(int code);

} // namespace berth::check
