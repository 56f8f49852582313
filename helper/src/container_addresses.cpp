#include "container_addresses.h"

#include <algorithm>
#include <string_view>

namespace berth::helper {

namespace {

std::string_view addressPart(std::string_view cidr)
{
    return cidr.substr(0, cidr.find('/'));
}

} // namespace

std::vector<std::string> mergeAddresses(std::vector<std::string> configured, const std::vector<std::string>& leased)
{
    for (const std::string& lease : leased) {
        const bool listed = std::ranges::any_of(
            configured, [&](const std::string& known) { return addressPart(known) == addressPart(lease); });
        if (!listed)
            configured.push_back(lease);
    }
    return configured;
}

} // namespace berth::helper
