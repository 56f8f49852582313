#include "image/oci_user.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace berth::image {

namespace {

// The kernel's ids are 32-bit; (uid_t)-1 means "no change" and is refused.
constexpr std::uint32_t kMaxId = 0xfffffffeu;

std::optional<std::uint32_t> parseId(std::string_view text)
{
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > kMaxId)
        return std::nullopt;
    return value;
}

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
        const std::size_t colon = line.find(':', start);
        fields.push_back(line.substr(start, colon - start));
        if (colon == std::string_view::npos)
            return fields;
        start = colon + 1;
    }
}

// Fields of the first line of a passwd/group text where `match` holds.
template <class Match> std::optional<std::vector<std::string_view>> findLine(std::string_view text, Match match)
{
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
        auto fields = splitFields(line);
        if (fields.size() >= 4 && match(fields))
            return fields;
    }
    return std::nullopt;
}

Result<ImageUser> resolveUserPart(std::string_view name, std::string_view passwd)
{
    if (const auto id = parseId(name)) {
        // A numeric user keeps its primary group when passwd lists it.
        auto line = findLine(passwd, [&](const auto& f) { return parseId(f[2]) == id; });
        const auto gid = line ? parseId((*line)[3]) : std::nullopt;
        return ImageUser{*id, gid.value_or(0)};
    }
    auto line = findLine(passwd, [&](const auto& f) { return f[0] == name; });
    const auto uid = line ? parseId((*line)[2]) : std::nullopt;
    const auto gid = line ? parseId((*line)[3]) : std::nullopt;
    if (!uid || !gid)
        return failWith(EINVAL, "the image's user '" + std::string(name) + "' is not in its /etc/passwd");
    return ImageUser{*uid, *gid};
}

Result<gid_t> resolveGroupPart(std::string_view name, std::string_view group)
{
    if (const auto id = parseId(name))
        return *id;
    auto line = findLine(group, [&](const auto& f) { return f[0] == name; });
    const auto gid = line ? parseId((*line)[2]) : std::nullopt;
    if (!gid)
        return failWith(EINVAL, "the image's group '" + std::string(name) + "' is not in its /etc/group");
    return *gid;
}

} // namespace

Result<ImageUser> resolveImageUser(std::string_view user, std::string_view passwd, std::string_view group)
{
    if (user.empty())
        return ImageUser{};
    const std::size_t colon = user.find(':');
    const std::string_view userPart = user.substr(0, colon);
    if (userPart.empty())
        return failWith(EINVAL, "the image's user '" + std::string(user) + "' names no user");
    auto resolved = resolveUserPart(userPart, passwd);
    if (!resolved || colon == std::string_view::npos)
        return resolved;
    auto gid = resolveGroupPart(user.substr(colon + 1), group);
    if (!gid)
        return fail(gid.error());
    resolved->gid = *gid;
    return resolved;
}

} // namespace berth::image
