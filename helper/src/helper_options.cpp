#include "helper_options.h"

#include "berth/model/bus_names.h"
#include "config/values.h"

#include <cerrno>

namespace berth::helper {
namespace {

Result<std::chrono::seconds> parseIdle(std::string_view text)
{
    auto seconds = parseUnsignedValue(text, 0, 86400);
    if (!seconds)
        return failWith(EINVAL, "idle timeout " + quoteForMessage(text) + " is not 0..86400 seconds");
    return std::chrono::seconds(*seconds);
}

Status validateCgroupParent(std::string_view parent)
{
    if (parent.empty() || parent.front() == '/' || parent.find("..") != std::string_view::npos)
        return failWith(EINVAL, "cgroup parent " + quoteForMessage(parent) + " must be a relative path without '..'");
    return {};
}

Status applyOption(HelperOptions& options, std::string_view flag, const std::string& value)
{
    if (flag == "--root") {
        options.root = value;
    } else if (flag == "--cgroup-parent") {
        if (auto valid = validateCgroupParent(value); !valid)
            return valid;
        options.cgroupParent = value;
    } else if (flag == "--libexec-dir") {
        options.libexecDir = value;
    } else if (flag == "--idle-timeout") {
        auto idle = parseIdle(value);
        if (!idle)
            return fail(idle.error());
        options.idleTimeout = *idle;
    } else {
        return failWith(EINVAL, "unknown option " + quoteForMessage(flag));
    }
    return {};
}

} // namespace

Result<HelperOptions> parseHelperOptions(const std::vector<std::string>& args, const char* idleEnv)
{
    HelperOptions options;
    if (idleEnv) {
        auto idle = parseIdle(idleEnv);
        if (!idle)
            return fail(idle.error().wrap("BERTH_HELPER_IDLE_TIMEOUT"));
        options.idleTimeout = *idle;
    }
    std::size_t i = 0;
    while (i < args.size()) {
        const std::string& flag = args[i++];
        if (flag == "--stop-networks") { // the one flag without a value
            options.stopNetworks = true;
            continue;
        }
        if (i >= args.size())
            return failWith(EINVAL, "option " + quoteForMessage(flag) + " needs a value");
        if (auto applied = applyOption(options, flag, args[i++]); !applied)
            return fail(applied.error());
    }
    if (!options.root.is_absolute() || (!options.libexecDir.empty() && !options.libexecDir.is_absolute()))
        return failWith(EINVAL, "--root and --libexec-dir need absolute paths");
    return options;
}

EngineSettings engineSettings(const HelperOptions& options)
{
    EngineSettings settings;
    settings.paths = Paths(options.root);
    settings.cgroupParent = options.cgroupParent;
    settings.libexecDir = options.libexecDir;
    return settings;
}

std::vector<std::string> wakeCommand(const std::string& busAddress)
{
    // dbus-send does not wait for the answer: the bus starts the helper anyway.
    return {"/usr/bin/dbus-send", busAddress.empty() ? "--system" : "--bus=" + busAddress,
            "--type=method_call", std::string("--dest=") + model::kServiceName,
            model::kObjectPath,   "org.freedesktop.DBus.Peer.Ping"};
}

} // namespace berth::helper
