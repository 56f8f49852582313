#include "net/bridge_host.h"

#include "berth/unique_fd.h"
#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "net/dnsmasq_args.h"
#include "net/dnsmasq_process.h"
#include "net/ip_forward.h"
#include "net/netlink_address.h"
#include "net/netlink_link.h"
#include "net/netlink_owned.h"
#include "net/netlink_socket.h"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::net {

namespace fsys = std::filesystem;

namespace {

Result<std::string> readText(const fsys::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno(errno, "read " + file.string());
    return fs::readAll(fd.get(), 64 * 1024);
}

// The address is added unless the bridge has it already (a second
// bridgeUp, or a bridge that survived a restart of Berth).
Status ensureAddress(NetlinkSocket& sock, const BridgeConfig& bridge)
{
    auto inUse = networksInUse(sock);
    if (!inUse)
        return fail(inUse.error());
    const Ipv4Cidr subnet{bridge.gateway.network(), bridge.gateway.prefix};
    if (std::find(inUse->begin(), inUse->end(), subnet) != inUse->end())
        return {};
    return addAddress(sock, bridge.name, bridge.gateway);
}

Status ensureLink(NetlinkSocket& sock, const BridgeConfig& bridge)
{
    auto exists = linkExists(sock, bridge.name);
    if (!exists)
        return fail(exists.error());
    if (*exists) {
        auto kind = linkKind(sock, bridge.name);
        if (!kind)
            return fail(kind.error());
        if (*kind != "bridge")
            return failWith(EEXIST,
                            "interface '" + bridge.name + "' exists and is not a bridge; Berth leaves it alone");
        auto ours = linkHasMarker(sock, bridge.name, bridgeMarker());
        if (!ours)
            return fail(ours.error());
        if (!*ours)
            return failWith(EEXIST, "bridge '" + bridge.name +
                                        "' exists and Berth did not make it (its alias is not '" + bridgeMarker() +
                                        "'); Berth leaves it alone");
        return {};
    }
    return createBridge(sock, bridge.name, bridge.mtu);
}

// A directory dnsmasq reads as user nobody: ours (a directory that is not
// a link, owned by us), 0755, so nobody may read it and write nothing in it.
Status ensureReadableDir(const fsys::path& dir)
{
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        return failErrno(errno, "create " + dir.string());
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0)
        return failErrno(errno, "inspect " + dir.string());
    if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid())
        return failWith(EEXIST, dir.string() + " is not a directory of Berth's; Berth leaves it alone", dir.string());
    if (::chmod(dir.c_str(), 0755) != 0)
        return failErrno(errno, "chmod " + dir.string());
    return {};
}

// The names and reservations dnsmasq re-reads on change, after it has
// dropped to nobody: not under the 0700 run directory.
Status ensureDnsDirs(const Paths& paths, std::string_view bridge)
{
    const fsys::path dir = paths.networkDnsDir(bridge);
    std::error_code ec;
    fsys::create_directories(dir.parent_path().parent_path(), ec);
    for (const fsys::path& each : {dir.parent_path(), dir, hostsDir(paths, bridge), dhcpHostsDir(paths, bridge)})
        if (auto made = ensureReadableDir(each); !made)
            return made;
    return {};
}

Status ensureDnsmasqFor(const Paths& paths, const BridgeConfig& bridge)
{
    std::error_code ec;
    fsys::create_directories(paths.networkRunDir(bridge.name), ec);
    if (auto dirs = ensureDnsDirs(paths, bridge.name); !dirs)
        return dirs;
    fsys::create_directories(paths.networksDir(), ec);
    DnsmasqPaths files;
    files.pidFile = dnsmasqPidFile(paths, bridge.name).string();
    files.leaseFile = paths.networkLeases(bridge.name).string();
    files.hostsDir = hostsDir(paths, bridge.name).string();
    auto program = findDnsmasq();
    if (!program)
        return fail(program.error());
    std::vector<std::string> argv = {program->string()};
    for (std::string& arg : dnsmasqArguments(bridge, files))
        argv.push_back(std::move(arg));
    // Containers Berth gave an address keep it over DHCP too (system
    // containers ask by DHCP): "MAC,address,name" files, re-read on change.
    argv.push_back("--dhcp-hostsdir=" + dhcpHostsDir(paths, bridge.name).string());
    return ensureDnsmasq(argv, files.pidFile);
}

} // namespace

fsys::path dnsmasqPidFile(const Paths& paths, std::string_view bridge)
{
    return paths.networkRunDir(bridge) / "dnsmasq.pid";
}

fsys::path hostsDir(const Paths& paths, std::string_view bridge)
{
    return paths.networkDnsDir(bridge) / "hosts";
}

fsys::path dhcpHostsDir(const Paths& paths, std::string_view bridge)
{
    return paths.networkDnsDir(bridge) / "dhcp-hosts";
}

