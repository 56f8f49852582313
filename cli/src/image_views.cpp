#include "image_views.h"

#include "berth/model/units.h"
#include "table.h"
#include "tr.h"

#include <QJsonArray>

namespace berth::cli {
namespace {

QString sizeText(std::uint64_t bytes)
{
    return QString::fromStdString(model::formatSize(bytes, model::SizeStyle::Long));
}

QString phaseText(const client::ItemProgress& item)
{
    const QString& phase = item.phase;
    if (phase == QLatin1String("waiting"))
        return Cli::tr("Waiting");
    if (phase == QLatin1String("downloading"))
        return item.total == 0 ? Cli::tr("Downloading %1").arg(sizeText(item.done))
                               : Cli::tr("Downloading %1 / %2").arg(sizeText(item.done), sizeText(item.total));
    if (phase == QLatin1String("verifying"))
        return Cli::tr("Verifying checksum");
    if (phase == QLatin1String("extracting"))
        return item.total == 0 ? Cli::tr("Extracting")
                               : Cli::tr("Extracting %1 / %2").arg(sizeText(item.done), sizeText(item.total));
    if (phase == QLatin1String("done"))
        return Cli::tr("Pull complete");
    if (phase == QLatin1String("exists"))
        return Cli::tr("Already exists");
    return phase;
}

QString agoText(std::int64_t created, std::int64_t now)
{
    if (created <= 0)
        return Cli::tr("unknown");
    const std::int64_t seconds = std::max<std::int64_t>(0, now - created);
    return Cli::tr("%1 ago").arg(QString::fromStdString(model::formatDuration(seconds)));
}

QString listText(const QStringList& list)
{
    return list.isEmpty() ? QStringLiteral("-") : list.join(QStringLiteral(", "));
}

QJsonArray jsonList(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString itemLineText(const client::ItemProgress& item)
{
    return client::shortId(item.item) + QStringLiteral(": ") + phaseText(item);
}

std::pair<QString, QString> nameAndTag(const QString& name)
{
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    const QString base = at >= 0 ? name.left(at) : name;
    const qsizetype slash = base.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = base.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        return {base.left(colon), base.mid(colon + 1)};
    return {base, QStringLiteral("<none>")};
}

QString imagesTable(const QList<client::ImageInfo>& images, std::int64_t now)
{
    QList<QStringList> rows;
    for (const client::ImageInfo& image : images) {
        const QStringList names = image.names.isEmpty() ? QStringList{QStringLiteral("<none>")} : image.names;
        for (const QString& name : names) {
            const auto [repository, tag] = image.names.isEmpty()
                                               ? std::pair{QStringLiteral("<none>"), QStringLiteral("<none>")}
                                               : nameAndTag(name);
            rows << QStringList{repository,
                                tag,
                                client::shortId(image.id),
                                agoText(image.created, now),
                                sizeText(image.size),
                                sizeText(image.sharedSize),
                                listText(image.usedBy)};
        }
    }
    return formatTable({Cli::tr("NAME"), Cli::tr("TAG"), Cli::tr("IMAGE ID"), Cli::tr("CREATED"), Cli::tr("SIZE"),
                        Cli::tr("SHARED"), Cli::tr("USED BY")},
                       rows);
}

QString imageIdsText(const QList<client::ImageInfo>& images)
{
    QString out;
    for (const client::ImageInfo& image : images)
        out += client::shortId(image.id) + QLatin1Char('\n');
    return out;
}

QString imageDetails(const client::ImageInfo& image)
{
    QStringList labels;
    for (auto it = image.labels.begin(); it != image.labels.end(); ++it)
        labels << it.key() + QLatin1Char('=') + it.value();
    QString platform = image.os + QLatin1Char('/') + image.architecture;
    if (!image.variant.isEmpty())
        platform += QLatin1Char('/') + image.variant;
    const QList<std::pair<QString, QString>> lines{
        {Cli::tr("Id"), image.id},
        {Cli::tr("Names"), listText(image.names)},
        {Cli::tr("Manifest"), image.manifestDigest},
        {Cli::tr("Platform"), platform},
        {Cli::tr("Size"), sizeText(image.size)},
        {Cli::tr("Shared"),
         Cli::tr("%1 (%2 of %3 layers)").arg(sizeText(image.sharedSize)).arg(image.sharedLayers).arg(image.layers)},
        {Cli::tr("Used by"), listText(image.usedBy)},
        {Cli::tr("Entrypoint"), listText(image.entrypoint)},
        {Cli::tr("Command"), listText(image.cmd)},
        {Cli::tr("Environment"), listText(image.env)},
        {Cli::tr("Working directory"), image.workingDir.isEmpty() ? QStringLiteral("-") : image.workingDir},
        {Cli::tr("User"), image.user.isEmpty() ? QStringLiteral("-") : image.user},
        {Cli::tr("Stop signal"), image.stopSignal.isEmpty() ? QStringLiteral("-") : image.stopSignal},
        {Cli::tr("Ports"), listText(image.exposedPorts)},
        {Cli::tr("Labels"), listText(labels)},
    };
    QString out;
    for (const auto& [key, value] : lines)
        out += key + QStringLiteral(": ") + value + QLatin1Char('\n');
    return out;
}

QJsonObject imageJson(const client::ImageInfo& image)
{
    QJsonObject labels;
    for (auto it = image.labels.begin(); it != image.labels.end(); ++it)
        labels.insert(it.key(), it.value());
    return {{QStringLiteral("id"), image.id},
            {QStringLiteral("names"), jsonList(image.names)},
            {QStringLiteral("manifestDigest"), image.manifestDigest},
            {QStringLiteral("os"), image.os},
            {QStringLiteral("architecture"), image.architecture},
            {QStringLiteral("variant"), image.variant},
            {QStringLiteral("created"), qint64(image.created)},
            {QStringLiteral("size"), qint64(image.size)},
            {QStringLiteral("sharedSize"), qint64(image.sharedSize)},
            {QStringLiteral("layers"), qint64(image.layers)},
            {QStringLiteral("sharedLayers"), qint64(image.sharedLayers)},
            {QStringLiteral("usedBy"), jsonList(image.usedBy)},
            {QStringLiteral("entrypoint"), jsonList(image.entrypoint)},
            {QStringLiteral("cmd"), jsonList(image.cmd)},
            {QStringLiteral("env"), jsonList(image.env)},
            {QStringLiteral("workingDir"), image.workingDir},
            {QStringLiteral("user"), image.user},
            {QStringLiteral("stopSignal"), image.stopSignal},
            {QStringLiteral("exposedPorts"), jsonList(image.exposedPorts)},
            {QStringLiteral("labels"), labels}};
}

QString pruneText(const client::PruneResult& pruned)
{
    QString out;
    for (const QString& id : pruned.images)
        out += Cli::tr("Deleted image %1\n").arg(id);
    for (const QString& layer : pruned.layers)
        out += Cli::tr("Deleted layer %1\n").arg(layer);
    return out + Cli::tr("Space freed: %1\n").arg(sizeText(pruned.bytesFreed));
}

} // namespace berth::cli
