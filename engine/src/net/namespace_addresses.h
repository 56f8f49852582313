// The IPv4 addresses a running container really has: read with netlink
// inside its network namespace, for display (GetContainer's `addresses`).
// Reading only: nothing in the namespace is changed or trusted beyond the
// addresses it reports.
#pragma once

#include "berth/error.h"
#include "net/ipv4.h"

#include <string>
#include <vector>

namespace berth::net {

struct InterfaceAddress {
    std::string interface; // its name inside, "eth0"
    Ipv4Cidr address;      // "10.0.3.200/24"
};

// Every IPv4 address of host scope or wider in the network namespace of
// the process behind `pidfd` (a pidfd, so a recycled pid cannot be read
// instead), without loopback's (host scope): in the kernel's order. A
// short-lived thread joins the namespace (setns on the pidfd), so the
// caller's namespace never changes. A process sharing the caller's network
// namespace has none of its own: empty.
[[nodiscard]] Result<std::vector<InterfaceAddress>> namespaceAddresses(int pidfd);

} // namespace berth::net
