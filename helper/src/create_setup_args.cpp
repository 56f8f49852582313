#include "create_setup_args.h"

#include "berth/model/create_setup.h"
#include "berth/model/limits.h"
#include "config/values.h"
#include "config_judgement.h"
#include "dbus_types.h"
#include "host_exposure.h"
#include "net/ipv4.h"
#include "net/net_spec.h"
#include "validation.h"

#include <QDBusArgument>
#include <QStringList>

#include <algorithm>
#include <cctype>

namespace berth::helper {
namespace {

namespace keys = model::create_setup_keys;

QLatin1String keyText(std::string_view key)
{
    return QLatin1String(key.data(), qsizetype(key.size()));
}

Status wrongType(const QString& key, const char* wanted)
{
    return failWith(EINVAL, "setup '" + key.toStdString() + "' is not " + wanted);
}

Result<std::string> takeString(const QString& key, const QVariant& value)
{
    if (value.metaType() != QMetaType::fromType<QString>())
        return fail(wrongType(key, "a string (s)").error());
    return value.toString().toStdString();
}

Result<bool> takeBool(const QString& key, const QVariant& value)
{
    if (value.metaType() != QMetaType::fromType<bool>())
        return fail(wrongType(key, "a boolean (b)").error());
    return value.toBool();
}

Result<std::vector<std::string>> takeStrings(const QString& key, const QVariant& value)
{
    if (value.metaType() != QMetaType::fromType<QStringList>())
        return fail(wrongType(key, "a list of strings (as)").error());
    std::vector<std::string> out;
    for (const QString& item : value.toStringList())
        out.push_back(item.toStdString());
    return out;
}

// a{ss} arrives from the bus as a QDBusArgument; a caller in the same
// process (a test) may pass the map itself.
Result<std::map<std::string, std::string>> takeStringMap(const QString& key, const QVariant& value)
{
    StringMap map;
    if (value.metaType() == QMetaType::fromType<StringMap>()) {
        map = value.value<StringMap>();
    } else if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const auto arg = value.value<QDBusArgument>();
        if (arg.currentSignature() != QLatin1String("a{ss}"))
            return fail(wrongType(key, "a map of strings (a{ss})").error());
        arg >> map;
    } else {
        return fail(wrongType(key, "a map of strings (a{ss})").error());
    }
    std::map<std::string, std::string> out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.emplace(it.key().toStdString(), it.value().toStdString());
    return out;
}

// a(sss) from the bus as a QDBusArgument; in-process callers pass the list.
Result<std::vector<RegistryCredential>> takeCredentials(const QString& key, const QVariant& value)
{
    BerthRegistryLogins logins;
    if (value.metaType() == QMetaType::fromType<BerthRegistryLogins>()) {
        logins = value.value<BerthRegistryLogins>();
    } else if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const auto arg = value.value<QDBusArgument>();
        if (arg.currentSignature() != QLatin1String("a(sss)"))
            return fail(wrongType(key, "a list of logins (a(sss))").error());
        arg >> logins;
    } else {
        return fail(wrongType(key, "a list of logins (a(sss))").error());
    }
    std::vector<RegistryCredential> out;
    for (const RegistryLogin& login : logins)
        out.push_back({login.registry.toStdString(), login.username.toStdString(), login.secret.toStdString()});
    return out;
}

// "name", "uid" or "uid:gid" (also "name:group"): looked up in the image's
// /etc/passwd by the engine, so only its shape is checked here.
Status validateUser(const std::string& user)
{
    static constexpr std::size_t kMaxUser = 256;
    const auto bad =
        user.empty() || user.size() > kMaxUser || std::count(user.begin(), user.end(), ':') > 1 ||
        user.front() == ':' || user.back() == ':' || std::any_of(user.begin(), user.end(), [](char c) {
            return !(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == ':');
        });
    if (bad)
        return failWith(EINVAL, "setup 'user' " + quoteForMessage(user) + " is not a name, uid or uid:gid");
    return {};
}

// "10.0.3.20" or "10.0.3.20/24".
Status validateAddress(const std::string& text)
{
    if (text.find('/') != std::string::npos) {
        auto cidr = net::parseIpv4Cidr(text);
        return cidr ? Status{} : fail(cidr.error());
    }
    auto address = net::parseIpv4Address(text);
    return address ? Status{} : fail(address.error());
}

