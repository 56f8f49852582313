#include "image_types.h"

#include "reply_fields.h"

#include <QDBusArgument>

namespace berth::client {

Result<ImageInfo> imageInfoFromMap(const QVariantMap& map, const QString& reply)
{
    ReplyFields f(reply, map);
    ImageInfo info;
    info.id = f.text("id");
    info.names = f.strings("names");
    info.manifestDigest = f.text("manifestDigest");
    info.os = f.text("os");
    info.architecture = f.text("architecture");
    info.variant = f.text("variant");
    info.created = f.integer("created");
    info.size = f.unsignedInteger("size");
    info.sharedSize = f.unsignedInteger("sharedSize");
    info.layers = uint(f.unsignedInteger("layers"));
    info.sharedLayers = uint(f.unsignedInteger("sharedLayers"));
    info.usedBy = f.strings("usedBy");
    info.entrypoint = f.strings("entrypoint");
    info.cmd = f.strings("cmd");
    info.env = f.strings("env");
    info.workingDir = f.text("workingDir");
    info.user = f.text("user");
    info.stopSignal = f.text("stopSignal");
    info.exposedPorts = f.strings("exposedPorts");
    info.labels = f.stringMap("labels");
    // Older helpers may lack newer fields, never an image's id.
    if (!f.has("id"))
        return std::unexpected(badReply(reply + QStringLiteral(": no field 'id'")));
    return f.finish(std::move(info));
}

Result<QList<ImageInfo>> imagesFromReply(const QList<QVariantMap>& maps)
{
    QList<ImageInfo> out;
    for (const QVariantMap& map : maps) {
        auto info = imageInfoFromMap(map, QStringLiteral("ListImages reply"));
        if (!info)
            return std::unexpected(info.error());
        out << std::move(*info);
    }
    return out;
}

Result<QList<ItemProgress>> jobItemsFromVariant(const QVariant& value)
{
    if (value.userType() == qMetaTypeId<BerthJobItems>())
        return value.value<BerthJobItems>();
    if (value.userType() == qMetaTypeId<QDBusArgument>()) {
        const auto arg = value.value<QDBusArgument>();
        if (arg.currentSignature() == QLatin1String("a(sstt)")) {
            BerthJobItems items;
            arg >> items;
            return items;
        }
        return std::unexpected(
            badReply(QStringLiteral("job property 'Items' is %1, not a(sstt)").arg(arg.currentSignature())));
    }
    return std::unexpected(
        badReply(QStringLiteral("job property 'Items' is %1, not a(sstt)").arg(QLatin1String(value.typeName()))));
}

QString shortId(const QString& id)
{
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    return id.mid(colon + 1, 12);
}

} // namespace berth::client
