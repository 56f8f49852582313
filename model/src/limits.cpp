// The limit table's lookups, Limits::empty and the weight conversions.
#include "berth/model/limits.h"

#include <algorithm>

namespace berth::model {

bool Limits::empty() const
{
    return !memoryMax && !memorySoft && !swapMax && !cpuWeight && !cpuShares && !cpuQuota && !cpus && !mems &&
           !pidsMax && !ioWeight && !blkioWeight && ioDevices.empty();
}

const LimitRow& limitRow(LimitKey key)
{
    return kLimitTable[static_cast<std::size_t>(key)];
}

std::string_view wireKey(LimitKey key)
{
    return limitRow(key).wireKey;
}

std::optional<LimitKey> parseLimitKey(std::string_view wireKey)
{
    for (const LimitRow& row : kLimitTable) {
        if (row.wireKey == wireKey)
            return row.key;
    }
    return std::nullopt;
}

std::string lxcKey(LimitKey key, CgroupFamily family)
{
    const LimitRow& row = limitRow(key);
    const std::string_view file = family == CgroupFamily::V1 ? row.v1File : row.v2File;
    if (file.empty())
        return {};
    return std::string(family == CgroupFamily::V1 ? kLxcV1Prefix : kLxcV2Prefix) + std::string(file);
}

// Kernel documentation and crun: the v1 range 2..262144 mapped linearly onto 1..10000.
std::uint32_t sharesToWeight(std::uint64_t shares)
{
    shares = std::clamp<std::uint64_t>(shares, 2, 262144);
    return static_cast<std::uint32_t>(1 + ((shares - 2) * 9999) / 262142);
}

// The inverse rounds up: the smallest shares value that sharesToWeight maps
// back to `weight`, so weight -> shares -> weight is exact.
std::uint64_t weightToShares(std::uint32_t weight)
{
    const std::uint64_t w = std::clamp<std::uint32_t>(weight, 1, 10000);
    return 2 + ((w - 1) * 262142 + 9998) / 9999;
}

// The same linear map for blkio.weight 10..1000 onto io.weight 1..10000.
std::uint32_t blkioWeightToIoWeight(std::uint32_t blkioWeight)
{
    const std::uint64_t b = std::clamp<std::uint32_t>(blkioWeight, 10, 1000);
    return static_cast<std::uint32_t>(1 + ((b - 10) * 9999) / 990);
}

// Rounded up, so blkio -> io -> blkio is exact (io -> blkio loses precision).
std::uint32_t ioWeightToBlkioWeight(std::uint32_t ioWeight)
{
    const std::uint64_t w = std::clamp<std::uint32_t>(ioWeight, 1, 10000);
    return static_cast<std::uint32_t>(10 + ((w - 1) * 990 + 9998) / 9999);
}

} // namespace berth::model

namespace berth::model {
namespace {

// The table's rows are in LimitKey's order, so limitRow indexes it.
constexpr bool tableInKeyOrder()
{
    for (std::size_t i = 0; i < kLimitTable.size(); ++i) {
        if (kLimitTable[i].key != static_cast<LimitKey>(i))
            return false;
    }
    return true;
}
static_assert(tableInKeyOrder());

} // namespace
} // namespace berth::model
