// Links in the caller's network namespace, by name: bridges, lookups,
// up/down, enslaving to a bridge, renaming, deleting.
// Every error names the link: "create bridge 'berthbr0': File exists".
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::net {

class NetlinkSocket;

// A bridge, down, with the given MTU (0: the kernel's default), bearing
// bridgeMarker() (netlink_owned.h). EEXIST when any link of that name exists.
[[nodiscard]] Status createBridge(NetlinkSocket& sock, std::string_view name, unsigned mtu);
// Deleting one end of a veth pair deletes both. ENODEV when missing. By
// name alone: only for links the caller made itself (tests, benchmarks);
// the engine deletes through deleteOwnedLink.
[[nodiscard]] Status deleteLink(NetlinkSocket& sock, std::string_view name);
[[nodiscard]] Result<bool> linkExists(NetlinkSocket& sock, std::string_view name);
[[nodiscard]] Result<int> linkIndex(NetlinkSocket& sock, std::string_view name);
// "bridge", "veth", "macvlan", ...; "" for a device without a kind (a
// physical NIC, lo). Tells a Berth bridge from a foreign interface.
[[nodiscard]] Result<std::string> linkKind(NetlinkSocket& sock, std::string_view name);
[[nodiscard]] Status setLinkUp(NetlinkSocket& sock, std::string_view name, bool up);
// Whether any link is a port of bridge `bridge` (has it as master).
[[nodiscard]] Result<bool> bridgeHasPorts(NetlinkSocket& sock, std::string_view bridge);
// Puts `name` into bridge `bridge`.
[[nodiscard]] Status setMaster(NetlinkSocket& sock, std::string_view name, std::string_view bridge);
// The link must be down (the kernel refuses to rename a running link).
[[nodiscard]] Status renameLink(NetlinkSocket& sock, std::string_view name, std::string_view newName);

} // namespace berth::net
