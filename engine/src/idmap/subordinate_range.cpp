#include "idmap/subordinate_range.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <algorithm>
#include <charconv>

#include <fcntl.h>

namespace berth::idmap {

namespace {

std::optional<std::uint32_t> parseNumber(std::string_view text)
{
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

std::optional<IdRange> parseLine(std::string_view line, std::string_view user)
{
    const std::size_t first = line.find(':');
    if (first == std::string_view::npos || line.substr(0, first) != user)
        return std::nullopt;
    const std::string_view rest = line.substr(first + 1);
    const std::size_t second = rest.find(':');
    if (second == std::string_view::npos)
        return std::nullopt;
    const auto start = parseNumber(rest.substr(0, second));
    const auto count = parseNumber(rest.substr(second + 1));
    if (!start || !count || *count == 0 || std::uint64_t{*start} + *count > (std::uint64_t{1} << 32) - 1)
        return std::nullopt;
    return IdRange{*start, *count};
}

std::string missingRangeText(const std::filesystem::path& dir)
{
    return "Berth has no subordinate ID range for unprivileged containers: " + (dir / "subuid").string() + " and " +
           (dir / "subgid").string() + " need an entry for " + std::string(kRangeUser) +
           " (run /usr/libexec/berth/berth-id-range or scripts/berth-id-range.sh as root), or create a privileged "
           "container";
}

Result<std::optional<IdRange>> readEntry(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd && errno == ENOENT)
        return std::optional<IdRange>{};
    if (!fd)
        return failErrno(errno, "read " + file.string());
    auto text = fs::readAll(fd.get(), std::size_t{4} << 20);
    if (!text)
        return fail(text.error().wrap("read " + file.string()));
    return parseSubordinateEntry(*text, kRangeUser);
}

} // namespace

std::optional<IdRange> parseSubordinateEntry(std::string_view text, std::string_view user)
{
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        if (auto range = parseLine(text.substr(0, end), user))
            return range;
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return std::nullopt;
}

Result<IdRange> readBerthRange(const std::filesystem::path& dir)
{
    auto users = readEntry(dir / "subuid");
    if (!users)
        return fail(users.error());
    auto groups = readEntry(dir / "subgid");
    if (!groups)
        return fail(groups.error());
    if (!*users || !*groups)
        return failWith(EOPNOTSUPP, missingRangeText(dir));
    const std::uint64_t start = std::max((*users)->start, (*groups)->start);
    const std::uint64_t end = std::min((*users)->end(), (*groups)->end());
    if (end < start + model::kIdBlockSize)
        return failWith(EOPNOTSUPP, missingRangeText(dir) + "; the two entries share no block of 65536 IDs");
    return IdRange{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start)};
}

} // namespace berth::idmap
