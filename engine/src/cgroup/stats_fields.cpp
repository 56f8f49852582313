#include "cgroup/stats_fields.h"

#include "cgroup/stats_parse.h"

#include <cerrno>

namespace berth::cgroup::stats_detail {

namespace {

// The file's text, or nullopt when it does not exist.
Result<std::optional<std::string_view>> readIfPresent(const ControlDir& dir, const char* file, Buffer buffer)
{
    Result<std::string_view> text = dir.read(file, buffer);
    if (!text && text.error().code == ENOENT)
        return std::optional<std::string_view>();
    if (!text)
        return std::unexpected(std::move(text.error()));
    return std::optional<std::string_view>(*text);
}

template <class Parse> Status parsed(const ControlDir& dir, const char* file, Buffer buffer, Parse parse)
{
    Result<std::optional<std::string_view>> text = readIfPresent(dir, file, buffer);
    if (!text)
        return std::unexpected(std::move(text.error()));
    if (!*text)
        return {};
    return parse(**text, (dir.path() / file).string());
}

template <class T> Status store(Result<T> value, T& out)
{
    if (!value)
        return std::unexpected(std::move(value.error()));
    out = *value;
    return {};
}

} // namespace

Status counter(const ControlDir& dir, const char* file, Buffer buffer, std::uint64_t& out)
{
    return parsed(dir, file, buffer,
                  [&](std::string_view text, const std::string& name) { return store(parseCounter(text, name), out); });
}

Status optionalCounter(const ControlDir& dir, const char* file, Buffer buffer, std::optional<std::uint64_t>& out)
{
    return parsed(dir, file, buffer, [&](std::string_view text, const std::string& name) -> Status {
        Result<std::uint64_t> value = parseCounter(text, name);
        if (!value)
            return std::unexpected(std::move(value.error()));
        out = *value;
        return {};
    });
}

Status limit(const ControlDir& dir, const char* file, Buffer buffer, std::uint64_t& out)
{
    return parsed(dir, file, buffer,
                  [&](std::string_view text, const std::string& name) { return store(parseLimit(text, name), out); });
}

Status keys(const ControlDir& dir, const char* file, Buffer buffer, std::initializer_list<KeyTarget> targets,
            std::uint64_t scale)
{
    return parsed(dir, file, buffer, [&](std::string_view text, const std::string& name) -> Status {
        for (const auto& [key, target] : targets) {
            Result<std::optional<std::uint64_t>> value = keyedValue(text, key, name);
            if (!value)
                return std::unexpected(std::move(value.error()));
            if (*value)
                *target = **value * scale;
        }
        return {};
    });
}

Status firstFailure(std::initializer_list<Status> steps)
{
    for (const Status& step : steps)
        if (!step)
            return step;
    return {};
}

} // namespace berth::cgroup::stats_detail
