#include "cgroup/device_config.h"

#include <algorithm>
#include <cerrno>
#include <charconv>

namespace berth::cgroup {

namespace {

std::unexpected<Error> badRule(std::string_view text, std::string_view why)
{
    return failWith(EINVAL, "'" + std::string(text) + "' is not a device rule: " + std::string(why));
}

// "*" or a decimal number, fully consumed.
Result<std::optional<std::uint32_t>> parseNumber(std::string_view text, std::string_view rule)
{
    if (text == "*")
        return std::optional<std::uint32_t>();
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return badRule(rule, "'" + std::string(text) + "' is neither a number nor '*'");
    return std::optional<std::uint32_t>(value);
}

Result<std::uint8_t> parseAccess(std::string_view text, std::string_view rule)
{
    if (text.empty())
        return std::uint8_t{kDeviceAnyAccess};
    std::uint8_t access = 0;
    for (char c : text) {
        const std::uint8_t bit = c == 'r' ? kDeviceRead : c == 'w' ? kDeviceWrite : c == 'm' ? kDeviceMknod : 0;
        if (bit == 0)
            return badRule(rule, "access is a set of r, w and m");
        access |= bit;
    }
    return access;
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> out;
    size_t at = 0;
    while (at < text.size()) {
        const size_t start = text.find_first_not_of(" \t", at);
        if (start == std::string_view::npos)
            break;
        const size_t end = std::min(text.find_first_of(" \t", start), text.size());
        out.push_back(text.substr(start, end - start));
        at = end;
    }
    return out;
}

bool sameDevices(const DeviceRule& a, const DeviceRule& b)
{
    return a.type == b.type && a.major == b.major && a.minor == b.minor;
}

Status applyDeny(std::vector<DeviceRule>& list, const DeviceRule& denied)
{
    if (denied.type == DeviceType::All) {
        list.clear();
        return {};
    }
    const auto same = [&](const DeviceRule& rule) { return sameDevices(rule, denied); };
    if (std::none_of(list.begin(), list.end(), same))
        return failWith(EINVAL, "denies '" + deviceRuleText(denied) + "', which no earlier rule allows as such");
    for (DeviceRule& rule : list)
        if (same(rule))
            rule.access &= static_cast<std::uint8_t>(~denied.access);
    std::erase_if(list, [](const DeviceRule& rule) { return rule.access == 0; });
    return {};
}

Error atLine(const ConfigEntry& entry, const Error& error)
{
    return Error::make(error.code, entry.where() + ": " + entry.key + ": " + error.message,
                       entry.where() + " " + entry.key);
}

} // namespace

Result<DeviceRule> parseDeviceRule(std::string_view text)
{
    const std::vector<std::string_view> parts = words(text);
    if (parts.empty() || parts.size() > 3 || parts[0].size() != 1)
        return badRule(text, "expected 'TYPE MAJOR:MINOR ACCESS'");
    const char type = parts[0][0];
    if (type == 'a' && parts.size() == 1)
        return DeviceRule{};
    if ((type != 'b' && type != 'c') || parts.size() < 2)
        return badRule(text, "the type is a, b or c, followed by MAJOR:MINOR for b and c");
    const size_t colon = parts[1].find(':');
    if (colon == std::string_view::npos)
        return badRule(text, "expected MAJOR:MINOR");
    Result<std::optional<std::uint32_t>> major = parseNumber(parts[1].substr(0, colon), text);
    if (!major)
        return std::unexpected(std::move(major.error()));
    Result<std::optional<std::uint32_t>> minor = parseNumber(parts[1].substr(colon + 1), text);
    if (!minor)
        return std::unexpected(std::move(minor.error()));
    Result<std::uint8_t> access = parseAccess(parts.size() == 3 ? parts[2] : std::string_view(), text);
    if (!access)
        return std::unexpected(std::move(access.error()));
    return DeviceRule{static_cast<DeviceType>(type), *major, *minor, *access};
}

Result<std::vector<DeviceRule>> deviceAllowlistFromConfig(const Config& config)
{
    std::vector<DeviceRule> list(defaultDeviceAllowlist().begin(), defaultDeviceAllowlist().end());
    for (const ConfigEntry& entry : config.allEntries()) {
        const bool allow = entry.key == "lxc.cgroup.devices.allow" || entry.key == "lxc.cgroup2.devices.allow";
        const bool deny = entry.key == "lxc.cgroup.devices.deny" || entry.key == "lxc.cgroup2.devices.deny";
        if (!allow && !deny)
            continue;
        Result<DeviceRule> rule = parseDeviceRule(entry.value);
        if (!rule)
            return std::unexpected(atLine(entry, rule.error()));
        if (allow)
            list.push_back(*rule);
        else if (Status denied = applyDeny(list, *rule); !denied)
            return std::unexpected(atLine(entry, denied.error()));
    }
    return list;
}

} // namespace berth::cgroup
