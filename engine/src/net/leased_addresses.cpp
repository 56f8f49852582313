#include "net/leased_addresses.h"

#include "net/bridge_host.h"
#include "net/ipam.h"
#include "net/ipv4_ops.h"

#include <algorithm>
#include <cerrno>
#include <string>

namespace berth::net {

namespace {

// The bridges whose leases count, each once (one lease per container per
// bridge, however many interfaces join it).
std::vector<std::string> leasingBridges(const std::vector<NetInterfaceSpec>& interfaces)
{
    std::vector<std::string> bridges;
    for (const NetInterfaceSpec& iface : interfaces) {
        if (iface.type != NetInterfaceSpec::Type::Veth || iface.ipv4)
            continue;
        std::string bridge = iface.link.empty() ? std::string(kDefaultBridge) : iface.link;
        if (std::ranges::find(bridges, bridge) == bridges.end())
            bridges.push_back(std::move(bridge));
    }
    return bridges;
}

// The container's lease on one bridge, if it has one that fits.
Result<std::optional<Ipv4Cidr>> leaseOn(const Paths& paths, std::string_view container, const std::string& name)
{
    auto bridge = loadBridge(paths, name);
    if (!bridge) {
        if (bridge.error().code == ENOENT)
            return std::optional<Ipv4Cidr>{};
        return fail(bridge.error());
    }
    auto table = LeaseTable::load(paths.networkStaticLeases(name));
    if (!table)
        return fail(table.error());
    const std::optional<Lease> lease = table->find(container);
    if (!lease || !subnetOf(bridge->gateway).contains(lease->address))
        return std::optional<Ipv4Cidr>{};
    return std::optional(Ipv4Cidr{lease->address, bridge->gateway.prefix});
}

} // namespace

Result<std::vector<Ipv4Cidr>> leasedAddresses(const Paths& paths, std::string_view container,
                                              const std::vector<NetInterfaceSpec>& interfaces)
{
    std::vector<Ipv4Cidr> addresses;
    for (const std::string& bridge : leasingBridges(interfaces)) {
        auto lease = leaseOn(paths, container, bridge);
        if (!lease)
            return fail(lease.error().wrap("leased address of '" + std::string(container) + "' on '" + bridge + "'"));
        if (*lease)
            addresses.push_back(**lease);
    }
    return addresses;
}

} // namespace berth::net
