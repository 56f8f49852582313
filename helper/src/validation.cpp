#include "validation.h"

#include "berth/model/states.h"
#include "berth/names.h"
#include "config/values.h"

#include <cerrno>

namespace berth::helper {
namespace {

bool hasNul(std::string_view text)
{
    return text.find('\0') != std::string_view::npos;
}

Status checkEntries(const std::vector<std::string>& entries, std::size_t maxEntries, std::string_view what)
{
    if (entries.size() > maxEntries)
        return failWith(E2BIG, std::string(what) + ": more than " + std::to_string(maxEntries) + " entries");
    for (const auto& entry : entries) {
        if (entry.size() > kMaxArgBytes)
            return failWith(E2BIG,
                            std::string(what) + ": an entry is longer than " + std::to_string(kMaxArgBytes) + " bytes");
        if (hasNul(entry))
            return failWith(EINVAL, std::string(what) + ": an entry contains a NUL byte");
    }
    return {};
}

bool isEnvKeyChar(char c, bool first)
{
    const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    return alpha || (!first && c >= '0' && c <= '9');
}

} // namespace

Status validateName(std::string_view name)
{
    return validateContainerName(name);
}

Result<TemplateOptions> validateTemplate(std::string_view templateName, const TemplateOptions& options)
{
    const TemplateInfo* info = findTemplate(templateName);
    if (!info)
        return failWith(EINVAL, "no template " + quoteForMessage(templateName));
    if (options.size() > kMaxOptions)
        return failWith(E2BIG, "too many template options");
    for (const auto& [key, value] : options) {
        if (key.size() > 256 || value.size() > kMaxArgBytes || hasNul(key) || hasNul(value))
            return failWith(EINVAL, "template option " + quoteForMessage(key) + " is too long or contains NUL");
    }
    return validateTemplateOptions(*info, options);
}

Status validateKind(std::string_view kind)
{
    if (kind.empty() || model::parseContainerKind(kind))
        return {};
    return failWith(EINVAL, "kind " + quoteForMessage(kind) + " is not 'system' or 'application'");
}

Status validateSignal(int signal)
{
    if (signal < 1 || signal > 64)
        return failWith(EINVAL, "signal " + std::to_string(signal) + " is not within 1..64");
    return {};
}

Result<std::chrono::milliseconds> validateStopTimeout(std::uint32_t seconds)
{
    if (std::chrono::seconds(seconds) > kMaxStopTimeout)
        return failWith(EINVAL, "stop timeout " + std::to_string(seconds) + " s is more than " +
                                    std::to_string(kMaxStopTimeout.count()) + " s");
    return std::chrono::milliseconds(std::chrono::seconds(seconds));
}

Status validateTty(int tty)
{
    if (tty < 0 || tty > kMaxTty)
        return failWith(EINVAL, "tty " + std::to_string(tty) + " is not within 0.." + std::to_string(kMaxTty));
    return {};
}

Status validateWindowSize(unsigned rows, unsigned columns)
{
    if (rows < 1 || rows > 4096 || columns < 1 || columns > 4096)
        return failWith(EINVAL, "window size " + std::to_string(rows) + "x" + std::to_string(columns) +
                                    " is not within 1..4096 each");
    return {};
}

Status validateArgv(const std::vector<std::string>& argv, bool allowEmpty)
{
    if (argv.empty() && !allowEmpty)
        return failWith(EINVAL, "command: empty");
    if (!argv.empty() && argv.front().empty())
        return failWith(EINVAL, "command: the program name is empty");
    return checkEntries(argv, kMaxArgvEntries, "command");
}

Status validateEnv(const std::vector<std::string>& env)
{
    if (auto sizes = checkEntries(env, kMaxEnvEntries, "environment"); !sizes)
        return sizes;
    for (const auto& entry : env) {
        const auto eq = entry.find('=');
        bool ok = eq != std::string::npos && eq > 0;
        for (std::size_t i = 0; ok && i < eq; ++i)
            ok = isEnvKeyChar(entry[i], i == 0);
        if (!ok)
            return failWith(EINVAL, "environment: " + quoteForMessage(entry) + " is not KEY=VALUE");
    }
    return {};
}

Status validateCwd(std::string_view cwd)
{
    if (cwd.empty() || cwd.front() != '/' || cwd.size() > 4096 || hasNul(cwd))
        return failWith(EINVAL, "working directory " + quoteForMessage(cwd) + " is not an absolute path");
    if (cwd == "/.." || cwd.find("/../") != std::string_view::npos || cwd.ends_with("/.."))
        return failWith(EINVAL, "working directory " + quoteForMessage(cwd) + " contains '..'");
    return {};
}

Status validateConfigText(std::string_view text)
{
    if (text.size() > kMaxConfigBytes)
        return failWith(E2BIG, "config text is larger than " + std::to_string(kMaxConfigBytes) + " bytes");
    if (hasNul(text))
        return failWith(EINVAL, "config text contains a NUL byte");
    return {};
}

Status validateJobCount(std::size_t running)
{
    if (running >= kMaxRunningJobs)
        return failWith(EBUSY, "too many jobs are running (" + std::to_string(running) + "); try again later");
    return {};
}

} // namespace berth::helper
