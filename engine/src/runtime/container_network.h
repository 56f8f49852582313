// A container's network interfaces: decided before clone (bridges up,
// addresses allocated), made on the host side right after clone (veth and
// macvlan created directly in the new network namespace), configured by
// the container's init from inside, and removed when it stops.
#pragma once

#include "berth/engine.h"
#include "spec/container_spec.h"
#include "net/ipv4.h"

#include <optional>
#include <string>
#include <vector>

namespace berth::runtime {

struct InterfacePlan {
    net::NetInterfaceSpec::Type type = net::NetInterfaceSpec::Type::Veth;
    std::string hostName; // veth: the host end
    int hostIndex = 0;    // veth: the host end's ifindex once made (0: not made by this start)
    std::string bridge;   // veth: the bridge the host end joins
    std::string parent;   // macvlan: the parent link
    std::string macvlanMode;
    std::string name; // inside the container
    std::string mac;
    unsigned mtu = 0;
    std::optional<net::Ipv4Cidr> address; // configured by the init; none = DHCP
    std::optional<net::Ipv4Address> gateway;
    bool up = true;
};

struct NetworkPlan {
    bool hostNetwork = false; // lxc.net.0.type = none
    std::vector<InterfacePlan> interfaces;
    std::string resolvConf;               // written into the rootfs; empty = left alone
    std::string linkMarker;               // alias of the host ends (net::vethMarker)
    std::vector<std::string> bridgesMade; // Berth's bridges this start brought up (absent before)
};

// Address allocation, firewall rebuilds and the address check of a new
// container take turns: held while the returned descriptor is open.
[[nodiscard]] Result<UniqueFd> lockNetworks(const Paths& paths);

// In the monitor, before clone: brings the bridges up, gives every bridged
// interface an address from the bridge's IPAM (set by the init for
// application containers, handed out by dnsmasq for system containers),
// and publishes the container's name to the bridge's DNS.
[[nodiscard]] Result<NetworkPlan> prepareContainerNetwork(const EngineSettings& settings, const std::string& name,
                                                          const ContainerSpec& spec);
// After a failed start of `name`, once its host ends are gone: each bridge
// the start made (plan.bridgesMade) goes down with its dnsmasq, unless a
// link joined it since or another container's monitor, running or
// starting, has an interface on it. Its definition stays.
void removeBridgesMade(const EngineSettings& settings, const std::string& name, const NetworkPlan& plan);
// In the monitor, after clone, before the child goes on: the links, made
// inside the child's namespace, the host ends marked with plan.linkMarker.
// Returns the host ends' ifindexes in the order of plan.interfaces (0 for
// a macvlan). On failure, what was made is removed, and nothing else.
[[nodiscard]] Result<std::vector<int>> createHostSide(const NetworkPlan& plan, pid_t child);
// In the child, in its own network namespace: addresses, routes, up.
[[nodiscard]] Status configureInsideContainer(const NetworkPlan& plan);
// In the monitor at stop: host ends and DNS entries go (the addresses stay
// reserved for the container until it is destroyed). A host end is deleted
// only if it bears the marker, and has the index it was made with when
// that is known: never a host's link that has the name.
void removeHostSide(const EngineSettings& settings, const std::string& name, const NetworkPlan& plan);
// After its monitor was lost (killed) and what ran in its cgroup is gone:
// the host ends still there (by the names the state file recorded and the
// ones the config gives, only when they bear the container's marker) and
// its DNS entries, as removeHostSide does for a monitor at stop. True when
// it had a veth or a forward: Berth's table may hold something of it.
bool removeHostSideOfLostMonitor(const EngineSettings& settings, const std::string& name,
                                 const std::vector<std::string>& recordedHostEnds);
// On destroy: the container's addresses go back to the bridges' pools, and
// dnsmasq's leases of its MAC end (a DHCPRELEASE each), so no lease is left.
void releaseContainerAddresses(const EngineSettings& settings, const std::string& name);

// Rebuilds Berth's nftables table from every bridge and the port forwards of
// every running container (but `stopping`), and applies it atomically.
[[nodiscard]] Status reconcileFirewall(const EngineSettings& settings, std::string_view stopping = {});

} // namespace berth::runtime
