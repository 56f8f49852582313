#include "image/archive_path.h"

#include <cerrno>

namespace berth::image {

namespace {

std::unexpected<Error> refuse(std::string_view name, std::string_view why)
{
    return failWith(EINVAL, "archive entry '" + std::string(name) + "' " + std::string(why), std::string(name));
}

} // namespace

Result<std::string> normalizeEntryPath(std::string_view name)
{
    if (name.empty() || name.find('\0') != std::string_view::npos)
        return refuse(name, "has an empty or invalid name");
    if (name.starts_with('/'))
        return refuse(name, "has an absolute path");
    std::string out;
    size_t pos = 0;
    while (pos <= name.size()) {
        size_t end = name.find('/', pos);
        if (end == std::string_view::npos)
            end = name.size();
        const std::string_view part = name.substr(pos, end - pos);
        pos = end + 1;
        if (part.empty() || part == ".")
            continue;
        if (part == "..")
            return refuse(name, "climbs out with '..'");
        if (!out.empty())
            out += '/';
        out += part;
    }
    return out;
}

} // namespace berth::image
