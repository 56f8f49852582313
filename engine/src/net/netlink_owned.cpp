#include "net/netlink_owned.h"

#include "net/netlink_error.h"
#include "net/netlink_lookup.h"
#include "net/netlink_socket.h"

#include <cerrno>

namespace berth::net {

using namespace detail;

namespace {

// The link at `index`; ENODEV when there is none.
Result<LinkPtr> linkAt(NetlinkSocket& sock, int index, std::string_view what)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(sock.get(), index, nullptr, &raw); err < 0)
        return fail(netlinkError(err, what));
    return LinkPtr(raw);
}

bool bears(rtnl_link* link, std::string_view marker)
{
    const char* alias = rtnl_link_get_ifalias(link);
    return alias && marker == alias;
}

} // namespace

std::string bridgeMarker()
{
    return "berth:bridge";
}

std::string vethMarker(std::string_view container)
{
    return "berth:" + std::string(container);
}

Status markLink(NetlinkSocket& sock, int index, std::string_view marker)
{
    const std::string what = "mark link " + std::to_string(index) + " as Berth's";
    Result<LinkPtr> link = linkAt(sock, index, what);
    if (!link)
        return fail(link.error());
    LinkPtr change(rtnl_link_alloc());
    if (!change)
        return failWith(ENOMEM, what + ": out of memory");
    rtnl_link_set_ifalias(change.get(), std::string(marker).c_str());
    if (int err = rtnl_link_change(sock.get(), link->get(), change.get(), 0); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

Result<bool> linkHasMarker(NetlinkSocket& sock, std::string_view name, std::string_view marker)
{
    Result<LinkPtr> link = getLink(sock, name, "find link " + quotedName(name));
    if (!link)
        return link.error().code == ENODEV ? Result<bool>(false) : fail(link.error());
    return bears(link->get(), marker);
}

Result<bool> deleteOwnedLink(NetlinkSocket& sock, std::string_view name, int index, std::string_view marker)
{
    const std::string what = "delete link " + quotedName(name);
    Result<LinkPtr> link = index > 0 ? linkAt(sock, index, what) : getLink(sock, name, what);
    if (!link)
        return link.error().code == ENODEV ? Result<bool>(false) : fail(link.error());
    if (!bears(link->get(), marker))
        return false;
    // The object carries the index: the kernel deletes that link, whatever it is called now.
    if (int err = rtnl_link_delete(sock.get(), link->get()); err < 0)
        return fail(netlinkError(err, what));
    return true;
}

Status deleteLinkAt(NetlinkSocket& sock, int index)
{
    const std::string what = "delete link " + std::to_string(index);
    Result<LinkPtr> link = linkAt(sock, index, what);
    if (!link)
        return fail(link.error());
    if (int err = rtnl_link_delete(sock.get(), link->get()); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

} // namespace berth::net
