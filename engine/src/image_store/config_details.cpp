#include "image_store/config_details.h"

#include "image/oci_image_config.h"
#include "image/oci_json.h"

#include <charconv>
#include <ctime>

namespace berth::image_store {

namespace {

using image::Json;

bool number(std::string_view text, std::size_t pos, std::size_t width, int& out)
{
    if (pos + width > text.size())
        return false;
    const char* begin = text.data() + pos;
    const auto [end, ec] = std::from_chars(begin, begin + width, out);
    return ec == std::errc() && end == begin + width;
}

// "Z", "+HH:MM" or "-HH:MM" after the seconds (and an optional fraction).
std::optional<int> zoneOffset(std::string_view rest)
{
    std::size_t pos = 0;
    if (pos < rest.size() && rest[pos] == '.') {
        ++pos;
        while (pos < rest.size() && rest[pos] >= '0' && rest[pos] <= '9')
            ++pos;
    }
    rest.remove_prefix(pos);
    if (rest == "Z" || rest == "z")
        return 0;
    int hours = 0, minutes = 0;
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' || !number(rest, 1, 2, hours) ||
        !number(rest, 4, 2, minutes))
        return std::nullopt;
    const int offset = hours * 3600 + minutes * 60;
    return rest[0] == '+' ? offset : -offset;
}

Status readPlatform(const Json& doc, ImageRecord& record, std::string_view what)
{
    for (auto [key, field] : {std::pair{"os", &record.os}, std::pair{"architecture", &record.architecture},
                              std::pair{"variant", &record.variant}}) {
        auto value = image::optionalString(doc, key, what);
        if (!value)
            return fail(value.error());
        *field = value->value_or("");
    }
    auto created = image::optionalString(doc, "created", what);
    if (!created)
        return fail(created.error());
    record.created = parseRfc3339(created->value_or("")).value_or(0);
    return {};
}

Status readStopAndLabels(const Json& doc, ImageRecord& record, std::string_view what)
{
    auto process = image::optionalObject(doc, "config", what);
    if (!process)
        return fail(process.error());
    if (!*process)
        return {};
    auto stop = image::optionalString(**process, "StopSignal", what);
    if (!stop)
        return fail(stop.error());
    record.stopSignal = stop->value_or("");
    auto labels = image::stringMap(**process, "Labels", what);
    if (!labels)
        return fail(labels.error());
    record.labels.insert(labels->begin(), labels->end());
    return {};
}

} // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    std::tm tm{};
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') ||
        text[13] != ':' || text[16] != ':')
        return std::nullopt;
    if (!number(text, 0, 4, tm.tm_year) || !number(text, 5, 2, tm.tm_mon) || !number(text, 8, 2, tm.tm_mday) ||
        !number(text, 11, 2, tm.tm_hour) || !number(text, 14, 2, tm.tm_min) || !number(text, 17, 2, tm.tm_sec))
        return std::nullopt;
    auto offset = zoneOffset(text.substr(19));
    if (!offset || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31)
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<std::int64_t>(::timegm(&tm)) - *offset;
}

Status readConfigDetails(std::string_view configText, ImageRecord& record)
{
    const std::string what = "image config " + record.id;
    auto config = image::parseImageConfig(configText, what);
    if (!config)
        return fail(config.error());
    record.entrypoint = std::move(config->entrypoint);
    record.cmd = std::move(config->cmd);
    record.env = std::move(config->env);
    record.workingDir = std::move(config->workingDir);
    record.user = std::move(config->user);
    record.exposedPorts = std::move(config->exposedPorts);
    record.diffIds = std::move(config->diffIds);
    auto doc = image::parseJsonObject(configText, what);
    if (!doc)
        return fail(doc.error());
    if (auto ok = readPlatform(*doc, record, what); !ok)
        return ok;
    return readStopAndLabels(*doc, record, what);
}

} // namespace berth::image_store
