// Berth's bridges on this host: their configs on disk, and bringing one
// up (link, address, forwarding, dnsmasq) or down. The firewall is
// reconciled separately (firewall.h), from every bridge and container.
#pragma once

#include "berth/paths.h"
#include "net/bridge_config.h"

#include <vector>

namespace berth::net {

// The bridge containers attach to when their config names none.
inline constexpr const char* kDefaultBridge = "berthbr0";

[[nodiscard]] Result<std::vector<BridgeConfig>> loadBridges(const Paths& paths);
// ENOENT "no network named 'x'".
[[nodiscard]] Result<BridgeConfig> loadBridge(const Paths& paths, std::string_view name);
// Whether a container's veth link names one of Berth's bridges (the
// default one, or one with networks/<name>.conf), which its start brings
// up; any other name is a bridge of the host's that must already exist.
[[nodiscard]] bool isBerthBridge(const Paths& paths, std::string_view link);
[[nodiscard]] Status saveBridge(const Paths& paths, const BridgeConfig& bridge);
// Validates against the other bridges and the host's networks (the
// bridge's own device aside, so a change can be judged while it is up).
[[nodiscard]] Status checkBridge(const Paths& paths, const BridgeConfig& bridge);
// checkBridge, then saves.
[[nodiscard]] Status defineBridge(const Paths& paths, const BridgeConfig& bridge);
// The default bridge, defined with a free subnet the first time it is asked for.
[[nodiscard]] Result<BridgeConfig> defaultBridgeDefined(const Paths& paths);

// Makes the bridge real in the current network namespace; idempotent. A
// link of that name that Berth did not make (not a bridge, or without
// bridgeMarker()) is an error (EEXIST), never taken over.
[[nodiscard]] Status bridgeUp(const Paths& paths, const BridgeConfig& bridge);
// Stops its dnsmasq and deletes the link if Berth made it (the marker);
// its config stays unless removed.
[[nodiscard]] Status bridgeDown(const Paths& paths, const BridgeConfig& bridge);

// dnsmasq's files for a bridge. The hosts and DHCP hosts directories are
// under Paths::networkDnsDir: dnsmasq reads them as nobody (0755 dirs of
// root's, 0644 files); nothing there is writable by it.
[[nodiscard]] std::filesystem::path dnsmasqPidFile(const Paths& paths, std::string_view bridge);
[[nodiscard]] std::filesystem::path hostsDir(const Paths& paths, std::string_view bridge);
[[nodiscard]] std::filesystem::path dhcpHostsDir(const Paths& paths, std::string_view bridge);

} // namespace berth::net
