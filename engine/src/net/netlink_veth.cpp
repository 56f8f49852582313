#include "net/netlink_veth.h"

#include "net/netlink_error.h"
#include "net/netlink_link.h"
#include "net/netlink_lookup.h"
#include "net/netlink_socket.h"

#include <cerrno>

#include <sys/socket.h>

#include <netlink/route/link/macvlan.h>
#include <netlink/route/link/veth.h>

namespace berth::net {

using namespace detail;

namespace {

void setNetns(rtnl_link* link, NetnsTarget target)
{
    if (target.kind == NetnsTarget::Kind::Pid)
        rtnl_link_set_ns_pid(link, target.value);
    else
        rtnl_link_set_ns_fd(link, target.value);
}

// Name, MAC, MTU and namespace of a link about to be created.
Status describeLink(rtnl_link* link, std::string_view name, const std::string& mac, unsigned mtu)
{
    if (Status ok = validateLinkName(name); !ok)
        return ok;
    rtnl_link_set_name(link, std::string(name).c_str());
    if (mtu != 0)
        rtnl_link_set_mtu(link, mtu);
    if (mac.empty())
        return {};
    Result<std::array<std::uint8_t, 6>> bytes = parseMacAddress(mac);
    if (!bytes)
        return fail(bytes.error());
    NlAddrPtr addr(nl_addr_build(AF_LLC, bytes->data(), bytes->size()));
    if (!addr)
        return failWith(ENOMEM, "out of memory");
    rtnl_link_set_addr(link, addr.get()); // takes its own reference
    return {};
}

Status checkTarget(NetnsTarget target)
{
    if (target.value <= 0 && target.kind == NetnsTarget::Kind::Pid)
        return failWith(EINVAL, "namespace process id " + std::to_string(target.value) + " is not a process");
    if (target.value < 0)
        return failWith(EBADF, "namespace fd " + std::to_string(target.value) + " is not open");
    return {};
}

Result<int> macvlanMode(std::string_view mode)
{
    const int value = rtnl_link_macvlan_str2mode(std::string(mode).c_str());
    if (value <= 0)
        return failWith(EINVAL, "macvlan mode " + quotedName(mode) + " is not private, vepa, bridge or passthru");
    return value;
}

} // namespace

Status createVethPair(NetlinkSocket& sock, std::string_view hostName, std::string_view peerName, NetnsTarget peerNetns,
                      const std::string& peerMac, unsigned mtu)
{
    const std::string what = "create veth " + quotedName(hostName);
    LinkPtr link(rtnl_link_veth_alloc());
    if (!link)
        return failWith(ENOMEM, what + ": out of memory");
    LinkPtr peer(rtnl_link_veth_get_peer(link.get())); // a new reference to the peer
    Status ok = checkTarget(peerNetns);
    if (ok)
        ok = describeLink(link.get(), hostName, {}, mtu);
    if (ok)
        ok = describeLink(peer.get(), peerName, peerMac, mtu);
    if (!ok)
        return fail(ok.error().wrap(what));
    setNetns(peer.get(), peerNetns);
    return addLink(sock, link.get(), what + " (peer " + quotedName(peerName) + ")");
}

Status createVethPair(NetlinkSocket& sock, std::string_view hostName, std::string_view peerName, pid_t peerNetnsPid,
                      const std::string& peerMac, unsigned mtu)
{
    return createVethPair(sock, hostName, peerName, NetnsTarget::ofPid(peerNetnsPid), peerMac, mtu);
}

Status createMacvlan(NetlinkSocket& sock, std::string_view parent, std::string_view name, std::string_view mode,
                     NetnsTarget netns, const std::string& mac, unsigned mtu)
{
    const std::string what = "create macvlan " + quotedName(name) + " on " + quotedName(parent);
    Result<int> modeValue = macvlanMode(mode);
    if (!modeValue)
        return fail(modeValue.error().wrap(what));
    Result<int> parentIndex = getLinkIndex(sock, parent, what);
    if (!parentIndex)
        return fail(parentIndex.error());
    LinkPtr link(rtnl_link_macvlan_alloc());
    if (!link)
        return failWith(ENOMEM, what + ": out of memory");
    Status ok = checkTarget(netns);
    if (ok)
        ok = describeLink(link.get(), name, mac, mtu);
    if (!ok)
        return fail(ok.error().wrap(what));
    if (int err = rtnl_link_macvlan_set_mode(link.get(), static_cast<uint32_t>(*modeValue)); err < 0)
        return fail(netlinkError(err, what));
    rtnl_link_set_link(link.get(), *parentIndex);
    setNetns(link.get(), netns);
    return addLink(sock, link.get(), what);
}

Status createMacvlan(NetlinkSocket& sock, std::string_view parent, std::string_view name, std::string_view mode,
                     pid_t netnsPid, const std::string& mac, unsigned mtu)
{
    return createMacvlan(sock, parent, name, mode, NetnsTarget::ofPid(netnsPid), mac, mtu);
}

} // namespace berth::net
