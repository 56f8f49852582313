// lxc.cap.drop and lxc.cap.keep: capability names as LXC writes them
// ("sys_admin"), checked against the names libcap knows.
#include "spec/spec_internal.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>
#include <sys/capability.h>

namespace berth {

namespace {

std::string lowercase(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

Result<int> parseCapability(std::string_view word)
{
    std::string name = lowercase(word);
    if (!name.empty() && name.front() >= '0' && name.front() <= '9') {
        auto number = parseUnsignedValue(name, 0, static_cast<std::uint64_t>(cap_max_bits()) - 1);
        if (!number)
            return fail(number.error().wrap("capability"));
        return static_cast<int>(*number);
    }
    if (!name.starts_with("cap_"))
        name.insert(0, "cap_");
    cap_value_t value = 0;
    if (cap_from_name(name.c_str(), &value) != 0)
        return failWith(EINVAL, quoteForMessage(word) + " is not a capability");
    return static_cast<int>(value);
}

void addUnique(std::vector<int>& caps, int cap)
{
    if (std::find(caps.begin(), caps.end(), cap) == caps.end())
        caps.push_back(cap);
}

// Every word of every entry of a list key; "none" (keep only) clears the list.
Status readCapList(const std::vector<ConfigEntry>& entries, bool allowNone, std::vector<int>& caps)
{
    for (const ConfigEntry& entry : entries) {
        for (std::string_view word : splitBlanks(entry.value)) {
            if (allowNone && lowercase(word) == "none") {
                caps.clear();
                continue;
            }
            auto cap = parseCapability(word);
            if (!cap)
                return std::unexpected(entryError(entry, cap.error()));
            addUnique(caps, *cap);
        }
    }
    return {};
}

} // namespace

Status readCapabilities(const Config& config, ContainerSpec& spec)
{
    const auto drop = config.entries("lxc.cap.drop");
    const auto keep = config.entries("lxc.cap.keep");
    if (!drop.empty() && !keep.empty())
        return failAt(keep.back(), EINVAL, "cannot be used together with lxc.cap.drop (" + drop.back().where() + ")");
    if (auto ok = readCapList(drop, false, spec.capDrop); !ok)
        return ok;
    if (keep.empty())
        return {};
    spec.capKeep.emplace();
    return readCapList(keep, true, *spec.capKeep);
}

} // namespace berth
