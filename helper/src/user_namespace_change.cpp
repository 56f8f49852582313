#include "user_namespace_change.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace berth::helper {
namespace {

constexpr std::array<std::string_view, 3> kKeys{"lxc.idmap", "berth.privileged", "berth.rootfs.shifted"};

// The value with its blanks collapsed: "u 0  1 2" and "u 0 1 2" are one map.
std::string normalized(std::string_view value)
{
    std::string out;
    bool blank = false;
    for (char c : value) {
        if (c == ' ' || c == '\t') {
            blank = !out.empty();
            continue;
        }
        if (blank)
            out += ' ';
        out += c;
        blank = false;
    }
    return out;
}

std::vector<std::string> valuesOf(const std::vector<ConfigEntry>& entries)
{
    std::vector<std::string> out;
    for (const auto& entry : entries)
        out.push_back(normalized(entry.value));
    std::ranges::sort(out);
    return out;
}

constexpr std::string_view kChanges = " changes the container's user namespace";

std::string ruleFor(std::string_view key)
{
    return std::string(key) + std::string(kChanges);
}

} // namespace

HostReasons userNamespaceChanges(const Config& current, const Config& next)
{
    HostReasons out;
    for (const std::string_view key : kKeys) {
        const auto before = current.entries(key);
        const auto after = next.entries(key);
        const auto old = valuesOf(before);
        if (old == valuesOf(after))
            continue;
        const std::size_t found = out.size();
        for (const auto& entry : after)
            if (!std::ranges::binary_search(old, normalized(entry.value)))
                out.push_back({entry.where(), ruleFor(key), ""});
        // Nothing new, so lines were taken away: name them.
        if (out.size() == found)
            for (const auto& entry : before)
                out.push_back(
                    {"", "removing " + std::string(key) + " = " + normalized(entry.value) + std::string(kChanges), ""});
    }
    return out;
}

} // namespace berth::helper
