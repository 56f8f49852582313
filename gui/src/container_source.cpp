#include "container_source.h"

#include <QMetaObject>

namespace berth::gui {

namespace {

// Answered from the event loop, as every source answers.
void refuse(QObject* context, StatusCallback done, const QString& why)
{
    QMetaObject::invokeMethod(
        context,
        [why, done = std::move(done)] {
            done(client::Status{std::unexpect,
                                client::clientError(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"), why)});
        },
        Qt::QueuedConnection);
}

// The same for calls that answer a value.
template <class T> void refuseResult(QObject* context, Callback<T> done, const QString& why)
{
    QMetaObject::invokeMethod(
        context,
        [why, done = std::move(done)] {
            done(client::Result<T>{
                std::unexpect, client::clientError(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"), why)});
        },
        Qt::QueuedConnection);
}

} // namespace

void ContainerSource::images(QObject* context, Callback<QList<ImageInfo>> done)
{
    refuseResult(context, std::move(done), QStringLiteral("cannot list images here"));
}

void ContainerSource::image(const QString& reference, QObject* context, Callback<ImageInfo> done)
{
    refuseResult(context, std::move(done), QStringLiteral("cannot read the image '%1' here").arg(reference));
}

void ContainerSource::pullImage(const QString& reference, QObject* context, Callback<JobHandle*> done)
{
    refuseResult(context, std::move(done), QStringLiteral("cannot pull '%1' here").arg(reference));
}

void ContainerSource::removeImage(const QString& reference, QObject* context, StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot remove the image '%1' here").arg(reference));
}

void ContainerSource::pruneImages(bool, QObject* context, Callback<ImagePruneResult> done)
{
    refuseResult(context, std::move(done), QStringLiteral("cannot prune images here"));
}

void ContainerSource::setLimits(const QString& name, const model::Limits&, QObject* context, StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot change the limits of '%1' here").arg(name));
}

void ContainerSource::shareFolder(const QString& name, int, const QString&, const QString&, QObject* context,
                                  StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot share folders with '%1' here").arg(name));
}

void ContainerSource::unshareFolder(const QString& name, const QString&, QObject* context, StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot share folders with '%1' here").arg(name));
}

void ContainerSource::convertToUnprivileged(const QString& name, QObject* context, Callback<JobHandle*> done)
{
    QMetaObject::invokeMethod(
        context,
        [name, done = std::move(done)] {
            done(client::Result<JobHandle*>{
                std::unexpect, client::clientError(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                                                   QStringLiteral("cannot convert '%1' here").arg(name))});
        },
        Qt::QueuedConnection);
}

void ContainerSource::setAutostart(const QString& name, bool, QObject* context, StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot change the autostart of '%1' here").arg(name));
}

void ContainerSource::addInterface(const QString& name, const model::NetInterface&, QObject* context,
                                   Callback<uint> done)
{
    QMetaObject::invokeMethod(
        context,
        [name, done = std::move(done)] {
            done(client::Result<uint>{
                std::unexpect,
                client::clientError(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                                    QStringLiteral("cannot change the interfaces of '%1' here").arg(name))});
        },
        Qt::QueuedConnection);
}

void ContainerSource::setInterface(const QString& name, uint, const client::InterfaceChange&, QObject* context,
                                   StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot change the interfaces of '%1' here").arg(name));
}

void ContainerSource::removeInterface(const QString& name, uint, QObject* context, StatusCallback done)
{
    refuse(context, std::move(done), QStringLiteral("cannot change the interfaces of '%1' here").arg(name));
}

} // namespace berth::gui