Status takeKey(const QString& key, const QVariant& value, CreateSetupArgs& args)
{
    CreateSetup& setup = args.setup;
    auto assign = [](auto taken, auto& into) -> Status {
        if (!taken)
            return fail(taken.error());
        into = std::move(*taken);
        return {};
    };
    if (key == keyText(keys::kNetwork))
        return assign(takeString(key, value), args.network);
    if (key == keyText(keys::kAddress))
        return assign(takeString(key, value), setup.address);
    if (key == keyText(keys::kForwards))
        return assign(takeStrings(key, value), setup.forwards);
    if (key == keyText(keys::kAutostart))
        return assign(takeBool(key, value), setup.autostart);
    if (key == keyText(keys::kEnvironment))
        return assign(takeStrings(key, value), setup.environment);
    if (key == keyText(keys::kRemoveWhenStopped))
        return assign(takeBool(key, value), setup.removeWhenStopped);
    if (key == keyText(keys::kCredentials))
        return assign(takeCredentials(key, value), args.credentials);
    if (key == keyText(keys::kEntrypoint)) {
        auto list = takeStrings(key, value);
        if (!list)
            return fail(list.error());
        setup.entrypoint = std::move(*list);
        return {};
    }
    if (key == keyText(keys::kWorkingDir))
        return assign(takeString(key, value), setup.workingDir);
    if (key == keyText(keys::kUser))
        return assign(takeString(key, value), setup.user);
    if (key == keyText(keys::kLimits)) {
        auto map = takeStringMap(key, value);
        if (!map)
            return fail(map.error());
        if (map->empty())
            return {};
        auto limits = model::parseLimitArgs(*map);
        if (!limits)
            return failWith(EINVAL, limits.error().message);
        setup.limits = std::move(*limits);
        return {};
    }
    if (key == keyText(keys::kConfig)) {
        auto map = takeStringMap(key, value);
        if (!map)
            return fail(map.error());
        setup.config.assign(map->begin(), map->end());
        return {};
    }
    return failWith(EINVAL, "unknown setup key '" + key.toStdString() + "'");
}

Status validateSetup(const CreateSetupArgs& args)
{
    const CreateSetup& setup = args.setup;
    if (!args.network.empty())
        if (auto valid = validateBridgeName(args.network); !valid)
            return valid;
    if (!setup.address.empty()) {
        if (args.network.empty())
            return failWith(EINVAL, "setup 'address' needs a 'network'");
        if (auto valid = validateAddress(setup.address); !valid)
            return fail(valid.error().wrap("setup 'address'"));
    }
    for (const std::string& forward : setup.forwards)
        if (auto valid = validateForward(forward); !valid)
            return valid;
    if (auto valid = validateEnv(setup.environment); !valid)
        return valid;
    if (setup.entrypoint)
        if (auto valid = validateArgv(*setup.entrypoint, true); !valid)
            return fail(valid.error().wrap("setup 'entrypoint'"));
    if (!setup.workingDir.empty())
        if (auto valid = validateCwd(setup.workingDir); !valid)
            return fail(valid.error().wrap("setup 'workingDir'"));
    if (!setup.user.empty())
        if (auto valid = validateUser(setup.user); !valid)
            return valid;
    if (auto valid = validateCredentials(args.credentials); !valid)
        return valid;
    for (const auto& [key, value] : setup.config)
        if (key.find_first_of("\n=") != std::string::npos || value.find('\n') != std::string::npos)
            return failWith(EINVAL, "setup 'config': " + quoteForMessage(key) + " is not one config line");
    return validateConfigText(setupConfigLines(setup));
}

} // namespace

Result<CreateSetupArgs> parseCreateSetup(const QVariantMap& setup)
{
    CreateSetupArgs args;
    for (auto it = setup.cbegin(); it != setup.cend(); ++it)
        if (auto taken = takeKey(it.key(), it.value(), args); !taken)
            return fail(taken.error());
    if (auto valid = validateSetup(args); !valid)
        return fail(valid.error());
    return args;
}

std::string setupConfigLines(const CreateSetup& setup)
{
    std::string text;
    for (const auto& [key, value] : setup.config)
        text += key + " = " + value + "\n";
    return text;
}

Result<SetupNeeds> setupNeeds(const CreateSetup& setup, const std::string& baseConfig, const Paths& paths)
{
    SetupNeeds needs;
    needs.network = !setup.forwards.empty();
    for (const std::string& forward : setup.forwards)
        if (auto parsed = net::parsePortForward(forward))
            if (auto reason = forwardExposure(*parsed))
                needs.host.push_back(*reason);
    if (setup.config.empty())
        return needs;
    auto reasons = judgeConfig(baseConfig + setupConfigLines(setup), baseConfig, paths);
    if (!reasons)
        return fail(reasons.error());
    needs.host.insert(needs.host.end(), reasons->begin(), reasons->end());
    return needs;
}

} // namespace berth::helper
