#include "security/privilege.h"

#include "security/capabilities.h"

#include <bit>
#include <linux/capability.h>

namespace berth::security {
namespace {

constexpr std::uint64_t bit(int cap) { return std::uint64_t{1} << cap; }

std::uint64_t bitsOf(const std::vector<int>& caps)
{
    std::uint64_t set = 0;
    for (int cap : caps)
        set |= (cap >= 0 && cap < 64) ? bit(cap) : 0;
    return set;
}

std::string upperName(int cap)
{
    std::string name(capabilityName(cap));
    if (name.empty())
        return "capability " + std::to_string(cap);
    for (char& c : name)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return "CAP_" + name;
}

// "CAP_SYS_ADMIN, CAP_SYS_BOOT" (at most `most` names, then "and N more").
std::string namesOf(std::uint64_t set, int most)
{
    std::string out;
    int shown = 0;
    // The one that opens the host first.
    if (set & bit(CAP_SYS_ADMIN)) {
        out = upperName(CAP_SYS_ADMIN);
        set &= ~bit(CAP_SYS_ADMIN);
        ++shown;
    }
    for (; set != 0 && shown < most; ++shown) {
        const int cap = std::countr_zero(set);
        set &= ~bit(cap);
        out += (out.empty() ? "" : ", ") + upperName(cap);
    }
    if (set != 0)
        out += " and " + std::to_string(std::popcount(set)) + " more";
    return out;
}

// The last lxc.cap.keep entry that names `cap`, else the last one.
std::optional<ConfigEntry> keepEntryOf(const Config& config, int cap)
{
    const auto entries = config.entries("lxc.cap.keep");
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        std::string_view rest = it->value;
        while (!rest.empty()) {
            const auto blank = rest.find_first_of(" \t");
            auto word = capabilityFromName(rest.substr(0, blank));
            if (word && *word == cap)
                return *it;
            rest = blank == std::string_view::npos ? std::string_view{} : rest.substr(blank + 1);
        }
    }
    if (entries.empty())
        return std::nullopt;
    return entries.back();
}

std::string keepReason(const Config& config, int cap, ContainerKind kind)
{
    const auto entry = keepEntryOf(config, cap);
    const std::string where = entry ? entry->where() + ": " : std::string();
    const bool beyondKind = (defaultCapabilities(kind) & bit(cap)) == 0;
    const char* kindName = kind == ContainerKind::System ? "system" : "application";
    return where + "lxc.cap.keep keeps " + std::string(capabilityName(cap)) + " (" + upperName(cap) +
           (beyondKind ? std::string(", which ") + kindName + " containers drop" : ", beyond the application set") +
           ") in the host's user namespace";
}

} // namespace

std::uint64_t privilegedCapabilities(const ContainerSpec& spec)
{
    std::optional<std::uint64_t> keep;
    if (spec.capKeep)
        keep = bitsOf(*spec.capKeep);
    return effectiveCapabilities(spec.kind, bitsOf(spec.capDrop), keep) &
           ~defaultCapabilities(ContainerKind::Application);
}

bool isPrivileged(const ContainerSpec& spec) { return privilegedCapabilities(spec) != 0; }

std::vector<std::string> privilegeReasons(const Config& config, const ContainerSpec& spec)
{
    std::uint64_t extra = privilegedCapabilities(spec);
    std::vector<std::string> out;
    if (extra == 0)
        return out;
    if (!spec.capKeep) {
        out.push_back("a system container keeps " + namesOf(extra, 3) + " in the host's user namespace");
        return out;
    }
    // A long keep list: the first few, then a count.
    while (extra != 0) {
        if (out.size() == 3) {
            out.push_back("lxc.cap.keep keeps " + std::to_string(std::popcount(extra)) +
                          " more capabilities beyond the application set");
            break;
        }
        const int cap = std::countr_zero(extra);
        extra &= ~bit(cap);
        out.push_back(keepReason(config, cap, spec.kind));
    }
    return out;
}

} // namespace berth::security
