// Static IPv4 addresses for containers on a bridge: handed out from the
// bridge's subnet, outside its DHCP range first, recorded in a small text
// file per bridge so they survive restarts. dnsmasq learns each one as a
// dhcp-host reservation for the container's MAC, so one inside the range
// (lxcbr0's layout: DHCP over .2-.254) is never leased to another client.
#pragma once

#include "berth/error.h"
#include "net/bridge_config.h"
#include "net/ipv4.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::net {

struct Lease {
    std::string container;
    Ipv4Address address;
    std::string mac; // empty when not known

    bool operator==(const Lease&) const = default;
};

// One lease per container per table (a table is one bridge's).
class LeaseTable {
public:
    // File format: one "<container> <address> <mac>" line per lease, '-'
    // for an unknown MAC. A missing file is an empty table.
    [[nodiscard]] static Result<LeaseTable> load(const std::filesystem::path& file);
    // `sourceName` names the text in errors: "leases:3: ...".
    [[nodiscard]] static Result<LeaseTable> parse(std::string_view text, std::string_view sourceName = "leases");
    [[nodiscard]] std::string serialize() const;
    // Replaced atomically (berth::fs::writeFileAtomic), mode 0644.
    [[nodiscard]] Status save(const std::filesystem::path& file) const;

    // The container's lease if it still fits the bridge, else the lowest
    // free address of the subnet (not the network, broadcast or gateway
    // address, not leased here, not in `dynamic`: what dnsmasq leased to
    // other clients) outside the DHCP range, else inside it. ENOSPC when
    // none is left.
    [[nodiscard]] Result<Ipv4Address> allocate(std::string container, const BridgeConfig& bridge, std::string mac = {},
                                               const std::vector<Ipv4Address>& dynamic = {});
    // Records a configured static address; EEXIST when another container has it.
    [[nodiscard]] Status reserve(std::string container, Ipv4Address address, std::string mac = {});
    void release(std::string_view container);

    [[nodiscard]] std::optional<Lease> find(std::string_view container) const;
    // Sorted by address.
    [[nodiscard]] std::vector<Lease> leases() const { return m_leases; }

private:
    [[nodiscard]] bool isLeased(Ipv4Address address) const;
    void insert(Lease lease);

    std::vector<Lease> m_leases;
};

} // namespace berth::net
