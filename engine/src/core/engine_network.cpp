// Engine: networks (bridges) and port forwards.
#include "berth/engine.h"

#include "berth/config.h"
#include "spec/container_spec.h"
#include "core/engine_checks.h"
#include "net/bridge_host.h"
#include "net/host_listeners.h"
#include "net/ipv4_ops.h"
#include "net/ifname.h"
#include "net/net_spec.h"
#include "net/netlink_link.h"
#include "net/netlink_address.h"
#include "net/netlink_socket.h"
#include "net/nft_apply.h"
#include "runtime/container_network.h"
#include "runtime/plan_builder.h"
#include "runtime/spawn_monitor.h"
#include "store/container_store.h"

namespace berth {

namespace {

NetworkSettings settingsOf(const net::BridgeConfig& bridge)
{
    return NetworkSettings{
        bridge.name, bridge.gateway.toString(), net::rangeToString(bridge.dhcpRange), bridge.nat, bridge.domain,
        bridge.mtu};
}

// .2 to .199 of the subnet (or to its last address, on a smaller one).
net::Ipv4Range defaultRange(const net::Ipv4Cidr& gateway)
{
    const auto subnet = net::subnetOf(gateway);
    return {net::Ipv4Address{subnet.address.value + 2},
            net::Ipv4Address{std::min(subnet.address.value + 199, subnet.broadcast().value - 1)}};
}

// The old bridge with what the change gives applied.
Result<net::BridgeConfig> changedBridge(net::BridgeConfig bridge, const NetworkChange& change)
{
    if (change.address) {
        auto gateway = net::parseIpv4Cidr(*change.address);
        if (!gateway)
            return fail(gateway.error().wrap("network address"));
        // The old range means nothing on another subnet.
        if (!(net::subnetOf(*gateway) == net::subnetOf(bridge.gateway)))
            bridge.dhcpRange = defaultRange(*gateway);
        bridge.gateway = *gateway;
    }
    if (change.dhcpRange && change.dhcpRange->empty())
        bridge.dhcpRange = defaultRange(bridge.gateway);
    else if (change.dhcpRange) {
        auto range = net::parseIpv4Range(*change.dhcpRange);
        if (!range)
            return fail(range.error().wrap("DHCP range"));
        bridge.dhcpRange = *range;
    }
    if (change.nat)
        bridge.nat = *change.nat;
    if (change.domain)
        bridge.domain = change.domain->empty() ? NetworkSettings{}.domain : *change.domain;
    if (change.mtu)
        bridge.mtu = *change.mtu;
    return bridge;
}

// Fills what the caller left empty like defaultBridge() does, then applies
// the caller's choices over it.
Result<net::BridgeConfig> bridgeOf(const Paths& paths, const NetworkSettings& settings)
{
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    auto inUse = net::networksInUse(*sock);
    if (!inUse)
        return fail(inUse.error());
    if (auto others = net::loadBridges(paths))
        for (const auto& other : *others)
            inUse->push_back(net::subnetOf(other.gateway));
    auto bridge = net::defaultBridge(settings.name, *inUse);
    if (!settings.address.empty()) {
        auto gateway = net::parseIpv4Cidr(settings.address);
        if (!gateway)
            return fail(gateway.error().wrap("network address"));
        net::BridgeConfig chosen;
        chosen.name = settings.name;
        chosen.gateway = *gateway;
        chosen.dhcpRange = defaultRange(*gateway);
        bridge = chosen;
    }
    if (!bridge)
        return fail(bridge.error());
    if (!settings.dhcpRange.empty()) {
        auto range = net::parseIpv4Range(settings.dhcpRange);
        if (!range)
            return fail(range.error().wrap("DHCP range"));
        bridge->dhcpRange = *range;
    }
    bridge->nat = settings.nat;
    bridge->domain = settings.domain;
    bridge->mtu = settings.mtu;
    return bridge;
}

Result<ContainerSpec> specOf(const EngineSettings& settings, const std::string& name)
{
    return runtime::loadContainerSpec(settings, name);
}

// Rewrites the container's berth.net.forward lines with `change` applied.
Status editForwards(const EngineSettings& settings, const std::string& name, const std::string& forward, bool add)
{
    auto parsed = net::parsePortForward(forward);
    if (!parsed)
        return fail(parsed.error());
    auto config = runtime::loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    auto current = net::portForwardsFromConfig(*config);
    if (!current)
        return fail(current.error());
    const bool present = std::find(current->begin(), current->end(), *parsed) != current->end();
    if (add && present)
        return failWith(EEXIST, "port forward " + parsed->toString() + " already exists on '" + name + "'");
    if (!add && !present)
        return failWith(ENOENT, "container '" + name + "' has no port forward " + parsed->toString());
    config->unset("berth.net.forward");
    for (const net::PortForward& kept : *current)
        if (!(kept == *parsed))
            if (auto appended = config->append("berth.net.forward", kept.toString()); !appended)
                return appended;
    if (add)
        if (auto appended = config->append("berth.net.forward", parsed->toString()); !appended)
            return appended;
    // The whole config is checked again: a host port another forward of
    // this container holds is refused here.
    ConfigParseOptions options;
    options.baseDir = settings.paths.containerDir(name);
    options.includeRoots = settings.includeRoots;
    auto reparsed = Config::parse(config->serialize(), options);
    if (!reparsed)
        return fail(reparsed.error());
    if (auto spec = ContainerSpec::fromConfig(*reparsed); !spec)
        return fail(spec.error());
    return ContainerStore(settings.paths).writeConfig(name, config->serialize());
}

// A running container's changed forwards count only once the firewall took
// them: if it refuses, the config gets its old text back and the firewall
// its old rules, so neither holds a forward the user was told failed.
Status applyForwardsOrRestore(const EngineSettings& settings, const std::string& name, const std::string& oldConfig)
{
    auto applied = runtime::reconcileFirewall(settings);
    if (applied)
        return {};
    if (auto restored = ContainerStore(settings.paths).writeConfig(name, oldConfig); restored)
        (void)runtime::reconcileFirewall(settings);
    return fail(applied.error().wrap("forward on '" + name + "'"));
}

// Another container may not forward the same host port.
Status checkPortFree(const EngineSettings& settings, const std::string& name, const std::string& forward)
{
    auto wanted = net::parsePortForward(forward);
    auto names = ContainerStore(settings.paths).list();
    if (!wanted || !names)
        return {};
    for (const std::string& other : *names) {
        if (other == name)
            continue;
        auto spec = specOf(settings, other);
        if (!spec)
            continue;
        for (const auto& used : spec->forwards)
            if (used.protocol == wanted->protocol && used.hostPort == wanted->hostPort &&
                (!used.hostAddress || !wanted->hostAddress || used.hostAddress == wanted->hostAddress))
                return failWith(EEXIST, "host port " + std::to_string(wanted->hostPort) + " is already forwarded to '" +
                                            other + "'");
    }
    return {};
}

} // namespace

Status checkForwardFree(const EngineSettings& settings, const std::string& name, const std::string& forward)
{
    if (auto free = checkPortFree(settings, name, forward); !free)
        return free;
    if (auto parsed = net::parsePortForward(forward))
        if (auto free = net::checkHostPortFree(*parsed); !free)
            return fail(free.error().wrap("forward " + forward + " on '" + name + "'"));
    return {};
}

Result<std::vector<NetworkInfo>> Engine::networks() const
{
    auto bridges = net::loadBridges(m_settings.paths);
    if (!bridges)
        return fail(bridges.error());
    auto names = ContainerStore(m_settings.paths).list();
    auto sock = net::NetlinkSocket::open();
    std::vector<NetworkInfo> all;
    for (const auto& bridge : *bridges) {
        NetworkInfo info{settingsOf(bridge), false, {}};
        if (sock) {
            auto kind = net::linkKind(*sock, bridge.name);
            info.up = kind && *kind == "bridge";
        }
        if (names)
            for (const std::string& container : *names)
                if (auto spec = specOf(m_settings, container);
                    spec && net::attachesToBridge(spec->network, bridge.name))
                    info.containers.push_back(container);
        all.push_back(std::move(info));
    }
    return all;
}

Status Engine::changeNetwork(const NetworkChange& settings)
{
    auto old = net::loadBridge(m_settings.paths, settings.name);
    if (!old)
        return fail(old.error());
    if (auto names = ContainerStore(m_settings.paths).list())
        for (const std::string& container : *names)
            if (auto spec = specOf(m_settings, container); spec &&
                                                           net::attachesToBridge(spec->network, settings.name) &&
                                                           runtime::monitorAlive(m_settings.paths, container))
                return failWith(EBUSY,
                                "network '" + settings.name + "' is used by running container '" + container + "'");
    auto bridge = changedBridge(*old, settings);
    if (!bridge)
        return fail(bridge.error().wrap("network '" + settings.name + "'"));
    // Judged while the old one is up (its own device does not count), so a
    // refused change leaves the working bridge untouched.
    if (auto valid = net::checkBridge(m_settings.paths, *bridge); !valid)
        return fail(valid.error().wrap("network '" + settings.name + "'"));
    if (auto down = net::bridgeDown(m_settings.paths, *old); !down)
        return down;
    if (auto defined = net::defineBridge(m_settings.paths, *bridge); !defined) {
        (void)net::bridgeUp(m_settings.paths, *old);
        return fail(defined.error().wrap("network '" + settings.name + "'"));
    }
    if (auto up = net::bridgeUp(m_settings.paths, *bridge); !up)
        return up;
    return runtime::reconcileFirewall(m_settings);
}

Status Engine::createNetwork(const NetworkSettings& settings)
{
    if (auto exists = net::loadBridge(m_settings.paths, settings.name); exists)
        return failWith(EEXIST, "network '" + settings.name + "' already exists");
    if (auto valid = net::validateInterfaceName(settings.name, "network name"); !valid)
        return valid;
    // An interface of that name that Berth did not make is never taken over,
    // and is never touched by the cleanup below.
    if (auto sock = net::NetlinkSocket::open()) {
        auto exists = net::linkExists(*sock, settings.name);
        if (exists && *exists)
            return failWith(EEXIST, "an interface named '" + settings.name + "' already exists on this host");
    }
    auto bridge = bridgeOf(m_settings.paths, settings);
    if (!bridge)
        return fail(bridge.error().wrap("network '" + settings.name + "'"));
    if (auto defined = net::defineBridge(m_settings.paths, *bridge); !defined)
        return fail(defined.error().wrap("network '" + settings.name + "'"));
    if (auto up = net::bridgeUp(m_settings.paths, *bridge); !up) {
        // Nothing half made: the link and dnsmasq go, and the definition.
        (void)net::bridgeDown(m_settings.paths, *bridge);
        std::error_code ec;
        std::filesystem::remove(m_settings.paths.networkConfig(settings.name), ec);
        return fail(up.error());
    }
    return runtime::reconcileFirewall(m_settings);
}

Status Engine::deleteNetwork(const std::string& name, bool force)
{
    auto bridge = net::loadBridge(m_settings.paths, name);
    if (!bridge)
        return fail(bridge.error());
    if (auto names = ContainerStore(m_settings.paths).list()) {
        for (const std::string& container : *names) {
            auto spec = specOf(m_settings, container);
            if (!spec || !net::attachesToBridge(spec->network, name))
                continue;
            if (!force)
                return failWith(EBUSY, "network '" + name + "' is used by container '" + container + "'");
            if (runtime::monitorAlive(m_settings.paths, container))
                return failWith(EBUSY, "network '" + name + "' is used by running container '" + container + "'");
        }
    }
    if (auto down = net::bridgeDown(m_settings.paths, *bridge); !down)
        return down;
    std::error_code ec;
    std::filesystem::remove(m_settings.paths.networkConfig(name), ec);
    std::filesystem::remove(m_settings.paths.networkLeases(name), ec);
    std::filesystem::remove(m_settings.paths.networkStaticLeases(name), ec);
    return runtime::reconcileFirewall(m_settings);
}

Status Engine::stopNetworks()
{
    if (auto names = ContainerStore(m_settings.paths).list()) {
        for (const std::string& container : *names)
            if (runtime::monitorAlive(m_settings.paths, container))
                return failWith(EBUSY, "container '" + container + "' is running; stop it before the networks");
    }
    auto bridges = net::loadBridges(m_settings.paths);
    if (!bridges)
        return fail(bridges.error());
    for (const auto& bridge : *bridges)
        if (auto down = net::bridgeDown(m_settings.paths, bridge); !down)
            return fail(down.error().wrap("network '" + bridge.name + "'"));
    return net::removeRuleset();
}

Result<std::vector<std::string>> Engine::forwards(const std::string& name) const
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    auto spec = specOf(m_settings, name);
    if (!spec)
        return fail(spec.error());
    std::vector<std::string> all;
    for (const auto& forward : spec->forwards)
        all.push_back(forward.toString());
    return all;
}

Status Engine::addForward(const std::string& name, const std::string& forward)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (auto free = checkForwardFree(m_settings, name, forward); !free)
        return free;
    auto oldConfig = ContainerStore(m_settings.paths).readConfig(name);
    if (!oldConfig)
        return fail(oldConfig.error().wrap("forward on '" + name + "'"));
    if (auto edited = editForwards(m_settings, name, forward, true); !edited)
        return fail(edited.error().wrap("forward on '" + name + "'"));
    if (!runtime::monitorAlive(m_settings.paths, name))
        return {};
    return applyForwardsOrRestore(m_settings, name, *oldConfig);
}

Status Engine::removeForward(const std::string& name, const std::string& forward)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    auto oldConfig = ContainerStore(m_settings.paths).readConfig(name);
    if (!oldConfig)
        return fail(oldConfig.error().wrap("forward on '" + name + "'"));
    if (auto edited = editForwards(m_settings, name, forward, false); !edited)
        return fail(edited.error().wrap("forward on '" + name + "'"));
    if (!runtime::monitorAlive(m_settings.paths, name))
        return {};
    return applyForwardsOrRestore(m_settings, name, *oldConfig);
}

} // namespace berth
