// The helper validates every D-Bus argument before polkit is even asked,
// so these functions see hostile bytes first. Input format (text, so the
// seed corpus stays readable): the first line names a validator, the other
// lines are its arguments. Where the documentation states a rule, the
// result is checked against an independent oracle; a value the helper hands
// back to callers must be accepted again when they send it back.
#include "berth/config.h"
#include "berth/model/limits.h"
#include "spec/container_spec.h"
#include "fuzz_invariant.h"
#include "host_exposure.h"
#include "net/ipv4.h"
#include "net/net_spec.h"
#include "validation.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <sys/mount.h>
#include <sys/stat.h>
#include <vector>

namespace {

using berth::fuzz::require;
namespace helper = berth::helper;
using Fields = std::vector<std::string>;

Fields splitLines(std::string_view text)
{
    Fields fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find('\n', start);
        fields.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            return fields;
        start = end + 1;
    }
}

bool matches(const std::string& text, const char* pattern)
{
    // std::regex only as a slow, obviously right oracle; libstdc++'s
    // recurses per character, so long input would overflow the stack.
    return text.size() <= 512 && std::regex_match(text, std::regex(pattern, std::regex::extended));
}

std::string field(const Fields& fields, std::size_t index)
{
    return index < fields.size() ? fields[index] : std::string();
}

// Lenient on purpose: any prefix of digits gives the fuzzer a number.
std::uint64_t number(const Fields& fields, std::size_t index)
{
    const std::string text = field(fields, index);
    std::uint64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// DESIGN.md: names match ^[a-z0-9][a-z0-9_.-]{0,62}$.
void checkName(const Fields& fields)
{
    const std::string name = field(fields, 0);
    const bool accepted = helper::validateName(name).has_value();
    require(accepted == matches(name, "^[a-z0-9][a-z0-9_.-]{0,62}$"), "name rule as documented", name);
}

// A bridge name becomes an interface name and a file name.
void checkBridge(const Fields& fields)
{
    const std::string name = field(fields, 0);
    if (!helper::validateBridgeName(name))
        return;
    require(matches(name, "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$"), "bridge name fits IFNAMSIZ, safe file name", name);
}

void checkCidr(const Fields& fields)
{
    const std::string text = field(fields, 0);
    if (!helper::validateCidr(text, false))
        return;
    auto cidr = berth::net::Ipv4Cidr::parse(text);
    require(cidr.has_value(), "an accepted CIDR parses", text);
    auto again = berth::net::Ipv4Cidr::parse(cidr->toString());
    require(again && *again == *cidr, "a CIDR survives toString()", text);
}

void checkForward(const Fields& fields)
{
    const std::string text = field(fields, 0);
    if (!helper::validateForward(text))
        return;
    auto forward = berth::net::parsePortForward(text);
    require(forward.has_value(), "an accepted forward parses", text);
    require(forward->hostPort != 0 && forward->containerPort != 0, "forward ports are 1..65535", text);
    auto again = berth::net::parsePortForward(forward->toString());
    require(again && *again == *forward, "a forward survives toString()", text);
}

void checkNetworkMisc(const Fields& fields)
{
    (void)helper::validateDhcpRange(field(fields, 0));
    const std::string domain = field(fields, 1);
    if (helper::validateDomain(domain))
        require(matches(domain, "^[a-z0-9.-]{1,253}$"), "domain charset and length", domain);
}

// GetContainer reports limits as limitArgsText(); SetLimits must take
// that text back and mean the same.
void checkLimits(const Fields& fields)
{
    std::map<std::string, std::string> args;
    for (const std::string& line : fields) {
        const std::size_t eq = line.find('=');
        if (eq != std::string::npos)
            args[line.substr(0, eq)] = line.substr(eq + 1);
    }
    auto limits = berth::model::parseLimitArgs(args);
    if (!limits)
        return;
    const auto text = berth::model::limitArgsText(*limits);
    auto again = berth::model::parseLimitArgs(text);
    require(again.has_value(), "reported limits are accepted again", again ? "" : again.error().message);
    require(berth::model::limitArgsText(*again) == text, "reported limits mean the same when sent back");
}

void checkCommand(const Fields& fields)
{
    (void)helper::validateArgv(fields, false);
    (void)helper::validateArgv(fields, true);
    if (helper::validateEnv(fields)) {
        for (const std::string& entry : fields) {
            const std::string key = entry.substr(0, entry.find('='));
            require(entry.find('=') != std::string::npos, "environment entries are KEY=VALUE", entry);
            if (key.size() <= 512)
                require(matches(key, "^[A-Za-z_][A-Za-z0-9_]*$"), "environment keys are shell names", entry);
        }
    }
}

// The working directory: absolute and no ".." component.
void checkCwd(const Fields& fields)
{
    const std::string cwd = field(fields, 0);
    if (!helper::validateCwd(cwd))
        return;
    require(cwd.starts_with('/'), "cwd is absolute", cwd);
    require(cwd.find('\0') == std::string::npos, "cwd has no NUL", cwd);
    std::size_t start = 0;
    while (start <= cwd.size()) {
        const std::size_t end = std::min(cwd.find('/', start), cwd.size());
        require(std::string_view(cwd).substr(start, end - start) != "..", "cwd has no '..' component", cwd);
        start = end + 1;
    }
}

void checkNumbers(const Fields& fields)
{
    const auto n = number(fields, 0);
    const int asInt = static_cast<int>(static_cast<std::int32_t>(n));
    require(helper::validateSignal(asInt).has_value() == (asInt >= 1 && asInt <= 64), "signal range 1..64");
    require(helper::validateTty(asInt).has_value() == (asInt >= 0 && asInt <= helper::kMaxTty), "tty range");
    const auto n32 = static_cast<std::uint32_t>(n);
    require(helper::validateMtu(n32).has_value() == (n32 == 0 || (n32 >= 68 && n32 <= 65535)), "mtu range");
    (void)helper::validateStopTimeout(n32);
    (void)helper::validateWindowSize(static_cast<unsigned>(n), static_cast<unsigned>(number(fields, 1)));
    (void)helper::validateJobCount(n);
    (void)helper::validateKind(field(fields, 2));
}

// A descriptor the caller passes: never a socket or a device.
void checkFdMode(const Fields& fields)
{
    const auto mode = static_cast<mode_t>(number(fields, 0));
    const bool fileOk = number(fields, 1) & 1;
    const bool directoryOk = number(fields, 1) & 2;
    if (!helper::validateFdMode(mode, fileOk, directoryOk))
        return;
    const bool file = S_ISREG(mode) || S_ISFIFO(mode);
    require((fileOk && file) || (directoryOk && S_ISDIR(mode)), "fd is a file, pipe or directory as asked");
}

void checkTemplate(const Fields& fields)
{
    berth::TemplateOptions options;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const std::size_t eq = fields[i].find('=');
        options[fields[i].substr(0, eq)] = eq == std::string::npos ? std::string() : fields[i].substr(eq + 1);
    }
    (void)helper::validateTemplate(field(fields, 0), options);
}

