// The image store over the bus (issue #21): PullImage (a job), ListImages
// and GetImage (reads, no authorization), RemoveImage and PruneImages
// (org.berth.image.manage). Arguments are validated first: a caller names
// an image, never a path, and its logins are checked and never logged.
#include "service.h"

#include "error_names.h"
#include "validation.h"

#include <cerrno>

namespace berth::helper {
namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QStringList qsList(const std::vector<std::string>& list)
{
    QStringList out;
    out.reserve(qsizetype(list.size()));
    for (const std::string& item : list)
        out << qs(item);
    return out;
}

// ListImages' and GetImage's dictionary: ImageInfo's fields in camelCase.
QVariantMap imageMap(const ImageInfo& image)
{
    StringMap labels;
    for (const auto& [key, value] : image.labels)
        labels.insert(qs(key), qs(value));
    return {{QStringLiteral("id"), qs(image.id)},
            {QStringLiteral("names"), qsList(image.names)},
            {QStringLiteral("manifestDigest"), qs(image.manifestDigest)},
            {QStringLiteral("os"), qs(image.os)},
            {QStringLiteral("architecture"), qs(image.architecture)},
            {QStringLiteral("variant"), qs(image.variant)},
            {QStringLiteral("created"), qlonglong(image.created)},
            {QStringLiteral("size"), qulonglong(image.size)},
            {QStringLiteral("sharedSize"), qulonglong(image.sharedSize)},
            {QStringLiteral("layers"), uint(image.layers)},
            {QStringLiteral("sharedLayers"), uint(image.sharedLayers)},
            {QStringLiteral("usedBy"), qsList(image.usedBy)},
            {QStringLiteral("entrypoint"), qsList(image.entrypoint)},
            {QStringLiteral("cmd"), qsList(image.cmd)},
            {QStringLiteral("env"), qsList(image.env)},
            {QStringLiteral("workingDir"), qs(image.workingDir)},
            {QStringLiteral("user"), qs(image.user)},
            {QStringLiteral("stopSignal"), qs(image.stopSignal)},
            {QStringLiteral("exposedPorts"), qsList(image.exposedPorts)},
            {QStringLiteral("labels"), QVariant::fromValue(labels)}};
}

// The engine's ENOENT of a lookup is the caller's "no image 'x'" (NotFound);
// other failures are logged by DelayedReply as any other.
void replyLookupError(const DelayedReply& reply, const Error& error)
{
    const std::string_view name = imageErrorNameFor(error);
    if (name == errorNameFor(error)) {
        reply.error(error);
        return;
    }
    reply.error(QString::fromLatin1(name.data(), qsizetype(name.size())), QString::fromStdString(error.describe()));
}

std::vector<RegistryCredential> toCredentials(const BerthRegistryLogins& logins)
{
    std::vector<RegistryCredential> out;
    out.reserve(std::size_t(logins.size()));
    for (const RegistryLogin& login : logins)
        out.push_back({login.registry.toStdString(), login.username.toStdString(), login.secret.toStdString()});
    return out;
}

} // namespace

QDBusObjectPath Service::PullImage(const QString& reference, const BerthRegistryLogins& credentials)
{
    m_lifetime.touch();
    PullRequest request{reference.toStdString(), toCredentials(credentials)};
    if (rejected(validateImageReference(request.reference)) || rejected(validateCredentials(request.credentials)) ||
        rejected(validateJobCount(runningJobs())))
        return {};
    auto imageId = std::make_shared<std::string>();
    authorizeJob(
        {QString::fromLatin1(kActionImageManage)}, QStringLiteral("pull"), request.reference,
        [this, request, imageId](const Progress& progress) -> Status {
            progress.step("Pulling " + request.reference, -1);
            auto image = m_engine.pullImage(request, progress);
            if (!image)
                return fail(image.error());
            *imageId = image->id;
            return {};
        },
        {}, imageId);
    return {};
}

MapList Service::ListImages()
{
    answerFromWorker([this]() -> Result<QVariant> {
        auto images = m_engine.images();
        if (!images)
            return fail(images.error());
        MapList out;
        for (const ImageInfo& image : *images)
            out << imageMap(image);
        return QVariant::fromValue(out);
    });
    return {};
}

QVariantMap Service::GetImage(const QString& qreference)
{
    m_lifetime.touch();
    const std::string reference = qreference.toStdString();
    if (rejected(validateImageLookup(reference)))
        return {};
    setDelayedReply(true);
    DelayedReply reply(connection(), message());
    runInWorker<Result<ImageInfo>>(
        this, m_lifetime, [this, reference] { return m_engine.image(reference); },
        [reply](Result<ImageInfo> image) {
            if (!image) {
                replyLookupError(reply, image.error());
                return;
            }
            reply.ok({QVariant(imageMap(*image))});
        });
    return {};
}

void Service::RemoveImage(const QString& qreference)
{
    m_lifetime.touch();
    const std::string reference = qreference.toStdString();
    if (rejected(validateImageLookup(reference)))
        return;
    // EBUSY names the containers made from it (the engine's message).
    authorizeThen(Authorizer::always({QString::fromLatin1(kActionImageManage)}),
                  [this, reference](const DelayedReply& reply, const AuthorizationResult&) {
                      runInWorker<Status>(
                          this, m_lifetime, [this, reference] { return m_engine.removeImage(reference); },
                          [reply](Status removed) {
                              if (!removed)
                                  replyLookupError(reply, removed.error());
                              else
                                  reply.ok();
                          });
                  });
}

QStringList Service::PruneImages(bool all, QStringList&, qulonglong&)
{
    m_lifetime.touch();
    runAuthorized<PruneResult>(
        Authorizer::always({QString::fromLatin1(kActionImageManage)}),
        [this, all] { return m_engine.pruneImages(all); },
        [](const DelayedReply& reply, const AuthorizationResult&, PruneResult pruned) {
            reply.ok({qsList(pruned.removedImages), qsList(pruned.removedLayers), qulonglong(pruned.bytesFreed)});
        });
    return {};
}

void Service::requireImageFor(const CreateRequest& request, Needs& needs) const
{
    if (request.templateName != "image")
        return;
    const auto reference = request.options.find("reference");
    if (reference == request.options.end())
        return;
    if (auto stored = m_engine.image(reference->second); !stored)
        needs.actions << QString::fromLatin1(kActionImageManage);
}

} // namespace berth::helper
