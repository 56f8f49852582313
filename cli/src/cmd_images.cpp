// pull, images and image (rm, prune, inspect): the image store (issue #21).
#include "cmd_images.h"

#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "image_views.h"
#include "registry_credentials.h"
#include "session.h"
#include "tr.h"
#include "views.h"

#include <QDateTime>
#include <QJsonArray>

#include <unistd.h>

namespace berth::cli {

QList<client::RegistryLogin> credentialsFor(const QString& reference)
{
    const auto read = client::readRegistryCredentials(reference, client::credentialSourcesFromEnvironment());
    for (const QString& warning : read.warnings)
        printErr(Cli::tr("berthctl: warning: %1\n").arg(warning));
    return read.logins;
}

int pullWithProgress(const QString& reference, bool quiet, QString* imageId)
{
    auto job = helperClient().pullImage(reference, credentialsFor(reference));
    if (!job)
        return reportError(job.error());
    QString id;
    if (auto done = followJob(*job, quiet, &id); !done)
        return reportError(done.error());
    if (imageId)
        *imageId = id;
    return kExitOk;
}

int ensureImage(const QString& reference, bool quiet)
{
    auto stored = helperClient().image(reference);
    if (stored)
        return kExitOk;
    if (stored.error().kind != client::ErrorKind::NotFound)
        return reportError(stored.error());
    if (!quiet)
        printErr(Cli::tr("Unable to find image '%1' in the store, pulling it\n").arg(reference));
    return pullWithProgress(reference, quiet, nullptr);
}

int cmdPull(const QStringList& args)
{
    VerbLine line(QStringLiteral("pull"), QStringLiteral("[-q] [REGISTRY/]REPOSITORY[:TAG|@DIGEST]"),
                  Cli::tr("Pull an image from its registry into Berth's image store, with each layer's progress. "
                          "A short name resolves as docker's do (debian is docker.io/library/debian:latest), "
                          "or through unqualified-search-registries in /etc/containers/registries.conf. "
                          "Logins come from your own $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json "
                          "or ~/.docker/config.json. Ctrl-C cancels the pull and leaves nothing behind."));
    line.addFlag({QStringLiteral("q"), QStringLiteral("quiet")}, Cli::tr("Print only the image's id."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    const bool quiet = line.isSet(QStringLiteral("quiet"));
    QString id;
    const int code = pullWithProgress(line.positional().at(0), quiet, &id);
    if (code == kExitOk)
        printOut(quiet ? id + QLatin1Char('\n') : Cli::tr("Pulled %1 (%2)\n").arg(line.positional().at(0), id));
    return code;
}

int cmdImages(const QStringList& args)
{
    VerbLine line(QStringLiteral("images"), QStringLiteral("[-q|--json]"),
                  Cli::tr("List the images of Berth's store: name, tag, id, age, size on disk, the part of it "
                          "shared with other images, and the containers made from each."));
    line.addFlag({QStringLiteral("q"), QStringLiteral("quiet")}, Cli::tr("Print only the image ids."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON."));
    if (int code = line.parse(args, 0, 0); code >= 0)
        return code;
    auto images = helperClient().images();
    if (!images)
        return reportError(images.error());
    if (line.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& image : *images)
            array.append(imageJson(image));
        printOut(jsonText(array));
    } else if (line.isSet(QStringLiteral("quiet"))) {
        printOut(imageIdsText(*images));
    } else {
        printOut(imagesTable(*images, QDateTime::currentSecsSinceEpoch()));
    }
    return kExitOk;
}

namespace {

int imageRemove(const QStringList& references)
{
    int code = kExitOk;
    for (const QString& reference : references) {
        if (auto removed = helperClient().removeImage(reference); !removed) {
            const int failed = reportError(removed.error());
            code = code == kExitOk ? failed : code; // the first failure's code
            continue;
        }
        printOut(Cli::tr("Removed %1\n").arg(reference));
    }
    return code;
}

int imagePrune(bool all)
{
    auto pruned = helperClient().pruneImages(all);
    if (!pruned)
        return reportError(pruned.error());
    printOut(pruneText(*pruned));
    return kExitOk;
}

int imageInspect(const QString& reference, bool json)
{
    auto image = helperClient().image(reference);
    if (!image)
        return reportError(image.error());
    printOut(json ? jsonText(imageJson(*image)) : imageDetails(*image));
    return kExitOk;
}

} // namespace

int cmdImage(const QStringList& args)
{
    VerbLine line(QStringLiteral("image"), QStringLiteral("rm REF... | prune [--all] | inspect REF [--json]"),
                  Cli::tr("rm: remove images (by name only that name, by id the whole image); refused while a "
                          "container is made from one. prune: remove images without a name that no container "
                          "uses (--all: every image no container uses) and the layers no image has left. "
                          "inspect: an image's details."));
    line.addFlag({QStringLiteral("a"), QStringLiteral("all")}, Cli::tr("prune: every image no container uses."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("inspect: print JSON."));
    if (int code = line.parse(args, 1, 1024); code >= 0)
        return code;
    const QString action = line.positional().at(0);
    const QStringList rest = line.positional().mid(1);
    if (action == QLatin1String("rm") && !rest.isEmpty())
        return imageRemove(rest);
    if (action == QLatin1String("prune") && rest.isEmpty())
        return imagePrune(line.isSet(QStringLiteral("all")));
    if (action == QLatin1String("inspect") && rest.size() == 1)
        return imageInspect(rest.at(0), line.isSet(QStringLiteral("json")));
    if (action == QLatin1String("ls") && rest.isEmpty())
        return cmdImages({});
    return reportUsage(Cli::tr("image: expected 'rm REF...', 'prune [--all]' or 'inspect REF'"));
}

} // namespace berth::cli