// SetConfig's path: size and NUL checks, the parser, the spec, and the
// check for configs that need org.berth.host.bind-mount.
void checkConfig(std::string_view text)
{
    if (!helper::validateConfigText(text))
        return;
    auto config = berth::Config::parse(text);
    if (!config)
        return;
    auto spec = berth::ContainerSpec::fromConfig(*config);
    if (!spec)
        return;
    const auto rootfs = config->get("lxc.rootfs.path");
    const auto exposures = helper::hostExposures(*config, *spec, rootfs);
    for (const auto& mount : spec->mounts) {
        if ((mount.flags & MS_BIND) && !mount.relativeSource)
            require(!exposures.empty(), "a bind mount of a host path needs the host-exposure action", text);
    }
    if (rootfs.has_value())
        require(!helper::hostExposures(*config, *spec, std::nullopt).empty(), "a new rootfs path is an exposure");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input = berth::fuzz::asText(data, size);
    const std::size_t newline = input.find('\n');
    const std::string_view selector = input.substr(0, newline);
    const std::string_view rest = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    if (selector == "config") {
        checkConfig(rest);
        return 0;
    }
    const Fields fields = splitLines(rest);
    using Check = void (*)(const Fields&);
    static const std::map<std::string_view, Check> kChecks{
        {"name", checkName},       {"bridge", checkBridge}, {"cidr", checkCidr},        {"forward", checkForward},
        {"net", checkNetworkMisc}, {"limits", checkLimits}, {"command", checkCommand},  {"cwd", checkCwd},
        {"numbers", checkNumbers}, {"fdmode", checkFdMode}, {"template", checkTemplate}};
    if (auto it = kChecks.find(selector); it != kChecks.end())
        it->second(fields);
    return 0;
}