Result<std::vector<BridgeConfig>> loadBridges(const Paths& paths)
{
    std::vector<BridgeConfig> bridges;
    std::error_code ec;
    for (const auto& entry : fsys::directory_iterator(paths.networksDir(), ec)) {
        if (entry.path().extension() != ".conf")
            continue;
        auto bridge = loadBridge(paths, entry.path().stem().string());
        if (!bridge)
            return fail(bridge.error());
        bridges.push_back(std::move(*bridge));
    }
    std::sort(bridges.begin(), bridges.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return bridges;
}

bool isBerthBridge(const Paths& paths, std::string_view link)
{
    std::error_code ec;
    return link.empty() || link == kDefaultBridge || fsys::exists(paths.networkConfig(link), ec);
}

Result<BridgeConfig> loadBridge(const Paths& paths, std::string_view name)
{
    const fsys::path file = paths.networkConfig(name);
    auto text = readText(file);
    if (!text) {
        if (text.error().code == ENOENT)
            return failWith(ENOENT, "no network named '" + std::string(name) + "'");
        return fail(text.error());
    }
    return parseBridgeConfig(*text, file.string());
}

Status saveBridge(const Paths& paths, const BridgeConfig& bridge)
{
    std::error_code ec;
    fsys::create_directories(paths.networksDir(), ec);
    return fs::writeFileAtomic(paths.networkConfig(bridge.name), serializeBridgeConfig(bridge), 0644);
}

Status checkBridge(const Paths& paths, const BridgeConfig& bridge)
{
    auto others = loadBridges(paths);
    if (!others)
        return fail(others.error());
    std::erase_if(*others, [&](const BridgeConfig& b) { return b.name == bridge.name; });
    auto sock = NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    auto inUse = hostNetworks(*sock);
    if (!inUse)
        return fail(inUse.error());
    // The bridge's own address and route, when it is up, are no conflict;
    // the same subnet on any other device of the host is.
    std::erase_if(*inUse, [&](const HostNetwork& used) { return used.device == bridge.name; });
    return validateBridge(bridge, *others, *inUse);
}

Status defineBridge(const Paths& paths, const BridgeConfig& bridge)
{
    if (auto valid = checkBridge(paths, bridge); !valid)
        return valid;
    return saveBridge(paths, bridge);
}

Result<BridgeConfig> defaultBridgeDefined(const Paths& paths)
{
    if (auto existing = loadBridge(paths, kDefaultBridge); existing || existing.error().code != ENOENT)
        return existing;
    auto others = loadBridges(paths);
    if (!others)
        return fail(others.error());
    auto sock = NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    auto inUse = networksInUse(*sock);
    if (!inUse)
        return fail(inUse.error());
    for (const BridgeConfig& other : *others)
        inUse->push_back({other.gateway.network(), other.gateway.prefix});
    auto bridge = defaultBridge(kDefaultBridge, *inUse);
    if (!bridge)
        return fail(bridge.error());
    if (auto saved = saveBridge(paths, *bridge); !saved)
        return fail(saved.error());
    return bridge;
}

namespace {

// Checked at every bring-up, not only when defined: a route the host
// gained since (a VPN) or a definition from an older Berth must not put
// the bridge's address and dnsmasq on the host's networks.
Status checkStillFree(NetlinkSocket& sock, const BridgeConfig& bridge)
{
    auto inUse = hostNetworks(sock);
    if (!inUse)
        return fail(inUse.error());
    std::erase_if(*inUse, [&](const HostNetwork& used) { return used.device == bridge.name; });
    return validateBridge(bridge, {}, *inUse);
}

} // namespace

Status bridgeUp(const Paths& paths, const BridgeConfig& bridge)
{
    auto sock = NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    if (auto free = checkStillFree(*sock, bridge); !free)
        return fail(free.error().wrap("bring up network '" + bridge.name + "'"));
    if (auto link = ensureLink(*sock, bridge); !link)
        return fail(link.error().wrap("bring up network '" + bridge.name + "'"));
    if (auto address = ensureAddress(*sock, bridge); !address)
        return fail(address.error().wrap("bring up network '" + bridge.name + "'"));
    if (auto up = setLinkUp(*sock, bridge.name, true); !up)
        return fail(up.error());
    if (bridge.nat)
        if (auto forwarding = enableIpv4Forwarding(); !forwarding)
            return fail(forwarding.error());
    if (auto dns = ensureDnsmasqFor(paths, bridge); !dns)
        return fail(dns.error().wrap("start dnsmasq for '" + bridge.name + "'"));
    return {};
}

Status bridgeDown(const Paths& paths, const BridgeConfig& bridge)
{
    if (auto stopped = stopDnsmasq(dnsmasqPidFile(paths, bridge.name)); !stopped && stopped.error().code != ENOENT)
        return stopped;
    auto sock = NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    // Only the bridge Berth made is deleted: a host's link that has (or
    // took over) the name does not bear the marker and is left alone.
    if (auto deleted = deleteOwnedLink(*sock, bridge.name, 0, bridgeMarker()); !deleted)
        return fail(deleted.error());
    std::error_code ec;
    fsys::remove_all(paths.networkRunDir(bridge.name), ec);
    fsys::remove_all(paths.networkDnsDir(bridge.name), ec);
    return {};
}

} // namespace berth::net
