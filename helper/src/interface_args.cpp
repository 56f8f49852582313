#include "interface_args.h"

#include "berth/config.h"
#include "berth/model/interface.h"
#include "config_judgement.h"
#include "net/interface_edit.h"

#include <QStringList>

namespace berth::helper {
namespace {

namespace keys = model::interface_keys;

bool is(const QString& key, std::string_view name)
{
    return key == QLatin1String(name.data(), qsizetype(name.size()));
}

Error wrongType(const QString& key, const char* wanted)
{
    return Error::make(EINVAL, "interface '" + key.toStdString() + "' is not " + wanted);
}

Status takeString(const QString& key, const QVariant& value, std::optional<std::string>& into)
{
    if (value.metaType() != QMetaType::fromType<QString>())
        return fail(wrongType(key, "a string (s)"));
    into = value.toString().toStdString();
    return {};
}

Status takeStrings(const QString& key, const QVariant& value, std::optional<std::vector<std::string>>& into)
{
    if (value.metaType() != QMetaType::fromType<QStringList>())
        return fail(wrongType(key, "a list of strings (as)"));
    into.emplace();
    for (const QString& item : value.toStringList())
        into->push_back(item.toStdString());
    return {};
}

Status takeUnsigned(const QString& key, const QVariant& value, std::optional<unsigned>& into)
{
    if (value.metaType() != QMetaType::fromType<uint>())
        return fail(wrongType(key, "an unsigned number (u)"));
    into = value.toUInt();
    return {};
}

Status takeKey(const QString& key, const QVariant& value, InterfaceChange& change)
{
    if (is(key, keys::kType))
        return takeString(key, value, change.type);
    if (is(key, keys::kLink))
        return takeString(key, value, change.link);
    if (is(key, keys::kHwaddr))
        return takeString(key, value, change.hwaddr);
    if (is(key, keys::kName))
        return takeString(key, value, change.name);
    if (is(key, keys::kIpv4))
        return takeStrings(key, value, change.ipv4);
    if (is(key, keys::kMtu))
        return takeUnsigned(key, value, change.mtu);
    // index is the method's own argument, not a setting.
    return failWith(EINVAL, "unknown interface key '" + key.toStdString() + "'");
}

Status editConfig(Config& config, const InterfaceEdit& edit)
{
    InterfaceChange change = edit.change;
    change.ipv4.reset();
    switch (edit.kind) {
    case InterfaceEdit::Kind::Add: {
        auto index = net::nextInterfaceIndex(config);
        if (!index)
            return fail(index.error());
        if (!change.type)
            change.type = "veth";
        return net::writeInterfaceChange(config, *index, change);
    }
    case InterfaceEdit::Kind::Set:
        if (auto exists = net::requireInterface(config, edit.index); !exists)
            return exists;
        return net::writeInterfaceChange(config, edit.index, change);
    case InterfaceEdit::Kind::Remove:
        net::removeInterfaceLines(config, edit.index);
        return {};
    }
    return {};
}

} // namespace

Result<InterfaceChange> parseInterfaceArgs(const QVariantMap& args)
{
    InterfaceChange change;
    for (auto it = args.cbegin(); it != args.cend(); ++it)
        if (auto taken = takeKey(it.key(), it.value(), change); !taken)
            return fail(taken.error());
    return change;
}

Result<HostReasons> interfaceEditExposures(const std::string& currentText, const InterfaceEdit& edit,
                                           const Paths& paths)
{
    auto config = Config::parse(currentText, {.followIncludes = false});
    if (!config)
        return fail(config.error());
    if (auto edited = editConfig(*config, edit); !edited)
        return fail(edited.error());
    return judgeConfig(config->serialize(), currentText, paths);
}

} // namespace berth::helper
