#include "net/netlink_link.h"

#include "net/netlink_error.h"
#include "net/netlink_lookup.h"
#include "net/netlink_owned.h"
#include "net/netlink_socket.h"

#include <cerrno>
#include <functional>

#include <net/if.h>

namespace berth::net {

using namespace detail;

namespace {

// Applies `edit` to a fresh change object and sends it for the named link.
Status changeLink(NetlinkSocket& sock, std::string_view name, std::string_view what,
                  const std::function<void(rtnl_link*)>& edit)
{
    Result<LinkPtr> link = getLink(sock, name, what);
    if (!link)
        return fail(link.error());
    LinkPtr change(rtnl_link_alloc());
    if (!change)
        return failWith(ENOMEM, std::string(what) + ": out of memory");
    edit(change.get());
    if (int err = rtnl_link_change(sock.get(), link->get(), change.get(), 0); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

} // namespace

Status createBridge(NetlinkSocket& sock, std::string_view name, unsigned mtu)
{
    const std::string what = "create bridge " + quotedName(name);
    if (Status ok = validateLinkName(name); !ok)
        return fail(ok.error().wrap(what));
    LinkPtr link(rtnl_link_alloc());
    if (!link)
        return failWith(ENOMEM, what + ": out of memory");
    if (int err = rtnl_link_set_type(link.get(), "bridge"); err < 0)
        return fail(netlinkError(err, what));
    rtnl_link_set_name(link.get(), std::string(name).c_str());
    if (mtu != 0)
        rtnl_link_set_mtu(link.get(), mtu);
    if (Status added = addLink(sock, link.get(), what); !added)
        return added;
    // The marker says "Berth made this bridge": only such a link is ever deleted.
    Result<int> index = getLinkIndex(sock, name, what);
    Status marked = index ? markLink(sock, *index, bridgeMarker()) : fail(index.error());
    if (!marked && index)
        (void)deleteLinkAt(sock, *index);
    return marked;
}

Status deleteLink(NetlinkSocket& sock, std::string_view name)
{
    const std::string what = "delete link " + quotedName(name);
    Result<LinkPtr> link = getLink(sock, name, what);
    if (!link)
        return fail(link.error());
    if (int err = rtnl_link_delete(sock.get(), link->get()); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

Result<bool> linkExists(NetlinkSocket& sock, std::string_view name)
{
    Result<LinkPtr> link = getLink(sock, name, "find link " + quotedName(name));
    if (link)
        return true;
    if (link.error().code == ENODEV)
        return false;
    return fail(link.error());
}

Result<bool> bridgeHasPorts(NetlinkSocket& sock, std::string_view bridge)
{
    const std::string what = "list the ports of " + quotedName(bridge);
    Result<int> index = getLinkIndex(sock, bridge, what);
    if (!index)
        return fail(index.error());
    nl_cache* raw = nullptr;
    if (int err = rtnl_link_alloc_cache(sock.get(), AF_UNSPEC, &raw); err < 0)
        return fail(netlinkError(err, what));
    CachePtr cache(raw);
    for (nl_object* obj = nl_cache_get_first(cache.get()); obj; obj = nl_cache_get_next(obj))
        if (rtnl_link_get_master(reinterpret_cast<rtnl_link*>(obj)) == *index)
            return true;
    return false;
}

Result<int> linkIndex(NetlinkSocket& sock, std::string_view name)
{
    return getLinkIndex(sock, name, "find link " + quotedName(name));
}

Result<std::string> linkKind(NetlinkSocket& sock, std::string_view name)
{
    Result<LinkPtr> link = getLink(sock, name, "find link " + quotedName(name));
    if (!link)
        return fail(link.error());
    const char* kind = rtnl_link_get_type(link->get());
    return std::string(kind ? kind : "");
}

Status setLinkUp(NetlinkSocket& sock, std::string_view name, bool up)
{
    const std::string what = std::string("set link ") + quotedName(name) + (up ? " up" : " down");
    return changeLink(sock, name, what, [up](rtnl_link* change) {
        up ? rtnl_link_set_flags(change, IFF_UP) : rtnl_link_unset_flags(change, IFF_UP);
    });
}

Status setMaster(NetlinkSocket& sock, std::string_view name, std::string_view bridge)
{
    const std::string what = "attach " + quotedName(name) + " to bridge " + quotedName(bridge);
    Result<int> master = getLinkIndex(sock, bridge, what + ": find bridge " + quotedName(bridge));
    if (!master)
        return fail(master.error());
    return changeLink(sock, name, what, [index = *master](rtnl_link* change) { rtnl_link_set_master(change, index); });
}

Status renameLink(NetlinkSocket& sock, std::string_view name, std::string_view newName)
{
    const std::string what = "rename link " + quotedName(name) + " to " + quotedName(newName);
    if (Status ok = validateLinkName(newName); !ok)
        return fail(ok.error().wrap(what));
    const std::string target(newName);
    return changeLink(sock, name, what, [&target](rtnl_link* change) { rtnl_link_set_name(change, target.c_str()); });
}

} // namespace berth::net
