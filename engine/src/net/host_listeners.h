// Whether a service of the host listens on a port, from the socket tables
// of the caller's network namespace (/proc/net/{tcp,tcp6,udp,udp6}). A
// port forward of such a port would take the service's traffic (DNAT runs
// before the socket lookup), so it is refused, at AddForward and at start.
#pragma once

#include "berth/error.h"
#include "net/net_spec.h"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace berth::net {

// The local ports of one table's listening sockets: TCP in LISTEN, UDP
// bound and unconnected. `text` is a /proc/net/tcp-style table (IPv4 or
// IPv6); malformed lines are skipped.
[[nodiscard]] std::vector<std::uint16_t> listeningPorts(std::string_view text, bool tcp);

// EADDRINUSE naming the port and why when a socket of the host listens on
// the forward's protocol and host port (any address: a wildcard listener
// and a forward on one address catch the same packets). `procNet` is the
// directory of the tables (a fixture in tests).
[[nodiscard]] Status checkHostPortFree(const PortForward& forward,
                                       const std::filesystem::path& procNet = "/proc/self/net");

} // namespace berth::net
