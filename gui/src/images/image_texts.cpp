#include "image_texts.h"

#include "berth/model/image_reference.h"
#include "figures.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct ImageTexts {
    Q_DECLARE_TR_FUNCTIONS(ImageTexts)
};

QString problemText(const model::ReferenceError& error)
{
    const QString part = QString::fromStdString(error.part);
    switch (error.problem) {
    case model::ReferenceProblem::Empty:
        return ImageTexts::tr("Type an image name, such as debian:bookworm.");
    case model::ReferenceProblem::Registry:
        return ImageTexts::tr("'%1' is not a registry: a host name or address, with an optional :port.").arg(part);
    case model::ReferenceProblem::Repository:
        return ImageTexts::tr("'%1' is not a repository name: lowercase letters, digits and . _ - between them, "
                              "parts separated by /.")
            .arg(part);
    case model::ReferenceProblem::Tag:
        return ImageTexts::tr("'%1' is not a tag: letters, digits, _ . and -, at most 128, not starting with . or -.")
            .arg(part);
    case model::ReferenceProblem::Digest:
        return ImageTexts::tr("'%1' is not a digest: sha256: followed by 64 lowercase hex digits.").arg(part);
    }
    return part;
}

} // namespace

QString referenceProblem(const QString& reference)
{
    if (reference.trimmed().isEmpty())
        return {};
    const auto parsed = model::parseImageReference(reference.trimmed().toStdString());
    return parsed ? QString() : problemText(parsed.error());
}

QString phaseText(const QString& phase)
{
    if (phase == QLatin1String("waiting"))
        return ImageTexts::tr("Waiting");
    if (phase == QLatin1String("downloading"))
        return ImageTexts::tr("Downloading");
    if (phase == QLatin1String("verifying"))
        return ImageTexts::tr("Verifying");
    if (phase == QLatin1String("extracting"))
        return ImageTexts::tr("Extracting");
    if (phase == QLatin1String("done"))
        return ImageTexts::tr("Done");
    if (phase == QLatin1String("exists"))
        return ImageTexts::tr("Already in the store");
    return phase;
}

QString imageName(const ImageInfo& image)
{
    if (!image.names.isEmpty())
        return image.names.first();
    return ImageTexts::tr("<none> (%1)").arg(shortId(image.id));
}

QString createdText(qint64 created, qint64 now)
{
    if (created <= 0)
        return ImageTexts::tr("unknown");
    return ImageTexts::tr("%1 ago").arg(formatDuration(std::max<qint64>(0, now - created)));
}

QString sharedText(const ImageInfo& image)
{
    if (image.sharedLayers == 0)
        return ImageTexts::tr("none of %n layer(s)", nullptr, int(image.layers));
    return ImageTexts::tr("%1 of %n layer(s) (%2)", nullptr, int(image.layers))
        .arg(image.sharedLayers)
        .arg(formatBytes(image.sharedSize));
}

QString usedByText(const QStringList& containers)
{
    if (containers.isEmpty())
        return ImageTexts::tr("none");
    QStringList quoted;
    for (const QString& name : containers)
        quoted << QStringLiteral("'%1'").arg(name);
    return quoted.join(QLatin1String(", "));
}

} // namespace berth::gui
