// A port forward, "PROTO:[HOSTADDR:]HOSTPORT:PORT" ("tcp:8080:80",
// "udp:127.0.0.1:5353:53"): the text of berth.net.forward, of AddForward's
// argument and of what ListForwards returns. tcp or udp, ports 1..65535.
#pragma once

#include "berth/model/ipv4.h"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace berth::model {

struct ForwardSpec {
    enum class Protocol { Tcp, Udp };
    Protocol protocol = Protocol::Tcp;
    std::optional<Ipv4Address> hostAddress; // none = every local address
    std::uint16_t hostPort = 0;
    std::uint16_t containerPort = 0;

    [[nodiscard]] std::string toString() const; // the wire text
    // A host port below 1024 (host_ports.h): the admin action.
    [[nodiscard]] bool needsAdmin() const;
    bool operator==(const ForwardSpec&) const = default;
};

// "tcp" / "udp", as nftables and the config spell them.
[[nodiscard]] std::string_view protocolName(ForwardSpec::Protocol protocol);

enum class ForwardProblem {
    Shape,       // not 3 or 4 parts separated by ':'
    Protocol,    // not tcp or udp
    HostAddress, // not an IPv4 address
    Port,        // not a number in 1..65535
};

struct ForwardError {
    ForwardProblem problem = ForwardProblem::Shape;
    std::string part; // the part at fault (the whole text for Shape)
};

[[nodiscard]] std::expected<ForwardSpec, ForwardError> parseForwardSpec(std::string_view text);

} // namespace berth::model
