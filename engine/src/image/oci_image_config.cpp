#include "image/oci_image_config.h"

#include "image/oci_digest.h"
#include "image/oci_json.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>

namespace berth::image {

namespace {

Result<std::vector<std::string>> exposedPorts(const Json& process, std::string_view what)
{
    // An object whose keys are the ports ("80/tcp": {}); the values carry nothing.
    auto ports = optionalObject(process, "ExposedPorts", what);
    if (!ports)
        return fail(ports.error());
    std::vector<std::string> list;
    if (*ports)
        for (const auto& item : (*ports)->items())
            list.push_back(item.key());
    std::sort(list.begin(), list.end());
    return list;
}

Status readProcess(const Json& process, ImageConfig& image, std::string_view what)
{
    auto entrypoint = stringArray(process, "Entrypoint", what);
    auto cmd = stringArray(process, "Cmd", what);
    auto env = stringArray(process, "Env", what);
    auto cwd = optionalString(process, "WorkingDir", what);
    auto user = optionalString(process, "User", what);
    auto ports = exposedPorts(process, what);
    auto stopSignal = optionalString(process, "StopSignal", what);
    auto labels = stringMap(process, "Labels", what);
    for (const Error* e :
         {entrypoint ? nullptr : &entrypoint.error(), cmd ? nullptr : &cmd.error(), env ? nullptr : &env.error(),
          cwd ? nullptr : &cwd.error(), user ? nullptr : &user.error(), ports ? nullptr : &ports.error(),
          stopSignal ? nullptr : &stopSignal.error(), labels ? nullptr : &labels.error()})
        if (e)
            return fail(*e);
    image.stopSignal = stopSignal->value_or("");
    image.labels.insert(labels->begin(), labels->end());
    image.entrypoint = std::move(*entrypoint);
    image.cmd = std::move(*cmd);
    image.env = std::move(*env);
    image.workingDir = cwd->value_or("");
    image.user = user->value_or("");
    image.exposedPorts = std::move(*ports);
    return {};
}

Result<std::vector<std::string>> diffIds(const Json& document, std::string_view what)
{
    auto rootfs = optionalObject(document, "rootfs", what);
    if (!rootfs)
        return fail(rootfs.error());
    if (!*rootfs)
        return std::vector<std::string>();
    auto ids = stringArray(**rootfs, "diff_ids", what);
    if (!ids)
        return fail(ids.error());
    for (const std::string& id : *ids)
        if (auto hex = parseSha256Digest(id); !hex)
            return fail(hex.error().wrap(std::string(what) + ": rootfs.diff_ids"));
    return ids;
}

// The top level's platform and creation time: informative, so an
// unreadable time is 0 rather than an error, but a wrong type is not.
Status readTopLevel(const Json& document, ImageConfig& image, std::string_view what)
{
    auto os = optionalString(document, "os", what);
    auto arch = optionalString(document, "architecture", what);
    auto variant = optionalString(document, "variant", what);
    auto created = optionalString(document, "created", what);
    for (const Error* e : {os ? nullptr : &os.error(), arch ? nullptr : &arch.error(),
                           variant ? nullptr : &variant.error(), created ? nullptr : &created.error()})
        if (e)
            return fail(*e);
    image.os = os->value_or("");
    image.architecture = arch->value_or("");
    image.variant = variant->value_or("");
    if (*created)
        image.created = parseRfc3339(**created).value_or(0);
    return {};
}

// Digits at text[pos, pos + count) as a number, or -1.
int digitsAt(std::string_view text, std::size_t pos, std::size_t count)
{
    int value = 0;
    if (pos + count > text.size())
        return -1;
    const char* begin = text.data() + pos;
    auto [end, ec] = std::from_chars(begin, begin + count, value);
    return ec == std::errc() && end == begin + count ? value : -1;
}

// "Z", "+HH:MM" or "-HH:MM" after the seconds (and any fraction): the
// offset in seconds, or nullopt.
std::optional<std::int64_t> zoneOffset(std::string_view zone)
{
    if (zone == "Z" || zone == "z")
        return 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return std::nullopt;
    const int hours = digitsAt(zone, 1, 2), minutes = digitsAt(zone, 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
        return std::nullopt;
    const std::int64_t offset = hours * 3600 + minutes * 60;
    return zone[0] == '+' ? offset : -offset;
}

} // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') ||
        text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const int year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2), second = digitsAt(text, 17, 2);
    if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 60)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok())
        return std::nullopt;
    std::size_t pos = 19;
    if (text[pos] == '.')
        for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9';)
            ++pos;
    const auto offset = zoneOffset(text.substr(pos));
    if (!offset)
        return std::nullopt;
    const std::int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
    return days * 86400 + hour * 3600 + minute * 60 + second - *offset;
}

Result<ImageConfig> parseImageConfig(std::string_view text, std::string_view what)
{
    auto document = parseJsonObject(text, what);
    if (!document)
        return fail(document.error());
    ImageConfig image;
    auto process = optionalObject(*document, "config", what);
    if (!process)
        return fail(process.error());
    if (*process)
        if (auto ok = readProcess(**process, image, what); !ok)
            return fail(ok.error());
    if (auto ok = readTopLevel(*document, image, what); !ok)
        return fail(ok.error());
    auto ids = diffIds(*document, what);
    if (!ids)
        return fail(ids.error());
    image.diffIds = std::move(*ids);
    return image;
}

} // namespace berth::image
