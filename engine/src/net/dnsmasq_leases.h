// dnsmasq's lease file: the addresses it has handed out from its range, so
// Berth's IPAM never reserves one of them for another container.
#pragma once

#include "berth/error.h"
#include "net/ipv4.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::net {

struct DynamicLease {
    std::string mac;
    Ipv4Address address;

    bool operator==(const DynamicLease&) const = default;
};

// "<expiry> <mac> <address> <hostname> <client-id>" lines; lines that do
// not parse (IPv6 DUID lines, damage) are skipped: the file is dnsmasq's.
[[nodiscard]] std::vector<DynamicLease> parseDnsmasqLeases(std::string_view text);
// A missing file is no lease.
[[nodiscard]] Result<std::vector<DynamicLease>> loadDnsmasqLeases(const std::filesystem::path& file);
// The addresses leased to any MAC but `mac`.
[[nodiscard]] std::vector<Ipv4Address> leasedToOthers(const std::vector<DynamicLease>& leases, std::string_view mac);

} // namespace berth::net
