// The image store's calls (issue #21), blocking and callback forms.
#include "client.h"

#include "client_call.h"
#include "manager1_interface.h"

#include <QDBusPendingCallWatcher>

namespace berth::client {
namespace {

Result<PruneResult> pruneFrom(QDBusPendingReply<QStringList, QStringList, qulonglong>& reply)
{
    if (reply.isError())
        return std::unexpected(detail::callError(reply.error()));
    return PruneResult{reply.argumentAt<0>(), reply.argumentAt<1>(), reply.argumentAt<2>()};
}

template <class Raw, class T, class Convert>
void whenDone(const QDBusPendingCall& call, QObject* context, Convert convert, Callback<T> done)
{
    auto* watcher = new QDBusPendingCallWatcher(call, context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, convert = std::move(convert), done = std::move(done)] {
                         watcher->deleteLater();
                         QDBusPendingReply<Raw> reply = *watcher;
                         done(detail::andThen(detail::finish(reply), convert));
                     });
}

Result<ImageInfo> oneImage(const QVariantMap& map)
{
    return imageInfoFromMap(map);
}

} // namespace

Result<QDBusObjectPath> Client::pullImage(const QString& reference, const QList<RegistryLogin>& credentials)
{
    return detail::finish(m_manager->PullImage(reference, credentials));
}

Result<QList<ImageInfo>> Client::images()
{
    return detail::andThen(detail::finish(m_manager->ListImages()), imagesFromReply);
}

Result<ImageInfo> Client::image(const QString& reference)
{
    return detail::andThen(detail::finish(m_manager->GetImage(reference)), oneImage);
}

Status Client::removeImage(const QString& reference)
{
    return detail::finishVoid(m_manager->RemoveImage(reference));
}

Result<PruneResult> Client::pruneImages(bool all)
{
    auto reply = m_manager->PruneImages(all);
    reply.waitForFinished();
    return pruneFrom(reply);
}

void Client::pullImage(const QString& reference, const QList<RegistryLogin>& credentials, QObject* context,
                       Callback<QDBusObjectPath> done)
{
    whenDone<QDBusObjectPath, QDBusObjectPath>(
        m_manager->PullImage(reference, credentials), context,
        [](const QDBusObjectPath& path) { return Result<QDBusObjectPath>(path); }, std::move(done));
}

void Client::images(QObject* context, Callback<QList<ImageInfo>> done)
{
    whenDone<QList<QVariantMap>, QList<ImageInfo>>(m_manager->ListImages(), context, imagesFromReply, std::move(done));
}

void Client::image(const QString& reference, QObject* context, Callback<ImageInfo> done)
{
    whenDone<QVariantMap, ImageInfo>(m_manager->GetImage(reference), context, oneImage, std::move(done));
}

void Client::removeImage(const QString& reference, QObject* context, StatusCallback done)
{
    detail::whenDoneVoid(m_manager->RemoveImage(reference), context, std::move(done));
}

void Client::pruneImages(bool all, QObject* context, Callback<PruneResult> done)
{
    auto* watcher = new QDBusPendingCallWatcher(m_manager->PruneImages(all), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        QDBusPendingReply<QStringList, QStringList, qulonglong> reply = *watcher;
        done(pruneFrom(reply));
    });
}

} // namespace berth::client
