#include "spec/container_spec.h"

#include "cgroup/device_config.h"
#include "cgroup/limits_config.h"

#include "spec/spec_internal.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>

namespace berth {

namespace {

// LXC's "auto" for lxc.console.size and lxc.console.buffer.size.
constexpr std::uint64_t kAutoConsoleSize = 128 * 1024;
// The monitor holds the buffer in memory; more than this is a typo.
constexpr std::uint64_t kMaxConsoleSize = 1ULL << 30;
// LXC raises a console size below a page to a page.
constexpr std::uint64_t kMinConsoleSize = 4096;

// Parses the key's value, if it has a non-empty one, into `out`.
template <class T, class Parse> Status readValue(const Config& config, std::string_view key, T& out, Parse parse)
{
    const auto entry = config.entry(key);
    if (!entry || entry->value.empty())
        return {};
    auto value = parse(entry->value);
    if (!value)
        return std::unexpected(entryError(*entry, value.error()));
    out = static_cast<T>(*value);
    return {};
}

auto bounded(std::uint64_t max)
{
    return [max](std::string_view text) { return parseUnsignedValue(text, 0, max); };
}

Result<std::uint64_t> parseConsoleSize(std::string_view text)
{
    if (text == "auto")
        return kAutoConsoleSize;
    auto size = parseSizeValue(text);
    if (size && *size > kMaxConsoleSize)
        return failWith(ERANGE, quoteForMessage(text) + " is larger than 1 GiB");
    if (size)
        return std::max(*size, kMinConsoleSize);
    return size;
}

Result<std::filesystem::path> parseAbsolutePath(std::string_view text)
{
    if (auto ok = checkAbsolutePath(text); !ok)
        return fail(ok.error());
    return std::filesystem::path(text);
}

Status readConsole(const Config& config, ContainerSpec& spec)
{
    if (auto ok = readValue(config, "lxc.console.buffer.size", spec.consoleBufferSize, parseConsoleSize); !ok)
        return ok;
    if (auto ok = readValue(config, "lxc.console.size", spec.consoleLogSize, parseConsoleSize); !ok)
        return ok;
    if (auto ok = readValue(config, "lxc.console.rotate", spec.consoleLogRotate, parseBoolValue); !ok)
        return ok;
    std::filesystem::path logfile;
    if (auto ok = readValue(config, "lxc.console.logfile", logfile, parseAbsolutePath); !ok)
        return ok;
    if (!logfile.empty())
        spec.consoleLogfile = std::move(logfile);
    if (auto ok = readValue(config, "lxc.tty.max", spec.ttyMax, bounded(64)); !ok)
        return ok;
    return readValue(config, "lxc.pty.max", spec.ptyMax, bounded(65536));
}

// A delay longer than this between two starts is a typo, not a plan.
constexpr std::uint64_t kMaxStartDelay = 3600;

// lxc.start.order: a signed int, as LXC reads it.
Result<int> parseStartOrder(std::string_view text)
{
    const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return failWith(EINVAL, quoteForMessage(text) + " is not an integer");
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return failWith(ERANGE, quoteForMessage(text) + " is out of range " + std::to_string(INT_MIN) + ".." +
                                    std::to_string(INT_MAX));
    return value;
}

Status readAutostart(const Config& config, ContainerSpec& spec)
{
    if (auto ok = readValue(config, "lxc.start.auto", spec.startAuto, parseBoolValue); !ok)
        return ok;
    if (auto ok = readValue(config, "lxc.start.order", spec.startOrder, parseStartOrder); !ok)
        return ok;
    return readValue(config, "lxc.start.delay", spec.startDelay, bounded(kMaxStartDelay));
}

Status readLifecycle(const Config& config, ContainerSpec& spec)
{
    if (auto ok = readAutostart(config, spec); !ok)
        return ok;
    if (auto ok = readValue(config, "berth.remove_when_stopped", spec.removeWhenStopped, parseBoolValue); !ok)
        return ok;
    if (auto ok = readValue(config, "lxc.signal.stop", spec.stopSignal, parseSignalValue); !ok)
        return ok;
    const int before = spec.haltSignal;
    spec.haltSignal = 0;
    if (auto ok = readValue(config, "lxc.signal.halt", spec.haltSignal, parseSignalValue); !ok)
        return ok;
    spec.haltSignalConfigured = spec.haltSignal != 0;
    if (!spec.haltSignalConfigured)
        spec.haltSignal = before;
    return {};
}

// After the kind: a system container is a whole distribution, whose sudo,
// su, passwd and unix_chkpwd need setuid (LXC's default). In one of its own
// user namespace setuid reaches only that namespace's IDs; a privileged
// one is made, entered and configured only by an administrator, so no
// member runs anything there. Application containers run one program and
// keep no_new_privs (docs/security.md).
Status readNoNewPrivs(const Config& config, ContainerSpec& spec)
{
    spec.noNewPrivs = spec.kind != ContainerKind::System;
    return readValue(config, "lxc.no_new_privs", spec.noNewPrivs, parseBoolValue);
}

} // namespace

Error entryError(const ConfigEntry& entry, const Error& error)
{
    return Error::make(error.code, entry.where() + ": " + entry.key + ": " + error.message,
                       entry.where() + " " + entry.key);
}

std::unexpected<Error> failAt(const ConfigEntry& entry, int code, const std::string& message)
{
    return std::unexpected(entryError(entry, Error::make(code, message)));
}

Status checkAbsolutePath(std::string_view path)
{
    const std::filesystem::path p(path);
    if (!p.is_absolute())
        return failWith(EINVAL, quoteForMessage(path) + " is not an absolute path");
    for (const auto& part : p) {
        if (part == "..")
            return failWith(EINVAL, quoteForMessage(path) + " contains '..'");
    }
    return {};
}

// lxc.cgroup2.* and lxc.cgroup.*: translated by the cgroup module.
static Status readLimits(const Config& config, ContainerSpec& spec)
{
    auto limits = cgroup::limitsFromConfig(config);
    if (!limits)
        return fail(limits.error());
    auto devices = cgroup::deviceAllowlistFromConfig(config);
    if (!devices)
        return fail(devices.error());
    spec.limits = std::move(*limits);
    spec.devices = std::move(*devices);
    return {};
}

// lxc.net.N.* and berth.net.forward: parsed by the net module.
static Status readNetwork(const Config& config, ContainerSpec& spec)
{
    auto interfaces = net::netInterfacesFromConfig(config);
    if (!interfaces)
        return fail(interfaces.error());
    auto forwards = net::portForwardsFromConfig(config);
    if (!forwards)
        return fail(forwards.error());
    spec.network = std::move(*interfaces);
    spec.forwards = std::move(*forwards);
    return {};
}

Result<ContainerSpec> ContainerSpec::fromConfig(const Config& config)
{
    using Step = Status (*)(const Config&, ContainerSpec&);
    static constexpr Step steps[] = {readIdentity,      readProcess,    readMounts, readCapabilities,
                                     readConsole,       readLifecycle,  readLimits, readNetwork,
                                     readUserNamespace, readNoNewPrivs, readShares, readUnappliedKeys};
    ContainerSpec spec;
    for (Step step : steps) {
        if (auto ok = step(config, spec); !ok)
            return fail(ok.error());
    }
    return spec;
}

} // namespace berth
