#include "core/create_setup.h"

#include "cgroup/limit_writes.h"
#include "cgroup/limits_config.h"
#include "spec/container_spec.h"
#include "config/values.h"
#include "core/engine_checks.h"
#include "fs/atomic_file.h"
#include "net/bridge_host.h"
#include "net/ipam.h"
#include "net/net_spec.h"
#include "runtime/plan_builder.h"
#include "store/container_store.h"

#include <algorithm>

namespace berth {

namespace {

bool isDefaultBridge(const std::string& network)
{
    return network == net::kDefaultBridge;
}

// The bridge's definition when it is one of Berth's; nullopt for a bridge
// of the host's, whose subnet Berth does not know.
Result<std::optional<net::BridgeConfig>> berthBridge(const Paths& paths, const std::string& network)
{
    if (isDefaultBridge(network)) {
        auto bridge = net::defaultBridgeDefined(paths);
        if (!bridge)
            return fail(bridge.error());
        return std::optional<net::BridgeConfig>(*bridge);
    }
    if (!net::isBerthBridge(paths, network))
        return std::optional<net::BridgeConfig>();
    auto bridge = net::loadBridge(paths, network);
    if (!bridge)
        return fail(bridge.error());
    return std::optional<net::BridgeConfig>(*bridge);
}

// "10.0.3.20" with the bridge's prefix, or "10.0.3.20/24" as given.
Result<net::Ipv4Cidr> addressOf(const Paths& paths, const std::string& network, const std::string& text)
{
    if (network.empty())
        return failWith(EINVAL, "address " + text + ": the container has no network to have it on");
    if (text.find('/') != std::string::npos)
        return net::parseIpv4Cidr(text);
    auto address = net::parseIpv4Address(text);
    if (!address)
        return fail(address.error());
    auto bridge = berthBridge(paths, network);
    if (!bridge)
        return fail(bridge.error());
    if (!*bridge)
        return failWith(EINVAL, "address " + text + ": '" + network +
                                    "' is not one of Berth's networks, so the address needs its prefix (/24)");
    return net::Ipv4Cidr{*address, (*bridge)->gateway.prefix};
}

// Another container's config or the bridge's leases hold `address`.
Status checkAddressFree(const EngineSettings& settings, const std::string& name, const net::BridgeConfig& bridge,
                        net::Ipv4Address address)
{
    const std::string what = "address " + address.toString() + " on network '" + bridge.name + "'";
    auto table = net::LeaseTable::load(settings.paths.networkStaticLeases(bridge.name));
    if (!table)
        return fail(table.error());
    for (const net::Lease& lease : table->leases())
        if (lease.address == address && lease.container != name)
            return failWith(EEXIST, what + " is held by container '" + lease.container + "'");
    auto names = ContainerStore(settings.paths).list();
    if (!names)
        return fail(names.error());
    for (const std::string& other : *names) {
        auto spec = runtime::loadContainerSpec(settings, other);
        if (!spec || other == name)
            continue;
        for (const auto& iface : spec->network)
            if (iface.ipv4 && iface.ipv4->address == address && net::bridgeNameOf(iface) == bridge.name)
                return failWith(EEXIST, what + " is held by container '" + other + "'");
    }
    return {};
}

Status checkAddress(const EngineSettings& settings, const std::string& name, const std::string& network,
                    const std::string& text)
{
    auto cidr = addressOf(settings.paths, network, text);
    if (!cidr)
        return fail(cidr.error());
    auto bridge = berthBridge(settings.paths, network);
    if (!bridge)
        return fail(bridge.error());
    if (!*bridge)
        return {}; // a host's bridge: its addresses are the host's business
    const net::BridgeConfig& b = **bridge;
    if (!b.gateway.contains(cidr->address) || cidr->prefix != b.gateway.prefix)
        return failWith(EINVAL, "address " + cidr->toString() + " is not on network '" + b.name + "' (" +
                                    b.gateway.toString() + ")");
    if (cidr->address == b.gateway.address)
        return failWith(EINVAL, "address " + cidr->toString() + " is the address of network '" + b.name + "' itself");
    return checkAddressFree(settings, name, b, cidr->address);
}

} // namespace

Result<net::Ipv4Cidr> resolveStaticAddress(const Paths& paths, const std::string& network, const std::string& text)
{
    return addressOf(paths, network, text);
}

Status checkStaticAddressOnHost(const EngineSettings& settings, const std::string& name, const std::string& network,
                                const std::string& text)
{
    return checkAddress(settings, name, network, text);
}

bool CreateSetup::empty() const
{
    return address.empty() && forwards.empty() && limits.empty() && !autostart && environment.empty() &&
           !removeWhenStopped && config.empty();
}

Status writeSetup(const EngineSettings& settings, const std::string& network, const CreateSetup& setup, Config& config)
{
    if (!setup.address.empty()) {
        auto cidr = addressOf(settings.paths, network, setup.address);
        if (!cidr)
            return fail(cidr.error());
        if (auto set = config.set("lxc.net.0.ipv4.address", cidr->toString()); !set)
            return set;
    }
    for (const std::string& forward : setup.forwards) {
        auto parsed = net::parsePortForward(forward);
        if (!parsed)
            return fail(parsed.error());
        if (auto added = config.append("berth.net.forward", parsed->toString()); !added)
            return added;
    }
    if (!setup.limits.empty())
        if (auto stored = cgroup::storeLimitsInConfig(config, setup.limits); !stored)
            return stored;
    if (setup.autostart)
        if (auto set = config.set("lxc.start.auto", "1"); !set)
            return set;
    for (const std::string& variable : setup.environment) {
        // LXC would take a bare NAME from the host's environment: never the helper's.
        if (variable.find('=') == std::string::npos || variable.front() == '=')
            return failWith(EINVAL, "environment " + quoteForMessage(variable) + " is not NAME=VALUE");
        if (auto added = config.append("lxc.environment", variable); !added)
            return added;
    }
    if (setup.removeWhenStopped)
        if (auto set = config.set("berth.remove_when_stopped", "1"); !set)
            return set;
    for (const auto& [key, value] : setup.config)
        if (auto added = config.append(key, value); !added)
            return added;
    return {};
}

Status checkSetupOnHost(const EngineSettings& settings, const std::string& name, const std::string& network,
                        const CreateSetup& setup)
{
    if (!setup.limits.empty())
        if (auto valid = cgroup::validateLimitsOnHost(setup.limits); !valid)
            return fail(valid.error().wrap("limits"));
    for (const std::string& forward : setup.forwards)
        if (auto free = checkForwardFree(settings, name, forward); !free)
            return free;
    if (!setup.address.empty())
        return checkAddress(settings, name, network, setup.address);
    return {};
}

Status applySetupToStaged(const EngineSettings& settings, const CreateRequest& request,
                          const std::filesystem::path& configFile)
{
    ConfigParseOptions options;
    options.baseDir = configFile.parent_path();
    options.includeRoots = settings.includeRoots;
    auto config = Config::load(configFile, options);
    if (!config)
        return fail(config.error());
    if (auto written = writeSetup(settings, request.network, request.setup, *config); !written)
        return written;
    // Checked as a whole, as any config change is: two forwards of one host
    // port, a network or broadcast address, an environment line without '='.
    const std::string text = config->serialize();
    auto reparsed = Config::parse(text, options);
    if (!reparsed)
        return fail(reparsed.error());
    if (auto spec = ContainerSpec::fromConfig(*reparsed); !spec)
        return fail(spec.error());
    return fs::writeStagedFile(configFile, text, 0640);
}

} // namespace berth
