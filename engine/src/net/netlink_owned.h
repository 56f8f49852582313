// Links Berth made carry a marker in their alias (IFLA_IFALIAS), set right
// after creation; only root in the namespace can set one. Berth deletes a
// link only when it bears the marker (and, where known, still has the index
// it had when it was made), never by name alone: a host's bridge or VPN
// link that happens to have the name is left alone.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::net {

class NetlinkSocket;

// The marker on the links of Berth's bridges.
[[nodiscard]] std::string bridgeMarker();
// The marker on the host ends of a container's veths.
[[nodiscard]] std::string vethMarker(std::string_view container);

// Sets the alias of the link at `index`.
[[nodiscard]] Status markLink(NetlinkSocket& sock, int index, std::string_view marker);
// Whether the link `name` exists and bears `marker`.
[[nodiscard]] Result<bool> linkHasMarker(NetlinkSocket& sock, std::string_view name, std::string_view marker);
// Deletes the link at `index` (or, when 0, the one named `name`) if it
// bears `marker`; true when deleted. A missing link, or one without the
// marker, is left alone (false).
[[nodiscard]] Result<bool> deleteOwnedLink(NetlinkSocket& sock, std::string_view name, int index,
                                           std::string_view marker);
// Deletes the link at `index`: only for one the caller has just made and
// could not mark.
[[nodiscard]] Status deleteLinkAt(NetlinkSocket& sock, int index);

} // namespace berth::net
