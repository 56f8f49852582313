#include "net/ipv4_ops.h"

namespace berth::net {

std::string rangeToString(const Ipv4Range& range)
{
    return range.first.toString() + '-' + range.last.toString();
}

std::uint64_t rangeSize(const Ipv4Range& range)
{
    return std::uint64_t{range.last.value} - range.first.value + 1;
}

Ipv4Cidr subnetOf(const Ipv4Cidr& cidr)
{
    return Ipv4Cidr{cidr.network(), cidr.prefix};
}

bool rangesOverlap(const Ipv4Range& a, const Ipv4Range& b)
{
    return a.first <= b.last && b.first <= a.last;
}

} // namespace berth::net
