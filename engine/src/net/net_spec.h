// A container's network as its config describes it: the lxc.net.N.* keys
// and Berth's port forwards (berth.net.forward).
#pragma once

#include "berth/config.h"
#include "berth/error.h"
#include "berth/model/forward.h"
#include "net/ipv4.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::net {

struct NetInterfaceSpec {
    enum class Type { Veth, Macvlan, Empty, None };
    Type type = Type::Empty;
    unsigned index = 0;        // N of lxc.net.N
    std::string link;          // bridge (veth) or parent link (macvlan)
    std::string name = "eth0"; // inside the container; empty for empty and none
    std::string hwaddr;        // lower case; empty = stableMac() at start
    unsigned mtu = 0;          // 0 = the link's default
    bool up = true;            // lxc.net.N.flags = up
    std::optional<Ipv4Cidr> ipv4;
    std::optional<Ipv4Address> gateway;
    bool gatewayAuto = false; // ipv4.gateway = auto: the bridge's address
    std::string vethPair;     // host end name; empty = generated
    std::string macvlanMode = "bridge";
    std::string where; // "config:7", where the interface's first key stands

    bool operator==(const NetInterfaceSpec&) const = default;
};

// "tcp:8080:80", "udp:127.0.0.1:5353:53": model's ForwardSpec, printed
// with toString(); protocolName() spells "tcp" / "udp" as nftables does.
using PortForward = model::ForwardSpec;
using model::protocolName;

// The same parser, its errors EINVAL and naming the part at fault.
[[nodiscard]] Result<PortForward> parsePortForward(std::string_view text);

// The interfaces of lxc.net.N.* in order of N. Errors name the key and
// line: "config:7: lxc.net.0.type: 'bogus' is not veth, macvlan, empty or
// none". An empty "lxc.net =" clears what came before, as in LXC. Keys LXC
// has but Berth does not support (ipv6.*, script.*, vlan.*, ...) are
// errors, not silently ignored. Interfaces without a name get the lowest
// free ethK.
[[nodiscard]] Result<std::vector<NetInterfaceSpec>> netInterfacesFromConfig(const Config& config);

// Every berth.net.forward value; the same protocol and host port twice (on
// the same or an unspecified host address) is an error.
[[nodiscard]] Result<std::vector<PortForward>> portForwardsFromConfig(const Config& config);

// "lxc.net.3.ipv4.address" -> "ipv4.address"; nothing for a key that is
// not an interface's (or names no valid index).
std::optional<std::string_view> interfaceSubkey(std::string_view key);

// What makes an interface one container's own on the network: its static
// addresses, its MAC and its host end's name. Two containers holding the
// same one clash as soon as both run (a clone, an imported copy).
bool isInterfaceIdentity(std::string_view subkey);

// The bridge a veth joins: its lxc.net.N.link, Berth's default bridge when
// none is named.
[[nodiscard]] std::string bridgeNameOf(const NetInterfaceSpec& iface);

// One of `interfaces` is a veth on `bridge`.
[[nodiscard]] bool attachesToBridge(const std::vector<NetInterfaceSpec>& interfaces, std::string_view bridge);

} // namespace berth::net
