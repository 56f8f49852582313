#include "runtime/container_network.h"

#include "fs/atomic_file.h"
#include "fs/lock_file.h"
#include "net/bridge_host.h"
#include "net/dhcp_release.h"
#include "net/dnsmasq_leases.h"
#include "net/dnsmasq_process.h"
#include "net/host_listeners.h"
#include "net/ipam.h"
#include "net/ipv4_ops.h"
#include "net/mac.h"
#include "net/netlink_address.h"
#include "net/netlink_link.h"
#include "net/netlink_owned.h"
#include "net/netlink_socket.h"
#include "net/netlink_veth.h"
#include "net/nft_apply.h"
#include "net/nft_ruleset.h"
#include "runtime/plan_builder.h"
#include "runtime/spawn_monitor.h"
#include "store/container_store.h"

#include <algorithm>
#include <cstdio>

#include <fcntl.h>

namespace berth::runtime {

namespace fsys = std::filesystem;
using net::NetInterfaceSpec;

Result<UniqueFd> lockNetworks(const Paths& paths)
{
    std::error_code ec;
    fsys::create_directories(paths.networkLock().parent_path(), ec);
    UniqueFd dir(::open(paths.networkLock().parent_path().c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open " + paths.networkLock().parent_path().string());
    return fs::lockFileAt(dir.get(), paths.networkLock().filename().string(), true);
}

namespace {

// "vb" and 8 hex digits: unique enough per container and interface, and
// within the 15 bytes an interface name may have.
std::string hostVethName(const std::string& container, unsigned index)
{
    std::uint32_t hash = 2166136261u;
    for (char c : container + ":" + std::to_string(index))
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    char name[16];
    std::snprintf(name, sizeof(name), "vb%08x", hash);
    return name;
}

Result<net::BridgeConfig> bridgeFor(const Paths& paths, const NetInterfaceSpec& iface)
{
    if (iface.link.empty() || iface.link == net::kDefaultBridge)
        return net::defaultBridgeDefined(paths);
    return net::loadBridge(paths, iface.link);
}

Result<net::Ipv4Address> addressOnBridge(const Paths& paths, const std::string& name, const NetInterfaceSpec& iface,
                                         const net::BridgeConfig& bridge, const std::string& mac)
{
    auto lock = lockNetworks(paths);
    if (!lock)
        return fail(lock.error());
    const fsys::path file = paths.networkStaticLeases(bridge.name);
    auto table = net::LeaseTable::load(file);
    if (!table)
        return fail(table.error());
    // Two containers with one MAC on a bridge would steal each other's frames.
    for (const net::Lease& lease : table->leases())
        if (lease.container != name && lease.mac == mac)
            return failWith(EEXIST, "MAC address " + mac + " at " + iface.where + " is already used by container '" +
                                        lease.container + "'");
    // What dnsmasq leased from its range to other clients is theirs.
    auto dynamic = net::loadDnsmasqLeases(paths.networkLeases(bridge.name));
    if (!dynamic)
        return fail(dynamic.error());
    const std::vector<net::Ipv4Address> taken = net::leasedToOthers(*dynamic, mac);
    net::Ipv4Address address;
    if (iface.ipv4) {
        if (!bridge.gateway.contains(iface.ipv4->address))
            return failWith(EINVAL, "address " + iface.ipv4->toString() + " at " + iface.where +
                                        " is not on network '" + bridge.name + "' (" + bridge.gateway.toString() + ")");
        if (std::ranges::find(taken, iface.ipv4->address) != taken.end())
            return failWith(EEXIST, "address " + iface.ipv4->toString() + " at " + iface.where +
                                        " is leased by DHCP to another client on network '" + bridge.name + "'");
        if (auto reserved = table->reserve(name, iface.ipv4->address, mac); !reserved)
            return fail(reserved.error());
        address = iface.ipv4->address;
    } else {
        auto allocated = table->allocate(name, bridge, mac, taken);
        if (!allocated)
            return fail(allocated.error().wrap("address for '" + name + "' on '" + bridge.name + "'"));
        address = *allocated;
    }
    if (auto saved = table->save(file); !saved)
        return fail(saved.error());
    return address;
}

// The container's name in the bridge's DNS, and its address kept over DHCP.
Status publish(const Paths& paths, const net::BridgeConfig& bridge, const std::string& name,
               const std::string& hostname, net::Ipv4Address address, const std::string& mac)
{
    const std::string ip = address.toString();
    if (auto hosts = fs::writeFileAtomic(net::hostsDir(paths, bridge.name) / name, ip + " " + hostname + "\n", 0644);
        !hosts)
        return hosts;
    if (auto dhcp = fs::writeFileAtomic(net::dhcpHostsDir(paths, bridge.name) / name,
                                        mac + "," + ip + "," + hostname + "\n", 0644);
        !dhcp)
        return dhcp;
    // dnsmasq keeps the entry of a destroyed container (or this one's old
    // address) until SIGHUP; a stale entry for the same address makes it
    // hand out another one from its range instead of the leased one.
    return net::reloadDnsmasq(net::dnsmasqPidFile(paths, bridge.name));
}

// What every interface takes from its lxc.net.N keys as they stand.
InterfacePlan interfaceFromSpec(const std::string& name, const NetInterfaceSpec& iface)
{
    InterfacePlan out;
    out.type = iface.type;
    out.name = iface.name;
    out.mac = iface.hwaddr.empty() ? net::stableMac(name, iface.index) : iface.hwaddr;
    out.mtu = iface.mtu;
    out.up = iface.up;
    return out;
}

// The host end must be a new link: a name some link of the host has (a
// bridge, a VPN link) is refused before anything is made, so the failure
// can never be cleaned up by deleting that link.
Status checkHostEndFree(const NetInterfaceSpec& iface, const std::string& hostName)
{
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    auto exists = net::linkExists(*sock, hostName);
    if (!exists)
        return fail(exists.error());
    if (!*exists)
        return {};
    const std::string key = "lxc.net." + std::to_string(iface.index) + ".veth.pair";
    if (iface.vethPair.empty())
        return failWith(EEXIST, "the host end '" + hostName + "' of lxc.net." + std::to_string(iface.index) +
                                    " is taken by an existing interface; set " + key + " to a free name");
    return failWith(EEXIST,
                    iface.where + ": " + key + " = '" + hostName +
                        "' names an interface the host has already; "
                        "the host end of a veth must be a new link (Berth never takes over or deletes a host's link)",
                    iface.where + " " + key);
}

// A veth whose host end joins `bridge`.
Result<InterfacePlan> vethFromSpec(const std::string& name, const NetInterfaceSpec& iface, const std::string& bridge)
{
    InterfacePlan out = interfaceFromSpec(name, iface);
    out.hostName = iface.vethPair.empty() ? hostVethName(name, iface.index) : iface.vethPair;
    out.bridge = bridge;
    if (Status free = checkHostEndFree(iface, out.hostName); !free)
        return fail(free.error());
    return out;
}

// lxc.net.N.link names a bridge of the host that is not one of Berth's (no
// networks/<name>.conf): the host end joins it as LXC's veth does. Its
// addresses, DHCP and DNS are whatever the host runs there; Berth neither
// creates it nor allocates on it, and only the configured address is set.
Result<InterfacePlan> planHostBridgeVeth(const std::string& name, const NetInterfaceSpec& iface)
{
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    auto kind = net::linkKind(*sock, iface.link);
    if (!kind)
        return fail(kind.error().wrap("bridge '" + iface.link + "' (not one of Berth's networks)"));
    if (*kind != "bridge")
        return failWith(EINVAL, "link '" + iface.link + "' is not a bridge");
    auto out = vethFromSpec(name, iface, iface.link);
    if (!out)
        return out;
    out->address = iface.ipv4;
    out->gateway = iface.gateway;
    return out;
}

// Brings one of Berth's bridges up, noting it in `plan` when this start
// made it (a failed start takes it down again).
Status bridgeUpFor(const Paths& paths, const net::BridgeConfig& bridge, NetworkPlan& plan)
{
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    auto existed = net::linkExists(*sock, bridge.name);
    if (!existed)
        return fail(existed.error());
    if (!*existed && std::ranges::find(plan.bridgesMade, bridge.name) == plan.bridgesMade.end())
        plan.bridgesMade.push_back(bridge.name);
    return net::bridgeUp(paths, bridge);
}

Result<InterfacePlan> planVeth(const EngineSettings& settings, const std::string& name, const ContainerSpec& spec,
                               const NetInterfaceSpec& iface, NetworkPlan& plan)
{
    if (!net::isBerthBridge(settings.paths, iface.link))
        return planHostBridgeVeth(name, iface);
    auto bridge = bridgeFor(settings.paths, iface);
    if (!bridge)
        return fail(bridge.error());
    if (auto up = bridgeUpFor(settings.paths, *bridge, plan); !up)
        return fail(up.error());
    auto planned = vethFromSpec(name, iface, bridge->name);
    if (!planned)
        return planned;
    InterfacePlan out = std::move(*planned);
    if (!out.mtu)
        out.mtu = bridge->mtu;
    auto address = addressOnBridge(settings.paths, name, iface, *bridge, out.mac);
    if (!address)
        return fail(address.error());
    // Application containers run no DHCP client: the init sets the address.
    // System containers ask dnsmasq, which hands out the same one.
    if (iface.ipv4 || spec.kind == ContainerKind::Application) {
        out.address = net::Ipv4Cidr{*address, bridge->gateway.prefix};
        out.gateway = iface.gateway ? iface.gateway : std::optional(bridge->gateway.address);
    }
    if (auto published = publish(settings.paths, *bridge, name, spec.hostname, *address, out.mac); !published)
        return fail(published.error());
    if (plan.resolvConf.empty())
        plan.resolvConf = "nameserver " + bridge->gateway.address.toString() + "\nsearch " + bridge->domain + "\n";
    return out;
}

} // namespace

Result<NetworkPlan> prepareContainerNetwork(const EngineSettings& settings, const std::string& name,
                                            const ContainerSpec& spec)
{
    // Checked again at every start: a host service may have taken the port since.
    for (const net::PortForward& forward : spec.forwards)
        if (auto free = net::checkHostPortFree(forward); !free)
            return fail(free.error().wrap("berth.net.forward = " + forward.toString()));
    NetworkPlan plan;
    plan.linkMarker = net::vethMarker(name);
    for (const NetInterfaceSpec& iface : spec.network) {
        switch (iface.type) {
        case NetInterfaceSpec::Type::None:
            plan.hostNetwork = true;
            break;
        case NetInterfaceSpec::Type::Empty:
            break;
        case NetInterfaceSpec::Type::Veth: {
            auto veth = planVeth(settings, name, spec, iface, plan);
            if (!veth) {
                removeBridgesMade(settings, name, plan);
                return fail(veth.error().wrap("network interface at " + iface.where));
            }
            plan.interfaces.push_back(std::move(*veth));
            break;
        }
        case NetInterfaceSpec::Type::Macvlan: {
            InterfacePlan macvlan = interfaceFromSpec(name, iface);
            macvlan.parent = iface.link;
            macvlan.macvlanMode = iface.macvlanMode;
            macvlan.address = iface.ipv4;
            macvlan.gateway = iface.gateway;
            plan.interfaces.push_back(std::move(macvlan));
            break;
        }
        }
    }
    return plan;
}

namespace {

// Another container's monitor runs (or is starting it: it holds its lock
// from the first step) with a veth on `bridge` in its config.
bool wantedByAnother(const EngineSettings& settings, const std::string& self, const std::string& bridge)
{
    auto names = ContainerStore(settings.paths).list();
    if (!names)
        return true; // unknown: keep the bridge
    for (const std::string& name : *names) {
        if (name == self || !monitorAlive(settings.paths, name))
            continue;
        auto spec = loadContainerSpec(settings, name);
        if (!spec || net::attachesToBridge(spec->network, bridge))
            return true;
    }
    return false;
}

} // namespace

void removeBridgesMade(const EngineSettings& settings, const std::string& name, const NetworkPlan& plan)
{
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return;
    for (const std::string& made : plan.bridgesMade) {
        auto ports = net::bridgeHasPorts(*sock, made);
        auto bridge = net::loadBridge(settings.paths, made);
        if (ports && !*ports && bridge && !wantedByAnother(settings, name, made))
            (void)net::bridgeDown(settings.paths, *bridge);
    }
}

namespace {

// A veth whose host end is marked as this container's; its index, or 0
// with `step` failed. What was made is deleted by index on failure.
int makeVeth(net::NetlinkSocket& sock, const NetworkPlan& plan, const InterfacePlan& iface, pid_t child, Status& step)
{
    step = net::createVethPair(sock, iface.hostName, iface.name, child, iface.mac, iface.mtu);
    if (!step)
        return 0;
    Result<int> index = net::linkIndex(sock, iface.hostName);
    if (!index) {
        step = fail(index.error());
        return 0;
    }
    step = net::markLink(sock, *index, plan.linkMarker);
    if (step)
        step = net::setMaster(sock, iface.hostName, iface.bridge);
    if (step)
        step = net::setLinkUp(sock, iface.hostName, true);
    if (!step)
        (void)net::deleteLinkAt(sock, *index);
    return step ? *index : 0;
}

} // namespace

Result<std::vector<int>> createHostSide(const NetworkPlan& plan, pid_t child)
{
    std::vector<int> made;
    if (plan.interfaces.empty())
        return made;
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    for (const InterfacePlan& iface : plan.interfaces) {
        Status step;
        int index = 0;
        if (iface.type == NetInterfaceSpec::Type::Veth)
            index = makeVeth(*sock, plan, iface, child, step);
        else
            step = net::createMacvlan(*sock, iface.parent, iface.name, iface.macvlanMode, child, iface.mac, iface.mtu);
        if (!step) {
            for (int link : made)
                if (link > 0)
                    (void)net::deleteOwnedLink(*sock, {}, link, plan.linkMarker);
            return fail(step.error());
        }
        made.push_back(index);
    }
    return made;
}

Status configureInsideContainer(const NetworkPlan& plan)
{
    if (plan.interfaces.empty())
        return {};
    auto sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    for (const InterfacePlan& iface : plan.interfaces)
        if (auto configured = net::configureInterface(*sock, iface.name, iface.address,
                                                      iface.up ? iface.gateway : std::nullopt, iface.up);
            !configured)
            return fail(configured.error().wrap("configure " + iface.name));
    return {};
}

void removeHostSide(const EngineSettings& settings, const std::string& name, const NetworkPlan& plan)
{
    auto sock = net::NetlinkSocket::open();
    for (const InterfacePlan& iface : plan.interfaces) {
        if (iface.type != NetInterfaceSpec::Type::Veth)
            continue;
        // The peer usually took the pair with it when the namespace died.
        if (sock && !plan.linkMarker.empty())
            (void)net::deleteOwnedLink(*sock, iface.hostName, iface.hostIndex, plan.linkMarker);
        std::error_code ec;
        fsys::remove(net::hostsDir(settings.paths, iface.bridge) / name, ec);
    }
}

bool removeHostSideOfLostMonitor(const EngineSettings& settings, const std::string& name,
                                 const std::vector<std::string>& recordedHostEnds)
{
    std::vector<std::string> hostEnds = recordedHostEnds;
    std::vector<std::string> bridges;
    auto spec = loadContainerSpec(settings, name);
    if (spec)
        for (const NetInterfaceSpec& iface : spec->network) {
            if (iface.type != NetInterfaceSpec::Type::Veth)
                continue;
            hostEnds.push_back(iface.vethPair.empty() ? hostVethName(name, iface.index) : iface.vethPair);
            if (!net::isBerthBridge(settings.paths, iface.link))
                continue;
            if (auto bridge = bridgeFor(settings.paths, iface))
                bridges.push_back(bridge->name);
        }
    // Index 0: any link of that name, but only one bearing the marker.
    if (auto sock = net::NetlinkSocket::open())
        for (const std::string& hostEnd : hostEnds)
            (void)net::deleteOwnedLink(*sock, hostEnd, 0, net::vethMarker(name));
    for (const std::string& bridge : bridges) {
        std::error_code ec;
        fsys::remove(net::hostsDir(settings.paths, bridge) / name, ec);
    }
    return !hostEnds.empty() || (spec && !spec->forwards.empty());
}

namespace {

// dnsmasq's leases of the container's MAC end now, not when they expire.
void releaseDnsmasqLeases(const Paths& paths, const net::BridgeConfig& bridge, const std::string& mac)
{
    auto leases = net::loadDnsmasqLeases(paths.networkLeases(bridge.name));
    if (!leases || mac.empty())
        return;
    for (const net::DynamicLease& lease : *leases)
        if (lease.mac == mac)
            (void)net::sendDhcpRelease(bridge.name, bridge.gateway.address, lease.address, mac);
}

} // namespace

void releaseContainerAddresses(const EngineSettings& settings, const std::string& name)
{
    auto lock = lockNetworks(settings.paths);
    auto bridges = net::loadBridges(settings.paths);
    if (!lock || !bridges)
        return;
    for (const net::BridgeConfig& bridge : *bridges) {
        const fsys::path file = settings.paths.networkStaticLeases(bridge.name);
        auto table = net::LeaseTable::load(file);
        if (!table || !table->find(name))
            continue;
        releaseDnsmasqLeases(settings.paths, bridge, table->find(name)->mac);
        table->release(name);
        (void)table->save(file);
        std::error_code ec;
        fsys::remove(net::dhcpHostsDir(settings.paths, bridge.name) / name, ec);
        fsys::remove(net::hostsDir(settings.paths, bridge.name) / name, ec);
    }
}

namespace {

// The forwards of one running container, to the address its first bridged
// interface has on its bridge.
void addForwardsOf(const EngineSettings& settings, const std::string& name, std::vector<net::BridgeRules>& rules)
{
    auto spec = loadContainerSpec(settings, name);
    if (!spec || spec->forwards.empty())
        return;
    for (const NetInterfaceSpec& iface : spec->network) {
        if (iface.type != NetInterfaceSpec::Type::Veth)
            continue;
        const std::string bridge = net::bridgeNameOf(iface);
        auto table = net::LeaseTable::load(settings.paths.networkStaticLeases(bridge));
        auto lease = table ? table->find(name) : std::nullopt;
        for (net::BridgeRules& rule : rules)
            if (rule.bridge == bridge && lease)
                for (const net::PortForward& forward : spec->forwards)
                    rule.forwards.push_back({forward, lease->address});
        return;
    }
}

} // namespace

Status reconcileFirewall(const EngineSettings& settings, std::string_view stopping)
{
    auto lock = lockNetworks(settings.paths);
    if (!lock)
        return fail(lock.error());
    auto bridges = net::loadBridges(settings.paths);
    if (!bridges)
        return fail(bridges.error());
    std::vector<net::BridgeRules> rules;
    for (const net::BridgeConfig& bridge : *bridges)
        rules.push_back({bridge.name, net::subnetOf(bridge.gateway), bridge.nat, {}});
    if (rules.empty()) {
        auto removed = net::removeRuleset();
        return removed;
    }
    auto names = ContainerStore(settings.paths).list();
    if (names)
        for (const std::string& name : *names)
            if (name != stopping && monitorAlive(settings.paths, name))
                addForwardsOf(settings, name, rules);
    return net::applyRuleset(net::berthRuleset(rules));
}

} // namespace berth::runtime
