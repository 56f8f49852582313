// Small helpers over the ipv4.h types that the contract header leaves out.
#pragma once

#include "net/ipv4.h"

#include <cstdint>
#include <string>

namespace berth::net {

// "10.0.3.2-10.0.3.199", the form Berth writes and messages use.
[[nodiscard]] std::string rangeToString(const Ipv4Range& range);
// Number of addresses in the range (1 for first == last).
[[nodiscard]] std::uint64_t rangeSize(const Ipv4Range& range);
// The subnet a CIDR lies in: 10.0.3.1/24 -> 10.0.3.0/24.
[[nodiscard]] Ipv4Cidr subnetOf(const Ipv4Cidr& cidr);
// Whether any address of the range lies in the other range.
[[nodiscard]] bool rangesOverlap(const Ipv4Range& a, const Ipv4Range& b);

} // namespace berth::net
